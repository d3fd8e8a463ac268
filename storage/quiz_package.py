"""Loader for quizzes stored as data in ``content/quizzes/<slug>/quiz.toml`` (docs/content.md).

Pure (files in, frozen dataclasses out) like :mod:`storage.problem_package`: every
format problem is a :class:`ContentError` naming the file, because authors fix
quizzes by hand. Choice answers are written as the text of the choice, so a
reviewer reads the right answer without counting; the loader turns them into
indexes.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from content import QUIZZES_DIR

__all__ = [
    "QUESTION_KINDS",
    "ContentError",
    "Question",
    "Quiz",
    "iter_quizzes",
    "load_quiz",
    "read_toml",
]

QUESTION_KINDS: tuple[str, ...] = ("single", "multi", "true_false", "code_output")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TIME_LIMIT = 4 * 3600

AnswerKey = int | frozenset[int] | bool | str


class ContentError(ValueError):
    """A quiz, module or company file does not follow its format."""


@dataclass(frozen=True, slots=True)
class Question:
    """One question; ``number`` is its 1-based position, the id clients answer by."""

    number: int
    kind: str
    prompt: str
    choices: tuple[str, ...]
    code: str
    language: str
    answer: AnswerKey
    explanation: str


@dataclass(frozen=True, slots=True)
class Quiz:
    slug: str
    title: str
    description: str
    topic: str
    time_limit: int  # seconds
    pass_mark: int  # percent of questions answered correctly
    questions: tuple[Question, ...]


def fail(path: Path, message: str) -> ContentError:
    return ContentError(f"{path}: {message}")


def read_toml(path: Path, required: tuple[str, ...], known: frozenset[str]) -> dict[str, Any]:
    """A TOML table with its required keys present and no unknown ones."""
    if not path.is_file():
        raise fail(path.parent, f"missing {path.name}")
    try:
        with path.open("rb") as fh:
            meta = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise fail(path, f"invalid TOML: {exc}") from exc
    missing = [k for k in required if k not in meta]
    if missing:
        raise fail(path, f"missing required key(s): {', '.join(missing)}")
    unknown = sorted(set(meta) - known)
    if unknown:
        raise fail(path, f"unknown key(s): {', '.join(unknown)}")
    return meta


def text(meta: dict[str, Any], key: str, where: Path, *, required: bool = True) -> str:
    value = meta.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise fail(where, f"'{key}' must be a non-empty string")
    return value.strip()


def whole(meta: dict[str, Any], key: str, where: Path, low: int, high: int) -> int:
    value = meta.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise fail(where, f"'{key}' must be a whole number from {low} to {high}, got {value!r}")
    return value


def slug_of(meta: dict[str, Any], root: Path, where: Path) -> str:
    slug = text(meta, "slug", where)
    if not SLUG_RE.fullmatch(slug) or len(slug) > 80:
        raise fail(where, f"bad slug {slug!r}: use lowercase letters, digits and hyphens")
    if slug != root.name:
        raise fail(where, f"slug {slug!r} does not match folder name {root.name!r}")
    return slug


def slug_list(meta: dict[str, Any], key: str, where: Path) -> tuple[str, ...]:
    value = meta.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise fail(where, f"'{key}' must be a list of slugs")
    if len(set(value)) != len(value):
        raise fail(where, f"'{key}' contains duplicates")
    return tuple(value)


_QUESTION_KEYS = frozenset(
    {"kind", "prompt", "choices", "code", "language", "answer", "explanation"}
)


def _choice_index(choices: tuple[str, ...], value: Any, where: str) -> int:
    if not isinstance(value, str) or value not in choices:
        raise ContentError(f"{where}: answer {value!r} is not one of the choices")
    return choices.index(value)


def _question(raw: Any, number: int, path: Path) -> Question:
    where = f"{path}: question {number}"
    if not isinstance(raw, dict):
        raise ContentError(f"{where}: must be a table")
    unknown = sorted(set(raw) - _QUESTION_KEYS)
    if unknown:
        raise ContentError(f"{where}: unknown key(s): {', '.join(unknown)}")
    kind = raw.get("kind")
    if kind not in QUESTION_KINDS:
        raise ContentError(f"{where}: kind {kind!r} is not one of {QUESTION_KINDS}")
    prompt = raw.get("prompt")
    explanation = raw.get("explanation")
    for key, value in (("prompt", prompt), ("explanation", explanation)):
        if not isinstance(value, str) or not value.strip():
            raise ContentError(f"{where}: '{key}' must be a non-empty string")
    choices: tuple[str, ...] = ()
    code = language = ""
    answer = raw.get("answer")
    key: AnswerKey
    if kind in ("single", "multi"):
        values = raw.get("choices")
        if (
            not isinstance(values, list)
            or len(values) < 2
            or not all(isinstance(c, str) and c.strip() for c in values)
        ):
            raise ContentError(f"{where}: 'choices' must list at least two non-empty strings")
        if len(set(values)) != len(values):
            raise ContentError(f"{where}: 'choices' contains duplicates")
        choices = tuple(values)
        if kind == "single":
            key = _choice_index(choices, answer, where)
        else:
            if not isinstance(answer, list) or not answer or len(set(answer)) != len(answer):
                raise ContentError(f"{where}: a multi answer is a non-empty list of choices")
            key = frozenset(_choice_index(choices, a, where) for a in answer)
    elif kind == "true_false":
        if not isinstance(answer, bool):
            raise ContentError(f"{where}: a true_false answer is true or false")
        key = answer
    else:
        code, language = raw.get("code"), raw.get("language", "python")
        if not isinstance(code, str) or not code.strip():
            raise ContentError(f"{where}: a code_output question needs 'code'")
        if not isinstance(language, str) or not language:
            raise ContentError(f"{where}: 'language' must be a string")
        if not isinstance(answer, str) or not answer.strip():
            raise ContentError(f"{where}: a code_output answer is the exact output text")
        key = answer
    if kind not in ("single", "multi") and "choices" in raw:
        raise ContentError(f"{where}: only single and multi questions have choices")
    return Question(
        number=number,
        kind=kind,
        prompt=prompt.strip(),
        choices=choices,
        code=code,
        language=language,
        answer=key,
        explanation=explanation.strip(),
    )


_QUIZ_REQUIRED = ("slug", "title", "description", "time_limit", "pass_mark", "questions")
_QUIZ_KNOWN = frozenset({*_QUIZ_REQUIRED, "topic"})


def load_quiz(root: Path) -> Quiz:
    """Read and validate ``<root>/quiz.toml``; raise :class:`ContentError` if malformed."""
    path = Path(root) / "quiz.toml"
    meta = read_toml(path, _QUIZ_REQUIRED, _QUIZ_KNOWN)
    raw_questions = meta["questions"]
    if not isinstance(raw_questions, list) or not raw_questions:
        raise fail(path, "needs at least one [[questions]] entry")
    return Quiz(
        slug=slug_of(meta, Path(root), path),
        title=text(meta, "title", path),
        description=text(meta, "description", path),
        topic=text(meta, "topic", path, required=False),
        time_limit=whole(meta, "time_limit", path, 10, MAX_TIME_LIMIT),
        pass_mark=whole(meta, "pass_mark", path, 1, 100),
        questions=tuple(_question(q, i + 1, path) for i, q in enumerate(raw_questions)),
    )


def content_folders(base: Path) -> Iterator[Path]:
    """Sub-folders in slug order; ``.`` and ``_`` ones are scratch space and skipped."""
    if not base.is_dir():
        raise ContentError(f"{base}: content directory not found")
    for child in sorted(base.iterdir()):
        if child.is_dir() and not child.name.startswith((".", "_")):
            yield child


def iter_quizzes(base: Path = QUIZZES_DIR) -> Iterator[Quiz]:
    for folder in content_folders(base):
        yield load_quiz(folder)
