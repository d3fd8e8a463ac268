"""Loader for company records in ``content/companies/<slug>/company.toml`` (docs/content.md).

A company names the bank problems, quizzes and system-design problems that prepare
for its interviews.
The companies shipped are fictional and their process notes generic.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from content import COMPANIES_DIR
from storage.quiz_package import ContentError, content_folders, read_toml, slug_list, slug_of, text

__all__ = ["Company", "iter_companies", "load_company"]


@dataclass(frozen=True, slots=True)
class Company:
    slug: str
    name: str
    description: str
    process: str  # markdown: how the interview loop usually runs
    problems: tuple[str, ...]
    quizzes: tuple[str, ...]
    designs: tuple[str, ...] = ()  # system-design problems


_REQUIRED = ("slug", "name", "description", "problems")
_KNOWN = frozenset({*_REQUIRED, "quizzes", "designs"})


def load_company(root: Path) -> Company:
    """Read ``company.toml`` and ``process.md`` of one company folder."""
    root = Path(root)
    path = root / "company.toml"
    meta = read_toml(path, _REQUIRED, _KNOWN)
    process_path = root / "process.md"
    if not process_path.is_file():
        raise ContentError(f"{root}: missing process.md (the interview process notes)")
    process = process_path.read_text(encoding="utf-8").strip()
    if not process:
        raise ContentError(f"{process_path}: the process notes are empty")
    problems = slug_list(meta, "problems", path)
    if not problems:
        raise ContentError(f"{path}: 'problems' must list at least one problem")
    return Company(
        slug=slug_of(meta, root, path),
        name=text(meta, "name", path),
        description=text(meta, "description", path),
        process=process,
        problems=problems,
        quizzes=slug_list(meta, "quizzes", path),
        designs=slug_list(meta, "designs", path),
    )


def iter_companies(base: Path = COMPANIES_DIR) -> Iterator[Company]:
    for folder in content_folders(base):
        yield load_company(folder)
