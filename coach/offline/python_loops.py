"""How often a Python loop runs relative to n, given the loops that enclose it.

Kept apart from the statement walk in `python_cost` because loop counting is its
own set of heuristics: halving loops are log n, `i * i <= n` is sqrt n, two
pointers and monotonic stacks are amortised, sieve-style steps are harmonic.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager

from coach.offline.costs import CONSTANT, EXPONENTIAL, LINEAR, LOG, SQRT, Cost
from coach.offline.python_syntax import (
    COPIES,
    call_name,
    call_receiver,
    element_names,
    has_sqrt,
    is_constant_expr,
    is_small_literal,
    is_tree_climb,
)


class LoopScope:
    """The loops enclosing the point being analysed, and the names bound to one item each.

    kinds: what `python_syntax.infer_kinds` learned about each name ("const", "list", ...).
    """

    def __init__(self, kinds: dict[str, str]) -> None:
        self.kinds = kinds
        self.loops: list[ast.AST] = []
        self.elements: list[set[str]] = []  # names bound by enclosing loops to one item each

    # --- entering and leaving ------------------------------------------------

    def enter_for(self, node: ast.For | ast.AsyncFor | ast.comprehension) -> None:
        """A for loop (or a comprehension's generator) begins; its target is one item."""
        self.loops.append(node)
        self.elements.append(element_names(node.target, node.iter))

    def leave_for(self, count: int = 1) -> None:
        """The innermost `count` for loops (or generators) end."""
        del self.loops[len(self.loops) - count :]
        del self.elements[len(self.elements) - count :]

    def enter_while(self, node: ast.While) -> None:
        self.loops.append(node)

    def leave_while(self) -> None:
        self.loops.pop()

    @contextmanager
    def function_body(self) -> Iterator[None]:
        """A function's body is costed once, outside the loops that call it."""
        saved_loops, self.loops = self.loops, []
        saved_elements, self.elements = self.elements, []
        try:
            yield
        finally:
            self.loops = saved_loops
            self.elements = saved_elements

    # --- counting ------------------------------------------------------------

    def depth(self) -> int:
        """How deep a loop starting here nests over input-sized data (itself included)."""
        return 1 + sum(1 for loop in self.loops if self.iterations_of(loop).degree > 0)

    def iterations_of(self, loop: ast.AST) -> Cost:
        if isinstance(loop, (ast.For, ast.AsyncFor, ast.comprehension)):
            return self.iteration_cost(loop.iter)
        if isinstance(loop, ast.While):
            return self.while_iterations(loop)
        return CONSTANT

    def iteration_cost(self, iterable: ast.expr) -> Cost:
        """How many times a for loop over `iterable` runs, relative to n."""
        if isinstance(iterable, ast.Call):
            name = call_name(iterable)
            if name == "range":
                if all(is_constant_expr(arg, self.kinds) for arg in iterable.args):
                    return CONSTANT
                return SQRT if any(has_sqrt(arg) for arg in iterable.args) else LINEAR
            if (
                name in ("enumerate", "reversed", "sorted", "list", "tuple", "set", "iter")
                and iterable.args
            ):
                return self.iteration_cost(iterable.args[0])
            if name == "zip" and iterable.args:
                return min(self.iteration_cost(arg) for arg in iterable.args)
            if name in ("map", "filter") and len(iterable.args) >= 2:
                return self.iteration_cost(iterable.args[1])
            if name in ("items", "keys", "values") and call_receiver(iterable) is not None:
                return self.iteration_cost(call_receiver(iterable))  # type: ignore[arg-type]
            if name in ("permutations", "product", "combinations"):
                return EXPONENTIAL
            return LINEAR
        if isinstance(iterable, ast.Name):
            if self.kinds.get(iterable.id) == "const" or self.is_element(iterable):
                # One item of an outer collection (a word, a row): summed over the outer
                # loop this is the size of the input, not n per item.
                return CONSTANT
            return LINEAR
        if is_small_literal(iterable):
            return CONSTANT
        if isinstance(iterable, ast.Subscript):
            if isinstance(iterable.slice, ast.Slice):
                return LINEAR
            # adj[u], graph[node]: summed over all u this is the number of
            # edges, so count it as amortised O(1) per outer iteration.
            return CONSTANT
        return LINEAR

    def while_iterations(self, node: ast.While) -> Cost:
        """Classify a while loop: halving (log), i*i <= n (sqrt), amortised, worklist or linear."""
        test_names = {sub.id for sub in ast.walk(node.test) if isinstance(sub, ast.Name)}
        body = ast.Module(body=node.body, type_ignores=[])
        if is_tree_climb(node.test):
            return LOG  # union-find `while parent[x] != x`: short with union by size / compression
        for sub in ast.walk(node.test):
            if isinstance(sub, ast.BinOp) and isinstance(sub.op, ast.Mult):
                if (
                    isinstance(sub.left, ast.Name)
                    and isinstance(sub.right, ast.Name)
                    and sub.left.id == sub.right.id
                ):
                    return SQRT
        for sub in ast.walk(body):
            if (
                isinstance(sub, ast.AugAssign)
                and isinstance(sub.target, ast.Name)
                and sub.target.id in test_names
            ):
                if isinstance(sub.op, (ast.FloorDiv, ast.RShift, ast.Div, ast.Mult, ast.LShift)):
                    return LOG
            if isinstance(sub, ast.Assign) and any(
                isinstance(target, ast.Name)
                and (target.id in test_names or target.id in ("mid", "middle", "m"))
                for target in sub.targets
            ):
                for part in ast.walk(sub.value):
                    if isinstance(part, ast.BinOp) and isinstance(
                        part.op, (ast.FloorDiv, ast.RShift, ast.Div)
                    ):
                        if isinstance(part.right, ast.Constant) and part.right.value in (1, 2, 10):
                            return LOG
        if self.loops and self._amortised(node, test_names):
            return CONSTANT
        return LINEAR

    def _amortised(self, node: ast.While, test_names: set[str]) -> bool:
        """Two pointers or a monotonic stack: total work over the outer loop is O(n)."""
        body = ast.Module(body=node.body, type_ignores=[])
        for sub in ast.walk(body):
            if isinstance(sub, ast.Call) and call_name(sub) in ("pop", "popleft", "heappop"):
                receiver = (
                    call_receiver(sub)
                    if call_name(sub) != "heappop"
                    else (sub.args[0] if sub.args else None)
                )
                if isinstance(receiver, ast.Name) and receiver.id in test_names:
                    return True
        moved = {
            sub.target.id
            for sub in ast.walk(body)
            if isinstance(sub, ast.AugAssign)
            and isinstance(sub.target, ast.Name)
            and isinstance(sub.op, (ast.Add, ast.Sub))
        }
        indexed = {
            name.id
            for sub in ast.walk(body)
            if isinstance(sub, ast.Subscript)
            for name in ast.walk(sub.slice)
            if isinstance(name, ast.Name)
        }
        moved &= test_names | indexed
        if not moved:
            return False
        outer = self.loops[-1]
        reset = {
            target.id
            for sub in ast.walk(outer)
            if isinstance(sub, ast.Assign) and sub is not node
            for target in sub.targets
            if isinstance(target, ast.Name)
        }
        if moved - reset:
            return True
        # `while i < n: j = i; while ...: j += 1; i = j` - the outer pointer jumps past
        # everything the inner loop consumed, so both loops together are linear.
        if isinstance(outer, ast.While):
            outer_test = {sub.id for sub in ast.walk(outer.test) if isinstance(sub, ast.Name)}
            for sub in ast.walk(outer):
                if (
                    isinstance(sub, ast.Assign)
                    and isinstance(sub.value, ast.Name)
                    and sub.value.id in moved
                    and any(isinstance(t, ast.Name) and t.id in outer_test for t in sub.targets)
                ):
                    return True
        return False

    # --- items and steps -----------------------------------------------------

    def is_element(self, node: ast.AST) -> bool:
        """An item of an enclosing loop's collection, or a copy of one (sorted(word))."""
        if isinstance(node, ast.Call) and call_name(node) in COPIES and node.args:
            return self.is_element(node.args[0])
        return isinstance(node, ast.Name) and any(node.id in names for names in self.elements)

    def counters(self) -> set[str]:
        """Names that change from one iteration of an enclosing loop to the next."""
        names: set[str] = set()
        for loop in self.loops:
            if isinstance(loop, (ast.For, ast.comprehension)):
                names |= {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
            elif isinstance(loop, ast.While):
                names |= {
                    sub.target.id
                    for sub in ast.walk(loop)
                    if isinstance(sub, ast.AugAssign) and isinstance(sub.target, ast.Name)
                }
        return names

    def harmonic(self, node: ast.AST) -> bool:
        """range(.., .., i) or a[::i] stepping by an outer counter: n/1 + n/2 + ... = n log n."""
        if not self.loops:
            return False
        counters = self.counters()
        for sub in ast.walk(node):
            step = None
            if isinstance(sub, ast.Call) and call_name(sub) == "range" and len(sub.args) == 3:
                step = sub.args[2]
            elif isinstance(sub, ast.Slice):
                step = sub.step
            if isinstance(step, ast.Name) and step.id in counters:
                return True
        return False
