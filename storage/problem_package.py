"""Loader for problem packages stored in the folder format (see docs/problem-format.md).

A package is a directory ``<slug>/`` holding ``problem.toml``, ``statement.md``,
``tests/{visible,hidden}/NN.in|NN.out`` and ``solutions/``.  The loader is pure (no
database, no network) so it can be used by seeding scripts, the judge and tests alike;
every format problem is reported as a :class:`PackageError` that names the offending
file, because authors fix packages by hand and need to know exactly where to look.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from content import PROBLEMS_DIR
from storage.languages import LANGUAGE_IDS

__all__ = [
    "BANK_DIR",
    "CHECKERS",
    "DIFFICULTIES",
    "LANGUAGES",
    "SOLUTION_FILES",
    "TOPICS",
    "PackageError",
    "ProblemPackage",
    "TestFile",
    "iter_bank",
    "load_package",
]

BANK_DIR: Path = PROBLEMS_DIR
"""The problem bank bundled with CodeArena (shipped as package data)."""

DIFFICULTIES: tuple[str, ...] = ("easy", "medium", "hard")
TOPICS: tuple[str, ...] = (
    "arrays",
    "strings",
    "hashing",
    "two-pointers",
    "stacks",
    "binary-search",
    "graphs",
    "trees",
    "dynamic-programming",
    "greedy",
    "math",
)
CHECKERS: tuple[str, ...] = ("exact", "tokens", "float", "custom")
# A custom checker is one program at the folder's root, in any language but Java (whose
# class name the judge fixes as Main, which a checker beside Main.java would clash with).
CHECKER_FILES: dict[str, str] = {
    "checker.py": "python",
    "checker.js": "javascript",
    "checker.c": "c",
    "checker.cpp": "cpp",
}
CHECKER_MAX_BYTES = 64 * 1024
LANGUAGES = LANGUAGE_IDS

# File name inside ``solutions/`` -> language id.  Fixed names keep the judge's
# compile step trivial (Java needs ``public class Main`` in ``Main.java``).
SOLUTION_FILES: dict[str, str] = {
    "reference.py": "python",
    "reference.js": "javascript",
    "reference.c": "c",
    "reference.cpp": "cpp",
    "Main.java": "java",
}

DEFAULT_FLOAT_TOL = 1e-6

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REQUIRED_KEYS = ("slug", "title", "difficulty", "topics", "time_limit", "memory_limit")
_KNOWN_KEYS = frozenset(
    {
        *_REQUIRED_KEYS,
        "tags",
        "companies",
        "checker",
        "float_abs_tol",
        "float_rel_tol",
        "expected_complexity",
        "hints",
        "editorial",
        "starter",
    }
)


class PackageError(ValueError):
    """A problem package does not follow the folder format."""


@dataclass(frozen=True, slots=True)
class TestFile:
    """One judge test; ``name`` is ``"visible/01"`` or ``"hidden/07"`` so it is unique."""

    __test__ = False  # not a pytest test class, despite the name

    name: str
    input: bytes
    expected: bytes
    hidden: bool


@dataclass(frozen=True, slots=True)
class ProblemPackage:
    """Everything the service needs to publish and judge one problem."""

    slug: str
    title: str
    statement: str
    difficulty: str
    topics: tuple[str, ...]
    tags: tuple[str, ...]
    companies: tuple[str, ...]
    time_limit: float
    memory_limit: int
    checker: str
    checker_options: dict[str, float]
    hints: tuple[str, ...]
    editorial: str
    expected_complexity: str
    starter: dict[str, str]
    tests: tuple[TestFile, ...]
    solutions: dict[str, str]
    root: Path = field(compare=False)
    checker_source: str | None = None  # the custom checker program (never shown to users)
    checker_language: str | None = None

    @property
    def visible_tests(self) -> tuple[TestFile, ...]:
        """Tests shown to users as examples."""
        return tuple(t for t in self.tests if not t.hidden)

    @property
    def hidden_tests(self) -> tuple[TestFile, ...]:
        """Tests only the judge sees."""
        return tuple(t for t in self.tests if t.hidden)


def _fail(path: Path, message: str) -> PackageError:
    return PackageError(f"{path}: {message}")


def _str(meta: dict[str, Any], key: str, toml_path: Path, default: str | None = None) -> str:
    value = meta.get(key, default)
    if not isinstance(value, str):
        raise _fail(toml_path, f"'{key}' must be a string")
    return value


def _str_list(meta: dict[str, Any], key: str, toml_path: Path) -> tuple[str, ...]:
    value = meta.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(toml_path, f"'{key}' must be a list of non-empty strings")
    if len(set(value)) != len(value):
        raise _fail(toml_path, f"'{key}' contains duplicates")
    return tuple(value)


def _positive_number(meta: dict[str, Any], key: str, toml_path: Path) -> float:
    value = meta.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise _fail(toml_path, f"'{key}' must be a positive number, got {value!r}")
    return float(value)


def _read_meta(root: Path) -> dict[str, Any]:
    toml_path = root / "problem.toml"
    if not toml_path.is_file():
        raise _fail(root, "missing problem.toml")
    try:
        with toml_path.open("rb") as fh:
            meta = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(toml_path, f"invalid TOML: {exc}") from exc
    missing = [k for k in _REQUIRED_KEYS if k not in meta]
    if missing:
        raise _fail(toml_path, f"missing required key(s): {', '.join(missing)}")
    unknown = sorted(set(meta) - _KNOWN_KEYS)
    if unknown:
        raise _fail(toml_path, f"unknown key(s): {', '.join(unknown)}")
    return meta


def _checker(meta: dict[str, Any], toml_path: Path) -> tuple[str, dict[str, float]]:
    checker = _str(meta, "checker", toml_path, "tokens")
    if checker not in CHECKERS:
        raise _fail(toml_path, f"unknown checker {checker!r} (expected one of {CHECKERS})")
    tol_keys = [k for k in ("float_abs_tol", "float_rel_tol") if k in meta]
    if checker != "float":
        if tol_keys:
            raise _fail(toml_path, f"{', '.join(tol_keys)} only allowed with checker = 'float'")
        return checker, {}
    options: dict[str, float] = {}
    for key, opt in (("float_abs_tol", "abs_tol"), ("float_rel_tol", "rel_tol")):
        value = meta.get(key, DEFAULT_FLOAT_TOL)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise _fail(toml_path, f"'{key}' must be a non-negative number")
        options[opt] = float(value)
    return checker, options


def _checker_program(root: Path, checker: str) -> tuple[str | None, str | None]:
    """(source, language) of the folder's checker program; one exactly when custom."""
    found = [name for name in CHECKER_FILES if (root / name).is_file()]
    if checker != "custom":
        if found:
            raise _fail(root / found[0], "a checker program needs checker = 'custom'")
        return None, None
    if len(found) != 1:
        names = ", ".join(CHECKER_FILES)
        raise _fail(root, f"checker = 'custom' needs exactly one checker program ({names})")
    path = root / found[0]
    if path.stat().st_size > CHECKER_MAX_BYTES:
        raise _fail(path, f"checker program larger than {CHECKER_MAX_BYTES} bytes")
    return path.read_text(encoding="utf-8"), CHECKER_FILES[found[0]]


def _starter(meta: dict[str, Any], toml_path: Path) -> dict[str, str]:
    starter = meta.get("starter", {})
    if not isinstance(starter, dict):
        raise _fail(toml_path, "[starter] must be a table of language -> code")
    for lang, code in starter.items():
        if lang not in LANGUAGES:
            raise _fail(toml_path, f"unknown starter language {lang!r} (expected {LANGUAGES})")
        if not isinstance(code, str):
            raise _fail(toml_path, f"starter.{lang} must be a string")
    return dict(starter)


def _read_tests(root: Path, kind: str) -> list[TestFile]:
    folder = root / "tests" / kind
    if not folder.exists():
        return []
    if not folder.is_dir():
        raise _fail(folder, "must be a directory")
    ins = {p.stem: p for p in folder.iterdir() if p.suffix == ".in"}
    outs = {p.stem: p for p in folder.iterdir() if p.suffix == ".out"}
    if ins.keys() != outs.keys():
        lonely = sorted(ins.keys() ^ outs.keys())
        raise _fail(folder, f"unpaired .in/.out file(s): {', '.join(lonely)}")
    strays = sorted(p.name for p in folder.iterdir() if p.suffix not in (".in", ".out"))
    if strays:
        raise _fail(folder, f"unexpected file(s): {', '.join(strays)}")
    return [
        TestFile(
            name=f"{kind}/{stem}",
            input=ins[stem].read_bytes(),
            expected=outs[stem].read_bytes(),
            hidden=kind == "hidden",
        )
        for stem in sorted(ins)
    ]


def _read_solutions(root: Path) -> dict[str, str]:
    folder = root / "solutions"
    if not (folder / "reference.py").is_file():
        raise _fail(root, "missing solutions/reference.py")
    return {
        lang: (folder / name).read_text(encoding="utf-8")
        for name, lang in SOLUTION_FILES.items()
        if (folder / name).is_file()
    }


def load_package(path: Path) -> ProblemPackage:
    """Read and validate one package directory; raise :class:`PackageError` if malformed."""
    root = Path(path)
    if not root.is_dir():
        raise _fail(root, "not a directory")
    toml_path = root / "problem.toml"
    meta = _read_meta(root)

    slug = _str(meta, "slug", toml_path)
    if not _SLUG_RE.fullmatch(slug):
        raise _fail(toml_path, f"bad slug {slug!r}: use lowercase letters, digits and hyphens")
    if slug != root.name:
        raise _fail(toml_path, f"slug {slug!r} does not match folder name {root.name!r}")
    title = _str(meta, "title", toml_path).strip()
    if not title:
        raise _fail(toml_path, "'title' must not be empty")
    difficulty = _str(meta, "difficulty", toml_path)
    if difficulty not in DIFFICULTIES:
        raise _fail(toml_path, f"unknown difficulty {difficulty!r} (expected {DIFFICULTIES})")
    topics = _str_list(meta, "topics", toml_path)
    if not topics:
        raise _fail(toml_path, "'topics' must not be empty")
    bad_topics = [t for t in topics if t not in TOPICS]
    if bad_topics:
        raise _fail(toml_path, f"unknown topic(s) {bad_topics} (expected from {TOPICS})")
    memory_limit = _positive_number(meta, "memory_limit", toml_path)
    if not memory_limit.is_integer():
        raise _fail(toml_path, "'memory_limit' must be a whole number of MB")
    checker, checker_options = _checker(meta, toml_path)
    checker_source, checker_language = _checker_program(root, checker)

    statement_path = root / "statement.md"
    if not statement_path.is_file():
        raise _fail(root, "missing statement.md")
    statement = statement_path.read_text(encoding="utf-8")
    if not statement.strip():
        raise _fail(statement_path, "statement is empty")

    visible = _read_tests(root, "visible")
    if not visible:
        raise _fail(root, "needs at least one visible test pair in tests/visible/")
    hidden = _read_tests(root, "hidden")

    return ProblemPackage(
        slug=slug,
        title=title,
        statement=statement,
        difficulty=difficulty,
        topics=topics,
        tags=_str_list(meta, "tags", toml_path),
        companies=_str_list(meta, "companies", toml_path),
        time_limit=_positive_number(meta, "time_limit", toml_path),
        memory_limit=int(memory_limit),
        checker=checker,
        checker_options=checker_options,
        hints=_str_list(meta, "hints", toml_path),
        editorial=_str(meta, "editorial", toml_path, ""),
        expected_complexity=_str(meta, "expected_complexity", toml_path, ""),
        starter=_starter(meta, toml_path),
        tests=tuple(visible + hidden),
        solutions=_read_solutions(root),
        root=root,
        checker_source=checker_source,
        checker_language=checker_language,
    )


def iter_bank(root: Path | None = None) -> Iterator[ProblemPackage]:
    """Yield every package under ``root`` (default :data:`BANK_DIR`) in slug order.

    Sub-directories starting with ``.`` or ``_`` are skipped (scratch space, caches);
    any other directory must be a valid package so a broken one is never silently lost.
    """
    base = BANK_DIR if root is None else Path(root)
    if not base.is_dir():
        raise PackageError(f"{base}: problem bank directory not found")
    for child in sorted(base.iterdir()):
        if child.is_dir() and not child.name.startswith((".", "_")):
            yield load_package(child)
