"""Estimate the growth rate of a Python solution from its syntax tree.

This is a heuristic, not a proof: loops over input-sized data count as n,
loops over literals or small constants as 1, halving loops as log n, and
well-known amortised patterns (BFS over adjacency lists, two pointers,
monotonic stacks) are recognised so that they are not reported as n^2.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from coach.offline.costs import CONSTANT, EXPONENTIAL, LINEAR, LOG, N_LOG_N, SQRT, Cost, worst
from coach.offline.python_syntax import (
    COPIES,
    LINEAR_CALLS,
    LINEAR_METHODS,
    LIST_LINEAR_METHODS,
    LOG_CALLS,
    STR_LINEAR_METHODS,
    call_name,
    call_receiver,
    element_names,
    has_sqrt,
    infer_kinds,
    is_constant_expr,
    is_small_literal,
    is_tree_climb,
    loop_names,
)
from coach.offline.recursion import changing_params, halves, is_memoized, self_calls


@dataclass(frozen=True)
class Finding:
    """A line that drives the cost up, with the cost it reaches and why."""

    line: int
    cost: Cost
    reason: str


@dataclass
class PythonAnalysis:
    """Everything the complexity check learned from one Python source."""

    cost: Cost = CONSTANT
    findings: list[Finding] = field(default_factory=list)
    deep_recursion: list[tuple[str, int]] = field(default_factory=list)
    raises_recursion_limit: bool = False
    input_in_loop: int | None = None
    print_in_loop: int | None = None
    syntax_error: str | None = None
    loop_names: set[str] = field(default_factory=set)
    floor: Cost = CONSTANT  # amortised work counted once for the whole program


def analyze_python(source: str) -> PythonAnalysis:
    """Parse `source` and estimate its time complexity; never raises on bad code."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        where = f" on line {error.lineno}" if error.lineno else ""
        return PythonAnalysis(syntax_error=f"syntax error{where}: {error.msg}")
    except (ValueError, RecursionError, MemoryError):
        return PythonAnalysis(syntax_error="the code cannot be parsed")
    try:
        return _Analyzer(tree).run()
    except RecursionError:
        # Pathological nesting (a 20000-term expression); the estimate is not worth a crash.
        return PythonAnalysis(syntax_error="the code is nested too deeply to analyse")


class _Analyzer:
    """Walks statements with the cost multiplier of the enclosing loops."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.kinds = infer_kinds(tree)
        self.functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions.setdefault(node.name, node)
        self.function_costs: dict[str, Cost] = {}
        self.in_progress: set[str] = set()
        self.current: list[str] = []
        self.loops: list[ast.AST] = []
        self.elements: list[set[str]] = []  # names bound by enclosing loops to one item each
        self.result = PythonAnalysis()

    def run(self) -> PythonAnalysis:
        module_cost = self.block(self.tree.body, CONSTANT)
        self.result.loop_names = loop_names(self.tree)
        self.result.raises_recursion_limit = any(
            call_name(node) == "setrecursionlimit" for node in ast.walk(self.tree)
        )
        costs = [module_cost] + [self.function_cost(name) for name in self.functions]
        self.result.cost = worst(*costs, self.result.floor)
        best: dict[int, Finding] = {}
        for finding in self.result.findings:
            if finding.line not in best or finding.cost > best[finding.line].cost:
                best[finding.line] = finding
        self.result.findings = sorted(best.values(), key=lambda f: (f.cost, -f.line), reverse=True)
        return self.result

    # --- functions and recursion ---------------------------------------

    def function_cost(self, name: str) -> Cost:
        if name in self.function_costs:
            return self.function_costs[name]
        if name in self.in_progress:
            return CONSTANT  # mutual recursion: counted where the cycle started
        self.in_progress.add(name)
        node = self.functions[name]
        saved_loops, self.loops = self.loops, []
        saved_elements, self.elements = self.elements, []
        self.current.append(name)
        body = self.block(node.body, CONSTANT)
        self.current.pop()
        self.loops = saved_loops
        self.elements = saved_elements
        cost = self._recursive_cost(node, body)
        self.in_progress.discard(name)
        self.function_costs[name] = cost
        return cost

    def _recursive_cost(self, node: ast.FunctionDef | ast.AsyncFunctionDef, body: Cost) -> Cost:
        calls, in_loop, adjacency_loop = self_calls(node, self.kinds)
        if not calls:
            return body
        line = node.lineno
        memo = is_memoized(node, self.kinds)
        halving = any(halves(call) for call in calls)
        if memo:
            params = changing_params(node, calls)
            states = Cost(degree=float(params))
            self.result.deep_recursion.append((node.name, line))
            self.note(
                line,
                states * body,
                f"memoised recursion `{node.name}` over about n^{params} states",
            )
            return states * body
        if halving:
            if len(calls) == 1 and not in_loop:
                return body if body.degree >= 1 else body * LOG
            if body.degree > 1:
                return body
            return body * LOG if body.degree == 1 else LINEAR
        if in_loop and not adjacency_loop:
            self.note(
                line,
                EXPONENTIAL,
                f"`{node.name}` calls itself inside a loop without memoisation (backtracking)",
            )
            return EXPONENTIAL
        if len(calls) >= 2 and not in_loop:
            self.note(
                line,
                EXPONENTIAL,
                f"`{node.name}` calls itself {len(calls)} times per call without memoisation",
            )
            return EXPONENTIAL
        self.result.deep_recursion.append((node.name, line))
        return LINEAR * body

    # --- statements ------------------------------------------------------

    def block(self, statements: list[ast.stmt], outer: Cost) -> Cost:
        return worst(*(self.statement(statement, outer) for statement in statements))

    def statement(self, node: ast.stmt, outer: Cost) -> Cost:
        if isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)
        ):
            return CONSTANT
        if isinstance(node, (ast.For, ast.AsyncFor)):
            return self.for_loop(node, outer)
        if isinstance(node, ast.While):
            return self.while_loop(node, outer)
        if isinstance(node, ast.If):
            return worst(
                self.expr(node.test, outer),
                self.block(node.body, outer),
                self.block(node.orelse, outer),
            )
        if isinstance(node, (ast.With, ast.AsyncWith)):
            return self.block(node.body, outer)
        if isinstance(node, ast.Try):
            parts = [
                self.block(node.body, outer),
                self.block(node.orelse, outer),
                self.block(node.finalbody, outer),
            ]
            parts += [self.block(handler.body, outer) for handler in node.handlers]
            return worst(*parts)
        self._note_io(node, outer)
        return worst(
            *(
                self.expr(child, outer)
                for child in ast.iter_child_nodes(node)
                if isinstance(child, ast.expr)
            )
        )

    def for_loop(self, node: ast.For | ast.AsyncFor, outer: Cost) -> Cost:
        setup = self.expr(node.iter, outer)
        per_iteration = self.iteration_cost(node.iter)
        if per_iteration.degree > 0 and self._harmonic(node.iter):
            # Sieve-style inner loop: the steps shrink as the outer counter grows.
            self.result.floor = worst(self.result.floor, N_LOG_N)
            per_iteration = CONSTANT
        inner = outer * per_iteration
        self.loops.append(node)
        self.elements.append(element_names(node.target, node.iter))
        body = self.block(node.body, inner)
        self.elements.pop()
        self.loops.pop()
        if per_iteration.degree > 0 and inner.degree >= 2 and inner > outer:
            self.note(
                node.lineno, inner, f"loop nested {self._depth(node)} deep over input-sized data"
            )
        return worst(setup, per_iteration * body, self.block(node.orelse, outer))

    def while_loop(self, node: ast.While, outer: Cost) -> Cost:
        per_iteration = self.while_iterations(node)
        inner = outer * per_iteration
        self.loops.append(node)
        body = self.block(node.body, inner)
        test = self.expr(node.test, inner)
        self.loops.pop()
        if per_iteration.degree > 0 and inner.degree >= 2 and inner > outer:
            self.note(node.lineno, inner, "while loop nested inside another loop")
        return worst(per_iteration * body, per_iteration * test, self.block(node.orelse, outer))

    def _depth(self, node: ast.AST) -> int:
        return 1 + sum(1 for loop in self.loops if self.iteration_cost_of_loop(loop).degree > 0)

    def iteration_cost_of_loop(self, loop: ast.AST) -> Cost:
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
            if self.kinds.get(iterable.id) == "const" or self._is_element(iterable):
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

    # --- expressions -----------------------------------------------------

    def expr(self, node: ast.AST, outer: Cost) -> Cost:
        if isinstance(node, (ast.Call, ast.Subscript)) and self._harmonic(node):
            self.result.floor = worst(self.result.floor, N_LOG_N)
            return CONSTANT
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            return self.comprehension(node, outer)
        if isinstance(node, ast.Lambda):
            return CONSTANT
        own = CONSTANT
        if isinstance(node, ast.Compare):
            own = self.membership(node, outer)
        elif isinstance(node, ast.Call):
            own = self.call(node, outer)
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            bounds = [part for part in (node.slice.lower, node.slice.upper) if part is not None]
            if not (
                bounds
                and all(is_constant_expr(b, self.kinds) for b in bounds)
                and node.slice.lower is None
            ):
                own = LINEAR
                self._note_primitive(node, outer, own, "slicing copies the sequence")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if any(self._sequence(side) == "list" for side in (node.left, node.right)):
                own = LINEAR
                self._note_primitive(node, outer, own, "list + list builds a new list")
        children = [
            self.expr(child, outer)
            for child in ast.iter_child_nodes(node)
            if isinstance(child, ast.expr)
        ]
        return worst(own, *children)

    def comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp, outer: Cost
    ) -> Cost:
        total = CONSTANT
        setup = CONSTANT
        for generator in node.generators:
            setup = worst(setup, self.expr(generator.iter, outer * total))
            total = total * self.iteration_cost(generator.iter)
            self.loops.append(generator)
            self.elements.append(element_names(generator.target, generator.iter))
        inner = outer * total
        parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        parts += [condition for generator in node.generators for condition in generator.ifs]
        body = worst(*(self.expr(part, inner) for part in parts))
        del self.loops[len(self.loops) - len(node.generators) :]
        del self.elements[len(self.elements) - len(node.generators) :]
        if total.degree > 0 and inner.degree >= 2 and inner > outer:
            self.note(node.lineno, inner, "comprehension over input-sized data inside a loop")
        return worst(setup, total * body)

    def membership(self, node: ast.Compare, outer: Cost) -> Cost:
        cost = CONSTANT
        for op, right in zip(node.ops, node.comparators, strict=False):
            if isinstance(op, (ast.In, ast.NotIn)) and self._sequence(right) in (
                "list",
                "str",
                "deque",
            ):
                cost = LINEAR
                self._note_primitive(
                    node, outer, cost, "`in` on a list scans it element by element; a set is O(1)"
                )
        return cost

    def _sequence(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Name):
            kind = self.kinds.get(node.id)
            return kind if kind in ("list", "str", "deque") else None
        if isinstance(node, (ast.List, ast.ListComp)) and not is_small_literal(node):
            return "list"
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            return "list"
        if isinstance(node, ast.Call) and call_name(node) in ("list", "sorted"):
            return "list"
        return None

    def call(self, node: ast.Call, outer: Cost) -> Cost:
        name = call_name(node)
        receiver = call_receiver(node)
        if name in self.functions and isinstance(node.func, ast.Name):
            if self.current and name == self.current[-1]:
                return CONSTANT
            cost = self.function_cost(name)
            if cost.degree > 0 and self._amortised_call(node):
                return CONSTANT
            if cost.degree > 0 or cost.exponential:
                self._note_primitive(
                    node, outer, cost, f"calls `{name}` ({cost.label()}) each time"
                )
            return cost
        target = node.args[0] if node.args else receiver
        if target is not None and self._is_element(target) and name in LINEAR_CALLS | {"sort"}:
            return CONSTANT
        if name in ("sorted", "sort") or (name == "nlargest" or name == "nsmallest"):
            self._note_primitive(node, outer, N_LOG_N, "sorting costs n log n every time it runs")
            return N_LOG_N
        if name in LOG_CALLS:
            return LOG
        if name == "heapify":
            return LINEAR
        if (
            name == "pop"
            and node.args
            and receiver is not None
            and self._sequence(receiver) == "list"
        ):
            if not (
                isinstance(node.args[0], ast.UnaryOp)
                or (isinstance(node.args[0], ast.Constant) and node.args[0].value == -1)
            ):
                self._note_primitive(
                    node,
                    outer,
                    LINEAR,
                    "list.pop(i) shifts the rest of the list; use collections.deque",
                )
                return LINEAR
        if receiver is not None and name in LINEAR_METHODS:
            kind = self._sequence(receiver)
            linear = (
                (name in LIST_LINEAR_METHODS and kind == "list")
                or (name in STR_LINEAR_METHODS and kind == "str")
                or (name == "join" and bool(node.args) and self._sequence(node.args[0]) == "list")
            )
            if (
                name == "insert"
                and node.args
                and not (isinstance(node.args[0], ast.Constant) and node.args[0].value == 0)
            ):
                linear = False
            if self._is_element(receiver) or (node.args and self._is_element(node.args[0])):
                linear = False  # one item of an outer loop: amortised over the input
            if linear:
                self._note_primitive(node, outer, LINEAR, f".{name}() walks the whole sequence")
                return LINEAR
            return CONSTANT
        if isinstance(node.func, ast.Name) and name in LINEAR_CALLS and node.args:
            argument = node.args[0]
            if name in ("min", "max") and len(node.args) > 1:
                return CONSTANT
            if isinstance(argument, ast.GeneratorExp) or is_small_literal(argument):
                return CONSTANT
            if isinstance(argument, ast.Name) and self.kinds.get(argument.id) in ("const", "int"):
                return CONSTANT
            self._note_primitive(node, outer, LINEAR, f"{name}() walks the whole sequence")
            return LINEAR
        return CONSTANT

    def _is_element(self, node: ast.AST) -> bool:
        """An item of an enclosing loop's collection, or a copy of one (sorted(word))."""
        if isinstance(node, ast.Call) and call_name(node) in COPIES and node.args:
            return self._is_element(node.args[0])
        return isinstance(node, ast.Name) and any(node.id in names for names in self.elements)

    def _counters(self) -> set[str]:
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

    def _harmonic(self, node: ast.AST) -> bool:
        """range(.., .., i) or a[::i] stepping by an outer counter: n/1 + n/2 + ... = n log n."""
        if not self.loops:
            return False
        counters = self._counters()
        for sub in ast.walk(node):
            step = None
            if isinstance(sub, ast.Call) and call_name(sub) == "range" and len(sub.args) == 3:
                step = sub.args[2]
            elif isinstance(sub, ast.Slice):
                step = sub.step
            if isinstance(step, ast.Name) and step.id in counters:
                return True
        return False

    def _amortised_call(self, node: ast.Call) -> bool:
        """f(item) where f only walks its own parameters: summed over items, linear overall."""
        args = [*node.args, *(keyword.value for keyword in node.keywords)]
        if not self.loops or not args:
            return False
        if not all(self._is_element(arg) or is_small_literal(arg) for arg in args):
            return False
        function = self.functions[call_name(node) or ""]
        params = {arg.arg for arg in function.args.args}
        for sub in ast.walk(function):
            if isinstance(sub, ast.While):
                return False
            if isinstance(sub, (ast.For, ast.comprehension)):
                names = {n.id for n in ast.walk(sub.iter) if isinstance(n, ast.Name)}
                if not names or not names <= params:
                    return False
        return True

    # --- findings ----------------------------------------------------------

    def note(self, line: int, cost: Cost, reason: str) -> None:
        self.result.findings.append(Finding(line, cost, reason))

    def _note_primitive(self, node: ast.AST, outer: Cost, cost: Cost, reason: str) -> None:
        total = outer * cost
        if outer > CONSTANT and (
            total.degree >= 2 or total.exponential or (total.degree >= 1 and total.logs >= 1)
        ):
            self.note(getattr(node, "lineno", 0), total, f"{reason}, inside a loop")

    def _note_io(self, node: ast.stmt, outer: Cost) -> None:
        """Remember the first print()/input() that runs once per loop iteration."""
        if outer.degree < 1:
            return
        for sub in ast.walk(node):
            name = call_name(sub)
            if name == "print" and self.result.print_in_loop is None:
                self.result.print_in_loop = node.lineno
            if name == "input" and self.result.input_in_loop is None:
                self.result.input_in_loop = node.lineno
