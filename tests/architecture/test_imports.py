"""The package layering in docs/architecture.md, checked on the source itself.

Imports point down: realtime -> rooms, coach, judging -> progress -> storage, loops, content,
designs.
A module-level import cycle is never dodged by importing inside a function.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "realtime",
    "rooms",
    "judging",
    "coach",
    "progress",
    "storage",
    "loops",
    "content",
    "designs",
)
# Which project packages each package may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "content": set(),
    "loops": set(),
    "designs": set(),
    "storage": {"content", "loops", "designs"},
    "progress": {"storage"},
    "rooms": {"progress", "storage", "loops"},
    "judging": {"progress", "storage", "loops", "content"},
    "coach": {"judging", "storage", "loops", "designs"},
    "realtime": {
        "rooms",
        "judging",
        "coach",
        "progress",
        "storage",
        "loops",
        "content",
        "designs",
    },
}
# Modules allowed to import lazily: each wraps an optional SDK that only its provider needs.
LAZY_IMPORTS_ALLOWED = {"coach/providers/__init__.py"}


def _modules(package: str) -> Iterator[Path]:
    base = ROOT / package
    for path in sorted(base.rglob("*.py")):
        if package == "content" and "problems" in path.relative_to(base).parts:
            continue  # problem data: generators and reference solutions, not our code
        if package == "storage" and "migrations" in path.relative_to(base).parts:
            continue
        yield path


def _imports(tree: ast.AST) -> Iterator[tuple[ast.AST, str, bool]]:
    """(node, imported top-level package, inside a function?) for every import."""

    def walk(node: ast.AST, in_function: bool) -> Iterator[tuple[ast.AST, str, bool]]:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield child, alias.name.split(".")[0], in_function
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                yield child, child.module.split(".")[0], in_function
            yield from walk(child, inner)

    yield from walk(tree, False)


def _under_type_checking(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in ast.walk(node):
                if hasattr(inner, "lineno"):
                    lines.add(inner.lineno)
    return lines


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_point_down(package: str) -> None:
    wrong = []
    for path in _modules(package):
        tree = ast.parse(path.read_text(), str(path))
        for node, target, _ in _imports(tree):
            if target in PACKAGES and target != package and target not in ALLOWED[package]:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {target}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_project_imports_inside_functions(package: str) -> None:
    """Imports inside functions hide cycles; only optional SDKs are imported lazily."""
    hidden = []
    for path in _modules(package):
        if str(path.relative_to(ROOT)) in LAZY_IMPORTS_ALLOWED:
            continue
        tree = ast.parse(path.read_text(), str(path))
        typing_only = _under_type_checking(tree)
        for node, target, in_function in _imports(tree):
            if in_function and target in PACKAGES and node.lineno not in typing_only:
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {target}")
    assert not hidden, "\n".join(hidden)
