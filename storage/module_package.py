"""Loader for learning modules in ``content/modules/<slug>/module.toml`` (docs/content.md).

A module is an ordered list of items: markdown text, a worked code example, a
problem of the bank or a quiz. The loader checks each file on its own; links to
problems, quizzes and other modules are checked by :mod:`storage.content_catalog`,
which sees everything at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from content import MODULES_DIR
from storage.quiz_package import (
    SLUG_RE,
    ContentError,
    content_folders,
    read_toml,
    slug_list,
    slug_of,
    text,
    whole,
)

__all__ = ["ITEM_KINDS", "MARKABLE_KINDS", "LearningModule", "ModuleItem", "load_module"]

ITEM_KINDS: tuple[str, ...] = ("text", "example", "problem", "quiz")
MARKABLE_KINDS: frozenset[str] = frozenset({"text", "example"})
"""Items the learner marks done; problems are done when solved, quizzes when passed."""


@dataclass(frozen=True, slots=True)
class ModuleItem:
    id: str
    kind: str
    title: str
    body: str  # markdown for text, notes for an example
    code: str  # an example's source
    language: str
    problem: str  # a bank slug, for kind "problem"
    quiz: str  # a quiz slug, for kind "quiz"


@dataclass(frozen=True, slots=True)
class LearningModule:
    slug: str
    title: str
    summary: str
    order: int
    prerequisites: tuple[str, ...]
    items: tuple[ModuleItem, ...]

    def item(self, item_id: str) -> ModuleItem | None:
        return next((i for i in self.items if i.id == item_id), None)


_ITEM_KEYS = frozenset({"id", "kind", "title", "file", "notes", "language", "problem", "quiz"})


def _read_file(root: Path, name: Any, where: str) -> str:
    if (
        not isinstance(name, str)
        or not name
        or Path(name).is_absolute()
        or ".." in Path(name).parts
    ):
        raise ContentError(f"{where}: 'file' must be a path inside the module folder")
    path = root / name
    if not path.is_file():
        raise ContentError(f"{where}: file {name!r} not found")
    body = path.read_text(encoding="utf-8")
    if not body.strip():
        raise ContentError(f"{where}: file {name!r} is empty")
    return body


def _item(raw: Any, position: int, root: Path, path: Path) -> ModuleItem:
    where = f"{path}: item {position}"
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: must be a table")
    unknown = sorted(set(raw) - _ITEM_KEYS)
    if unknown:
        raise ContentError(f"{where}: unknown key(s): {', '.join(unknown)}")
    item_id, kind = raw.get("id"), raw.get("kind")
    if not isinstance(item_id, str) or not SLUG_RE.fullmatch(item_id):
        raise ContentError(f"{where}: 'id' must be a slug (lowercase letters, digits, hyphens)")
    if kind not in ITEM_KINDS:
        raise ContentError(f"{where}: kind {kind!r} is not one of {ITEM_KINDS}")
    title = raw.get("title", "")
    if not isinstance(title, str) or (kind in MARKABLE_KINDS and not title.strip()):
        raise ContentError(f"{where}: 'title' must be a non-empty string")
    body = code = language = problem = quiz = ""
    if kind == "text":
        body = _read_file(root, raw.get("file"), where)
    elif kind == "example":
        code = _read_file(root, raw.get("file"), where)
        language = raw.get("language", "python")
        notes = raw.get("notes", "")
        if not isinstance(language, str) or not isinstance(notes, str):
            raise ContentError(f"{where}: 'language' and 'notes' must be strings")
        body = notes.strip()
    elif kind == "problem":
        problem = raw.get("problem", "")
        if not isinstance(problem, str) or not SLUG_RE.fullmatch(problem):
            raise ContentError(f"{where}: 'problem' must be a problem slug")
    else:
        quiz = raw.get("quiz", "")
        if not isinstance(quiz, str) or not SLUG_RE.fullmatch(quiz):
            raise ContentError(f"{where}: 'quiz' must be a quiz slug")
    return ModuleItem(item_id, kind, title.strip(), body, code, language, problem, quiz)


_MODULE_REQUIRED = ("slug", "title", "summary", "order", "items")
_MODULE_KNOWN = frozenset({*_MODULE_REQUIRED, "prerequisites"})


def load_module(root: Path) -> LearningModule:
    """Read and validate ``<root>/module.toml`` and the files its items name."""
    root = Path(root)
    path = root / "module.toml"
    meta = read_toml(path, _MODULE_REQUIRED, _MODULE_KNOWN)
    raw_items = meta["items"]
    if not isinstance(raw_items, list) or not raw_items:
        raise ContentError(f"{path}: needs at least one [[items]] entry")
    items = tuple(_item(raw, i + 1, root, path) for i, raw in enumerate(raw_items))
    ids = [i.id for i in items]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ContentError(f"{path}: duplicate item id(s): {', '.join(duplicates)}")
    slug = slug_of(meta, root, path)
    prerequisites = slug_list(meta, "prerequisites", path)
    if slug in prerequisites:
        raise ContentError(f"{path}: a module cannot be its own prerequisite")
    return LearningModule(
        slug=slug,
        title=text(meta, "title", path),
        summary=text(meta, "summary", path),
        order=whole(meta, "order", path, 1, 10_000),
        prerequisites=prerequisites,
        items=items,
    )


def iter_modules(base: Path = MODULES_DIR) -> Iterator[LearningModule]:
    for folder in content_folders(base):
        yield load_module(folder)
