"""Estimate the growth rate of a Python solution from its syntax tree.

This is a heuristic, not a proof: loops over input-sized data count as n,
loops over literals or small constants as 1, halving loops as log n, and
well-known amortised patterns (BFS over adjacency lists, two pointers,
monotonic stacks) are recognised so that they are not reported as n^2.
This module walks statements and functions; how often a loop runs is
`python_loops`, what one built-in call costs is `python_builtins`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from coach.offline.costs import CONSTANT, EXPONENTIAL, LINEAR, LOG, N_LOG_N, Cost, worst
from coach.offline.python_builtins import builtin_call_cost, membership_cost, sequence_kind
from coach.offline.python_loops import LoopScope
from coach.offline.python_syntax import (
    call_name,
    infer_kinds,
    is_constant_expr,
    is_small_literal,
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
        self.scope = LoopScope(self.kinds)
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
        with self.scope.function_body():
            self.current.append(name)
            body = self.block(node.body, CONSTANT)
            self.current.pop()
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
        per_iteration = self.scope.iteration_cost(node.iter)
        if per_iteration.degree > 0 and self.scope.harmonic(node.iter):
            # Sieve-style inner loop: the steps shrink as the outer counter grows.
            self.result.floor = worst(self.result.floor, N_LOG_N)
            per_iteration = CONSTANT
        inner = outer * per_iteration
        self.scope.enter_for(node)
        body = self.block(node.body, inner)
        self.scope.leave_for()
        if per_iteration.degree > 0 and inner.degree >= 2 and inner > outer:
            self.note(
                node.lineno, inner, f"loop nested {self.scope.depth()} deep over input-sized data"
            )
        return worst(setup, per_iteration * body, self.block(node.orelse, outer))

    def while_loop(self, node: ast.While, outer: Cost) -> Cost:
        per_iteration = self.scope.while_iterations(node)
        inner = outer * per_iteration
        self.scope.enter_while(node)
        body = self.block(node.body, inner)
        test = self.expr(node.test, inner)
        self.scope.leave_while()
        if per_iteration.degree > 0 and inner.degree >= 2 and inner > outer:
            self.note(node.lineno, inner, "while loop nested inside another loop")
        return worst(per_iteration * body, per_iteration * test, self.block(node.orelse, outer))

    # --- expressions -----------------------------------------------------

    def expr(self, node: ast.AST, outer: Cost) -> Cost:
        if isinstance(node, (ast.Call, ast.Subscript)) and self.scope.harmonic(node):
            self.result.floor = worst(self.result.floor, N_LOG_N)
            return CONSTANT
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            return self.comprehension(node, outer)
        if isinstance(node, ast.Lambda):
            return CONSTANT
        own = CONSTANT
        if isinstance(node, ast.Compare):
            own, reason = membership_cost(node, self.kinds)
            if reason is not None:
                self._note_primitive(node, outer, own, reason)
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
            if any(sequence_kind(side, self.kinds) == "list" for side in (node.left, node.right)):
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
            total = total * self.scope.iteration_cost(generator.iter)
            self.scope.enter_for(generator)
        inner = outer * total
        parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        parts += [condition for generator in node.generators for condition in generator.ifs]
        body = worst(*(self.expr(part, inner) for part in parts))
        self.scope.leave_for(len(node.generators))
        if total.degree > 0 and inner.degree >= 2 and inner > outer:
            self.note(node.lineno, inner, "comprehension over input-sized data inside a loop")
        return worst(setup, total * body)

    def call(self, node: ast.Call, outer: Cost) -> Cost:
        name = call_name(node)
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
        cost, reason = builtin_call_cost(node, self.scope)
        if reason is not None:
            self._note_primitive(node, outer, cost, reason)
        return cost

    def _amortised_call(self, node: ast.Call) -> bool:
        """f(item) where f only walks its own parameters: summed over items, linear overall."""
        args = [*node.args, *(keyword.value for keyword in node.keywords)]
        if not self.scope.loops or not args:
            return False
        if not all(self.scope.is_element(arg) or is_small_literal(arg) for arg in args):
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
