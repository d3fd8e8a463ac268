"""Quizzes, learning modules, companies and system-design problems, loaded together and
checked against each other.

Each loader checks its own files; the catalog checks the links between them: a
module's problems exist in the bank, its quizzes and prerequisites exist and the
prerequisites have no cycle, a company's problems and quizzes exist. The content
is read-only data, so the web process keeps the catalog in memory (loaded once at
start, like the bank) and the database holds only what learners do with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from content import CONTENT_DIR
from storage.company_package import Company, iter_companies
from storage.design_package import DesignProblem, iter_designs
from storage.module_package import LearningModule, iter_modules
from storage.quiz_package import ContentError, Quiz, iter_quizzes

__all__ = ["Catalog", "bank_slugs", "find_cycle", "load_catalog"]


@dataclass(frozen=True)
class Catalog:
    quizzes: dict[str, Quiz]
    modules: dict[str, LearningModule]  # in learning order
    companies: dict[str, Company]
    designs: dict[str, DesignProblem] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> Catalog:
        return cls({}, {}, {})


def bank_slugs(problems_dir: Path) -> set[str]:
    """Slugs of the problem folders in a bank (without loading their tests)."""
    if not problems_dir.is_dir():
        return set()
    return {p.name for p in problems_dir.iterdir() if (p / "problem.toml").is_file()}


def find_cycle(edges: dict[str, tuple[str, ...]]) -> list[str] | None:
    """A prerequisite cycle as ``[a, b, ..., a]``, or None when the graph is acyclic."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in edges.get(node, ()):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def _unique(
    items: Iterable[Quiz | LearningModule | Company | DesignProblem], what: str
) -> dict[str, object]:
    seen: dict[str, object] = {}
    for item in items:
        if item.slug in seen:
            raise ContentError(f"two {what} share the slug {item.slug!r}")
        seen[item.slug] = item
    return seen


def build_catalog(
    quizzes: Iterable[Quiz],
    modules: Iterable[LearningModule],
    companies: Iterable[Company],
    problem_slugs: set[str],
    designs: Iterable[DesignProblem] = (),
) -> Catalog:
    """Check every link between the pieces; raise :class:`ContentError` naming the first bad one."""
    quiz_map: dict[str, Quiz] = _unique(quizzes, "quizzes")  # type: ignore[assignment]
    module_map: dict[str, LearningModule] = _unique(modules, "modules")  # type: ignore[assignment]
    company_map: dict[str, Company] = _unique(companies, "companies")  # type: ignore[assignment]
    design_map: dict[str, DesignProblem] = _unique(designs, "designs")  # type: ignore[assignment]
    clash = sorted(set(design_map) & problem_slugs)
    if clash:
        raise ContentError(f"design {clash[0]!r} has the slug of a bank problem")
    for module in module_map.values():
        where = f"module {module.slug!r}"
        for item in module.items:
            if item.kind == "problem" and item.problem not in problem_slugs:
                raise ContentError(f"{where}, item {item.id!r}: unknown problem {item.problem!r}")
            if item.kind == "quiz" and item.quiz not in quiz_map:
                raise ContentError(f"{where}, item {item.id!r}: unknown quiz {item.quiz!r}")
        for prerequisite in module.prerequisites:
            if prerequisite not in module_map:
                raise ContentError(f"{where}: unknown prerequisite module {prerequisite!r}")
    cycle = find_cycle({m.slug: m.prerequisites for m in module_map.values()})
    if cycle:
        raise ContentError(f"module prerequisites form a cycle: {' -> '.join(cycle)}")
    for company in company_map.values():
        where = f"company {company.slug!r}"
        unknown = [p for p in company.problems if p not in problem_slugs]
        if unknown:
            raise ContentError(f"{where}: unknown problem(s) {', '.join(unknown)}")
        unknown = [q for q in company.quizzes if q not in quiz_map]
        if unknown:
            raise ContentError(f"{where}: unknown quiz(zes) {', '.join(unknown)}")
        unknown = [d for d in company.designs if d not in design_map]
        if unknown:
            raise ContentError(f"{where}: unknown design(s) {', '.join(unknown)}")
    ordered = dict(sorted(module_map.items(), key=lambda kv: (kv[1].order, kv[0])))
    return Catalog(quiz_map, ordered, company_map, design_map)


def load_catalog(root: Path = CONTENT_DIR, problem_slugs: set[str] | None = None) -> Catalog:
    """Load ``<root>/{quizzes,modules,companies,designs}``; links are checked against the bank
    in ``<root>/problems`` unless ``problem_slugs`` is given. A missing folder is empty."""
    root = Path(root)

    def folder(name: str) -> Path | None:
        path = root / name
        return path if path.is_dir() else None

    quizzes = iter_quizzes(p) if (p := folder("quizzes")) else ()
    modules = iter_modules(p) if (p := folder("modules")) else ()
    companies = iter_companies(p) if (p := folder("companies")) else ()
    designs = iter_designs(p) if (p := folder("designs")) else ()
    slugs = bank_slugs(root / "problems") if problem_slugs is None else problem_slugs
    return build_catalog(list(quizzes), list(modules), list(companies), slugs, list(designs))
