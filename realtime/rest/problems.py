"""Problem catalogue (public) and authoring (authors and admins).

A create or replace with reference solutions judges them on every test first
(`services/authoring.py`): a failing reference refuses the write with 422
`reference_rejected` and the failing tests in `details`.
"""

from __future__ import annotations

import re

from sqlalchemy.ext.asyncio import AsyncSession

from realtime.keys import DATABASE, EXECUTION, PROBLEM_CACHE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import (
    ConflictError,
    Forbidden,
    NotFoundError,
    Unavailable,
    ValidationFailed,
)
from realtime.schemas.problems import (
    SLUG_PATTERN,
    ProblemEnvelope,
    ProblemOut,
    ProblemPage,
    ProblemQuery,
    ProblemSummary,
    ProblemWrite,
)
from realtime.services.authoring import (
    CannotValidate,
    CheckerBroken,
    ReferenceRejected,
    check_references,
)
from storage.errors import Conflict, NotFound
from storage.models import Problem, User
from storage.repositories import audit
from storage.repositories import problems as problem_repo

routes = EndpointTable()
TAGS = ("problems",)
AUTHORING_ROLES = ("author", "admin")
# `/api/problems/generate` and `/recommended` are other resources (rest/coach.py): the slug
# route must not match them, or a 405 there would advertise the slug route's methods.
SLUG_PATH = "/api/problems/{slug:(?!generate$|recommended$)[^/]+}"
_SLUG = re.compile(SLUG_PATTERN)


def viewer_of(user: User | None) -> problem_repo.Viewer:
    if user is None:
        return problem_repo.Viewer()
    return problem_repo.Viewer(user.id, user.role)


def checked_slug(raw: str) -> str:
    if not _SLUG.match(raw) or len(raw) > 80:
        raise NotFoundError(f"problem '{raw[:80]}' not found", code="problem_not_found")
    return raw


def draft_of(body: ProblemWrite) -> problem_repo.ProblemDraft:
    fields = body.model_dump(
        exclude={
            "slug",
            "topics",
            "tags",
            "companies",
            "tests",
            "reference_solutions",
            "float_tolerance",
            "checker_program",
        }
    )
    program = body.checker_program
    fields["checker_source"] = program.source if program else None
    fields["checker_language"] = program.language if program else None
    if body.checker == "float":
        tol = body.float_tolerance or 1e-6
        fields["checker_options"] = {"abs_tol": tol, "rel_tol": tol}
    else:
        fields["checker_options"] = {}
    return problem_repo.ProblemDraft(
        slug=body.slug,
        fields=fields,
        topics=body.topics,
        tags=body.tags,
        companies=body.companies,
        tests=problem_repo.numbered_tests(body.tests),
        solutions=dict(body.reference_solutions),
    )


async def problem_out(session: object, problem: Problem) -> ProblemOut:
    visible = await problem_repo.get_tests(session, problem.id, include_hidden=False)  # type: ignore[arg-type]
    return ProblemOut.with_examples(problem, visible)


async def validated(call: Call, draft: problem_repo.ProblemDraft) -> problem_repo.ProblemDraft:
    """The draft, once each reference solution has passed every test in the judge."""
    try:
        await check_references(call.app[EXECUTION].judge, draft)
    except CannotValidate as exc:
        if exc.code == "judge_unavailable":
            raise Unavailable(exc.message, code=exc.code) from exc
        raise ValidationFailed(exc.message, code=exc.code) from exc
    except CheckerBroken as exc:
        raise ValidationFailed(exc.message, code="checker_failed") from exc
    except ReferenceRejected as exc:
        raise ValidationFailed(
            "a reference solution fails the problem's own tests",
            code="reference_rejected",
            details=[f.as_dict() for f in exc.failures],
        ) from exc
    return draft


async def visible_problem(session: AsyncSession, slug: str, user: User | None) -> Problem:
    """The problem `user` may see, else 404 (someone else's private one looks missing)."""
    try:
        return await problem_repo.get_problem(session, slug, viewer_of(user))
    except NotFound as exc:
        raise NotFoundError(exc.message, code="problem_not_found") from exc


def ensure_can_edit(user: User, problem: Problem) -> None:
    if user.role != "admin" and problem.author_id != user.id:
        raise Forbidden("only the problem's author or an admin may change it")


async def audit_admin_edit(
    session: AsyncSession, user: User, problem: Problem, action: str
) -> None:
    """An admin changing a problem that is not theirs is an admin action: audited."""
    if problem.author_id != user.id:
        await audit.record(
            session, user.id, action, "problem", problem.slug, {"author_id": problem.author_id}
        )


@routes.get("/api/problems", query=ProblemQuery, response=ProblemPage, auth="optional", tags=TAGS)
async def list_problems(call: Call) -> ProblemPage:
    """List problems with filters, search (title and statement) and pagination."""
    q: ProblemQuery = call.query
    viewer = viewer_of(call.user)
    cache = call.app[PROBLEM_CACHE]
    if cache.enabled:  # scaled: pages come from Redis until a problem write
        who = "admin" if viewer.is_admin else f"u{viewer.user_id}" if viewer.user_id else "anon"
        query = q.model_dump_json()
        version = await cache.version()
        if (hit := await cache.get(version, who, query)) is not None:
            return ProblemPage.model_validate_json(hit)
        page = await _problem_page(call, viewer, q)
        await cache.put(version, who, query, page.model_dump_json().encode())
        return page
    return await _problem_page(call, viewer, q)


async def _problem_page(call: Call, viewer: problem_repo.Viewer, q: ProblemQuery) -> ProblemPage:
    flt = problem_repo.ProblemFilter(**q.model_dump())
    async with call.app[DATABASE].session() as session:
        rows, total = await problem_repo.list_problems(session, viewer, flt)
    return ProblemPage(
        items=[ProblemSummary.of(p) for p in rows], total=total, page=q.page, per_page=q.per_page
    )


@routes.get(SLUG_PATH, response=ProblemEnvelope, auth="optional", tags=TAGS, errors=(404,))
async def get_problem(call: Call) -> ProblemEnvelope:
    """One problem with its visible tests as examples (hidden tests never leave the server)."""
    slug = checked_slug(call.path["slug"])
    async with call.app[DATABASE].session() as session:
        problem = await visible_problem(session, slug, call.user)
        return ProblemEnvelope(problem=await problem_out(session, problem))


@routes.post(
    "/api/problems",
    body=ProblemWrite,
    response=ProblemEnvelope,
    status=201,
    roles=AUTHORING_ROLES,
    tags=TAGS,
    errors=(409, 422, 503),
)
async def create_problem(call: Call) -> ProblemEnvelope:
    """Create a problem with its tests (hidden tests are write-only); references are judged."""
    async with call.app[DATABASE].session() as session:
        if await problem_repo.slugs_in(session, [call.body.slug]):
            raise ConflictError(f"slug '{call.body.slug}' is taken", code="slug_taken")
    draft = await validated(call, draft_of(call.body))
    async with call.app[DATABASE].session() as session:
        try:
            problem = await problem_repo.create_problem(session, draft, author_id=call.user.id)
        except Conflict as exc:
            raise ConflictError(exc.message, code="slug_taken") from exc
        out = ProblemEnvelope(problem=await problem_out(session, problem))
    await call.app[PROBLEM_CACHE].invalidate()  # after the commit
    return out


@routes.put(
    SLUG_PATH,
    body=ProblemWrite,
    response=ProblemEnvelope,
    roles=AUTHORING_ROLES,
    tags=TAGS,
    errors=(404, 409, 422, 503),
)
async def replace_problem(call: Call) -> ProblemEnvelope:
    """Replace a problem you own (admins: any). The slug in the body must match the URL."""
    slug = checked_slug(call.path["slug"])
    body: ProblemWrite = call.body
    if body.slug != slug:
        raise ConflictError("the slug cannot be changed", code="slug_mismatch")
    async with call.app[DATABASE].session() as session:
        ensure_can_edit(call.user, await visible_problem(session, slug, call.user))
    draft = await validated(call, draft_of(body))  # no transaction held while judging
    async with call.app[DATABASE].session() as session:
        problem = await visible_problem(session, slug, call.user)
        ensure_can_edit(call.user, problem)
        await problem_repo.update_problem(session, problem, draft)
        await audit_admin_edit(session, call.user, problem, "problem.replaced")
        out = ProblemEnvelope(problem=await problem_out(session, problem))
    await call.app[PROBLEM_CACHE].invalidate()
    return out


@routes.delete(SLUG_PATH, roles=AUTHORING_ROLES, tags=TAGS, status=204, errors=(404,))
async def delete_problem(call: Call) -> None:
    """Delete a problem you own (admins: any)."""
    slug = checked_slug(call.path["slug"])
    async with call.app[DATABASE].session() as session:
        problem = await visible_problem(session, slug, call.user)
        ensure_can_edit(call.user, problem)
        await audit_admin_edit(session, call.user, problem, "problem.deleted")
        await problem_repo.delete_problem(session, problem)
    await call.app[PROBLEM_CACHE].invalidate()
