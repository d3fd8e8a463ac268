"""Learning modules: the ordered path, one module with its items, marking text items done.

An item is done when its problem has an accepted submission, its quiz a passed
attempt, or (text and worked examples) when the learner marks it done.
"""

from __future__ import annotations

from realtime.keys import CONTENT, DATABASE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import ConflictError, NotFoundError
from realtime.schemas.learning import (
    ItemOut,
    ModuleEnvelope,
    ModuleList,
    ModuleOut,
    ModuleSummary,
)
from storage.content_catalog import Catalog
from storage.learning_progress import Done, module_progress
from storage.module_package import MARKABLE_KINDS, LearningModule
from storage.repositories import learning as learning_repo
from storage.repositories import quizzes as quiz_repo

routes = EndpointTable()
TAGS = ("modules",)


def module_of(call: Call) -> LearningModule:
    raw = call.path["slug"]
    module = call.app[CONTENT].modules.get(raw) if len(raw) <= 80 else None
    if module is None:
        raise NotFoundError(f"module '{raw[:80]}' not found", code="module_not_found")
    return module


async def done_by(s: object, user_id: int, catalog: Catalog) -> Done:
    """What the user has done across every module (three queries, whatever the size)."""
    items = [i for m in catalog.modules.values() for i in m.items]
    problems = {i.problem for i in items if i.kind == "problem"}
    quizzes = {i.quiz for i in items if i.kind == "quiz"}
    return Done(
        solved=frozenset(await learning_repo.solved_slugs(s, user_id, problems)),  # type: ignore[arg-type]
        passed=frozenset(await quiz_repo.passed_quizzes(s, user_id, quizzes)),  # type: ignore[arg-type]
        marked=frozenset(await learning_repo.marked_items(s, user_id)),  # type: ignore[arg-type]
    )


async def module_out(s: object, call: Call, module: LearningModule) -> ModuleOut:
    catalog = call.app[CONTENT]
    done = await done_by(s, call.user.id, catalog)
    progress = module_progress(catalog.modules.values(), done)[module.slug]
    refs = await learning_repo.problem_refs(  # type: ignore[arg-type]
        s, (i.problem for i in module.items if i.kind == "problem")
    )
    titles = {slug: q.title for slug, q in catalog.quizzes.items()}
    done_ids = set(progress.done_items)
    return ModuleOut(
        **ModuleSummary.of(module, progress).model_dump(),
        items=[ItemOut.of(i, i.id in done_ids, refs, titles) for i in module.items],
    )


@routes.get("/api/modules", response=ModuleList, tags=TAGS)
async def list_modules(call: Call) -> ModuleList:
    """The modules in learning order, with your progress and whether prerequisites are met."""
    catalog = call.app[CONTENT]
    async with call.app[DATABASE].session() as s:
        done = await done_by(s, call.user.id, catalog)
    progress = module_progress(catalog.modules.values(), done)
    return ModuleList(
        items=[ModuleSummary.of(m, progress[m.slug]) for m in catalog.modules.values()]
    )


@routes.get("/api/modules/{slug}", response=ModuleEnvelope, tags=TAGS, errors=(404,))
async def get_module(call: Call) -> ModuleEnvelope:
    """One module with its items (text, examples, problems, quiz) and which are done."""
    module = module_of(call)
    async with call.app[DATABASE].session() as s:
        return ModuleEnvelope(module=await module_out(s, call, module))


@routes.post(
    "/api/modules/{slug}/items/{item_id}/done",
    response=ModuleEnvelope,
    tags=TAGS,
    errors=(404, 409),
)
async def mark_done(call: Call) -> ModuleEnvelope:
    """Mark a text or worked-example item done (again is harmless); answers the module."""
    module = module_of(call)
    raw = call.path["item_id"]
    item = module.item(raw) if len(raw) <= 80 else None
    if item is None:
        raise NotFoundError(f"item '{raw[:80]}' not found in this module", code="item_not_found")
    if item.kind not in MARKABLE_KINDS:
        raise ConflictError(
            f"a {item.kind} item is done when its {item.kind} is "
            + ("solved" if item.kind == "problem" else "passed"),
            code="item_not_markable",
        )
    async with call.app[DATABASE].session() as s:
        await learning_repo.mark_item(s, call.user.id, module.slug, item.id)
        return ModuleEnvelope(module=await module_out(s, call, module))
