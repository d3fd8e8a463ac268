"""Classify recursive Python functions: memoised, divide and conquer, DFS or exponential."""

from __future__ import annotations

import ast

from coach.offline.python_syntax import MEMO_DECORATORS, MEMO_NAMES, call_name, is_small_literal


def self_calls(
    node: ast.FunctionDef | ast.AsyncFunctionDef, kinds: dict[str, str]
) -> tuple[list[ast.Call], bool, bool]:
    """Find a function's calls to itself.

    Returns the calls, whether any of them sits inside a loop, and whether every such
    loop walks adjacency lists (graph DFS) rather than a range (backtracking).
    """
    calls: list[ast.Call] = []
    in_loop = adjacency = False

    def visit(current: ast.AST, loops: list[ast.AST]) -> None:
        nonlocal in_loop, adjacency
        for child in ast.iter_child_nodes(current):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            if isinstance(child, ast.Call) and call_name(child) == node.name:
                calls.append(child)
                if loops:
                    in_loop = True
                    if all(is_adjacency_loop(loop, kinds) for loop in loops):
                        adjacency = True
            is_loop = isinstance(child, (ast.For, ast.While, ast.comprehension))
            visit(child, [*loops, child] if is_loop else loops)

    visit(node, [])
    return calls, in_loop, adjacency


def is_adjacency_loop(loop: ast.AST, kinds: dict[str, str]) -> bool:
    """`for v in adj[u]` or over a small literal: bounded work per recursive call."""
    if isinstance(loop, (ast.For, ast.comprehension)):
        iterable = loop.iter
        if (
            isinstance(iterable, ast.Call)
            and call_name(iterable) in ("enumerate", "reversed")
            and iterable.args
        ):
            iterable = iterable.args[0]
        if isinstance(iterable, ast.Subscript) and not isinstance(iterable.slice, ast.Slice):
            return True
        return is_small_literal(iterable) or (
            isinstance(iterable, ast.Name) and kinds.get(iterable.id) == "const"
        )
    return False


def is_memoized(node: ast.FunctionDef | ast.AsyncFunctionDef, kinds: dict[str, str]) -> bool:
    """@cache / @lru_cache, or an early `return` guarded by a lookup in a memo table."""
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", "")
        if name in MEMO_DECORATORS:
            return True
    for sub in ast.walk(node):
        if not isinstance(sub, ast.If) or not any(isinstance(x, ast.Return) for x in sub.body):
            continue
        for part in ast.walk(sub.test):
            if isinstance(part, ast.Compare) and any(
                isinstance(op, (ast.In, ast.NotIn)) for op in part.ops
            ):
                right = part.comparators[-1]
                if isinstance(right, ast.Name) and kinds.get(right.id) in ("dict", "set"):
                    return True
            if isinstance(part, ast.Name) and part.id.lower().startswith(MEMO_NAMES):
                return True
    return False


def halves(call: ast.Call) -> bool:
    """A recursive call on half the input (mid, // 2, a slice): divide and conquer."""
    for arg in call.args:
        for sub in ast.walk(arg):
            if isinstance(sub, ast.BinOp) and isinstance(
                sub.op, (ast.FloorDiv, ast.RShift, ast.Div)
            ):
                return True
            if isinstance(sub, ast.Slice) or (
                isinstance(sub, ast.Name) and sub.id in ("mid", "middle", "m")
            ):
                return True
    return False


def changing_params(node: ast.FunctionDef | ast.AsyncFunctionDef, calls: list[ast.Call]) -> int:
    """How many parameters vary between calls: the dimensions of the memo table (1 to 3)."""
    params = [arg.arg for arg in node.args.args]
    changing = set()
    for call in calls:
        for index, arg in enumerate(call.args[: len(params)]):
            if not (isinstance(arg, ast.Name) and arg.id == params[index]):
                changing.add(index)
    return max(1, min(3, len(changing)))
