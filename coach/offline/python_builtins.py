"""What one use of a Python built-in costs: sorting, scans, `in` on a list, list.pop(i).

Each function returns the cost of a single run and, when that cost is worth
reporting inside a loop, why; the caller multiplies by the enclosing loops.
"""

from __future__ import annotations

import ast

from coach.offline.costs import CONSTANT, LINEAR, LOG, N_LOG_N, Cost
from coach.offline.python_loops import LoopScope
from coach.offline.python_syntax import (
    LINEAR_CALLS,
    LINEAR_METHODS,
    LIST_LINEAR_METHODS,
    LOG_CALLS,
    STR_LINEAR_METHODS,
    call_name,
    call_receiver,
    is_small_literal,
)

Priced = tuple[Cost, str | None]
"""(cost of one run, the reason to report it inside a loop, or None)"""


def sequence_kind(node: ast.AST, kinds: dict[str, str]) -> str | None:
    """ "list", "str" or "deque" when `node` is a sequence that a scan walks; else None."""
    if isinstance(node, ast.Name):
        kind = kinds.get(node.id)
        return kind if kind in ("list", "str", "deque") else None
    if isinstance(node, (ast.List, ast.ListComp)) and not is_small_literal(node):
        return "list"
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        return "list"
    if isinstance(node, ast.Call) and call_name(node) in ("list", "sorted"):
        return "list"
    return None


def membership_cost(node: ast.Compare, kinds: dict[str, str]) -> Priced:
    """`x in seq`: linear on a list, string or deque, constant on a set or dict."""
    for op, right in zip(node.ops, node.comparators, strict=False):
        if isinstance(op, (ast.In, ast.NotIn)) and sequence_kind(right, kinds) in (
            "list",
            "str",
            "deque",
        ):
            return LINEAR, "`in` on a list scans it element by element; a set is O(1)"
    return CONSTANT, None


def builtin_call_cost(node: ast.Call, scope: LoopScope) -> Priced:
    """A call of a built-in function or method (not one of the program's own functions)."""
    name = call_name(node)
    receiver = call_receiver(node)
    kinds = scope.kinds
    target = node.args[0] if node.args else receiver
    if target is not None and scope.is_element(target) and name in LINEAR_CALLS | {"sort"}:
        return CONSTANT, None
    if name in ("sorted", "sort") or (name == "nlargest" or name == "nsmallest"):
        return N_LOG_N, "sorting costs n log n every time it runs"
    if name in LOG_CALLS:
        return LOG, None
    if name == "heapify":
        return LINEAR, None
    if name == "pop" and node.args and receiver is not None:
        if sequence_kind(receiver, kinds) == "list" and not (
            isinstance(node.args[0], ast.UnaryOp)
            or (isinstance(node.args[0], ast.Constant) and node.args[0].value == -1)
        ):
            return LINEAR, "list.pop(i) shifts the rest of the list; use collections.deque"
    if receiver is not None and name in LINEAR_METHODS:
        return _method_cost(node, name, receiver, scope)
    if isinstance(node.func, ast.Name) and name in LINEAR_CALLS and node.args:
        argument = node.args[0]
        if name in ("min", "max") and len(node.args) > 1:
            return CONSTANT, None
        if isinstance(argument, ast.GeneratorExp) or is_small_literal(argument):
            return CONSTANT, None
        if isinstance(argument, ast.Name) and kinds.get(argument.id) in ("const", "int"):
            return CONSTANT, None
        return LINEAR, f"{name}() walks the whole sequence"
    return CONSTANT, None


def _method_cost(node: ast.Call, name: str, receiver: ast.expr, scope: LoopScope) -> Priced:
    """list.index/count/remove/insert(0, ..), str.replace/find, ' '.join(list)."""
    kind = sequence_kind(receiver, scope.kinds)
    joined = sequence_kind(node.args[0], scope.kinds) if node.args else None
    linear = (
        (name in LIST_LINEAR_METHODS and kind == "list")
        or (name in STR_LINEAR_METHODS and kind == "str")
        or (name == "join" and joined == "list")
    )
    if (
        name == "insert"
        and node.args
        and not (isinstance(node.args[0], ast.Constant) and node.args[0].value == 0)
    ):
        linear = False
    if scope.is_element(receiver) or (node.args and scope.is_element(node.args[0])):
        linear = False  # one item of an outer loop: amortised over the input
    if linear:
        return LINEAR, f".{name}() walks the whole sequence"
    return CONSTANT, None
