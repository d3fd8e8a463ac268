"""Loader for system-design problems in ``content/designs/<slug>/`` (docs/system-design.md).

A design problem is judged by a reviewer, not by tests, so it is content like a
quiz: ``design.toml`` (the brief and the rubric) and ``statement.md``, loaded
once at start. The rubric (expected components and links) stays on the server
until a session is reviewed, as hidden tests do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from content import DESIGNS_DIR
from designs.rubric import Component, Connection
from storage.quiz_package import ContentError, content_folders, read_toml, slug_of, text, whole

__all__ = ["DesignProblem", "iter_designs", "load_design"]

KIND = "system_design"
DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True, slots=True)
class DesignProblem:
    slug: str
    title: str
    difficulty: str
    summary: str
    statement: str  # markdown
    estimated_minutes: int
    topics: tuple[str, ...]
    requirements: tuple[str, ...]
    constraints: tuple[str, ...]
    hints: tuple[str, ...]
    components: tuple[Component, ...]  # server only
    connections: tuple[Connection, ...]  # server only
    kind: str = KIND


_REQUIRED = (
    "slug",
    "title",
    "difficulty",
    "summary",
    "estimated_minutes",
    "requirements",
    "constraints",
    "hints",
    "components",
)
_KNOWN = frozenset({*_REQUIRED, "topics", "connections"})
_COMPONENT_KEYS = frozenset({"name", "aliases", "weight", "why"})
_CONNECTION_KEYS = frozenset({"from", "to", "why"})


def _strings(meta: dict[str, Any], key: str, where: Path, *, least: int = 0) -> tuple[str, ...]:
    value = meta.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ContentError(f"{where}: '{key}' must be a list of non-empty strings")
    if len(value) < least:
        raise ContentError(f"{where}: '{key}' needs at least {least} entries")
    return tuple(v.strip() for v in value)


def _table(raw: Any, keys: frozenset[str], where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: must be a table")
    unknown = sorted(set(raw) - keys)
    if unknown:
        raise ContentError(f"{where}: unknown key(s): {', '.join(unknown)}")
    return raw


def _components(meta: dict[str, Any], path: Path) -> tuple[Component, ...]:
    raw = meta["components"]
    if not isinstance(raw, list) or len(raw) < 3:
        raise ContentError(f"{path}: 'components' needs at least 3 [[components]] tables")
    found: list[Component] = []
    for number, entry in enumerate(raw, start=1):
        where = f"{path}: component {number}"
        table = _table(entry, _COMPONENT_KEYS, where)
        name = table.get("name")
        why = table.get("why")
        if not isinstance(name, str) or not name.strip() or not isinstance(why, str) or not why:
            raise ContentError(f"{where}: 'name' and 'why' must be non-empty strings")
        weight = table.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= 5:
            raise ContentError(f"{where}: 'weight' must be a whole number from 1 to 5")
        aliases = _strings(table, "aliases", path)
        found.append(Component(name.strip(), aliases, weight, why.strip()))
    names = [c.name for c in found]
    if len(set(names)) != len(names):
        raise ContentError(f"{path}: two components share a name")
    return tuple(found)


def _connections(meta: dict[str, Any], path: Path, names: set[str]) -> tuple[Connection, ...]:
    raw = meta.get("connections", [])
    if not isinstance(raw, list):
        raise ContentError(f"{path}: 'connections' must be [[connections]] tables")
    found: list[Connection] = []
    for number, entry in enumerate(raw, start=1):
        where = f"{path}: connection {number}"
        table = _table(entry, _CONNECTION_KEYS, where)
        source, target, why = table.get("from"), table.get("to"), table.get("why")
        for end in (source, target):
            if end not in names:
                raise ContentError(f"{where}: {end!r} is not one of the components")
        if not isinstance(why, str) or not why.strip():
            raise ContentError(f"{where}: 'why' must be a non-empty string")
        found.append(Connection(str(source), str(target), why.strip()))
    return tuple(found)


def load_design(root: Path) -> DesignProblem:
    """Read one design folder; a :class:`ContentError` names the file and what is wrong."""
    root = Path(root)
    path = root / "design.toml"
    meta = read_toml(path, _REQUIRED, _KNOWN)
    statement_path = root / "statement.md"
    if not statement_path.is_file():
        raise ContentError(f"{root}: missing statement.md")
    statement = statement_path.read_text(encoding="utf-8").strip()
    if not statement:
        raise ContentError(f"{statement_path}: the statement is empty")
    difficulty = text(meta, "difficulty", path)
    if difficulty not in DIFFICULTIES:
        raise ContentError(f"{path}: 'difficulty' must be one of {', '.join(DIFFICULTIES)}")
    components = _components(meta, path)
    return DesignProblem(
        slug=slug_of(meta, root, path),
        title=text(meta, "title", path),
        difficulty=difficulty,
        summary=text(meta, "summary", path),
        statement=statement,
        estimated_minutes=whole(meta, "estimated_minutes", path, 10, 180),
        topics=_strings(meta, "topics", path),
        requirements=_strings(meta, "requirements", path, least=1),
        constraints=_strings(meta, "constraints", path, least=1),
        hints=_strings(meta, "hints", path, least=1),
        components=components,
        connections=_connections(meta, path, {c.name for c in components}),
    )


def iter_designs(base: Path = DESIGNS_DIR) -> Iterator[DesignProblem]:
    for folder in content_folders(base):
        yield load_design(folder)
