"""Facts about Python syntax trees that the cost estimate relies on.

What a name holds (list, set, dict, str, small constant), which names
bound loops, which loop variables are items of a collection: plain
functions over `ast`, shared by the cost analyser and the recursion rules.
"""

from __future__ import annotations

import ast

SMALL_LITERAL = 32
LIST_BUILDERS = {"list", "sorted", "tuple"}
SET_BUILDERS = {"set", "frozenset"}
DICT_BUILDERS = {"dict", "Counter", "defaultdict", "OrderedDict"}
LINEAR_CALLS = {
    "sum",
    "min",
    "max",
    "list",
    "set",
    "tuple",
    "sorted",
    "any",
    "all",
    "reversed",
    "frozenset",
    "Counter",
    "deepcopy",
    "dict",
    "deque",
    "bytes",
    "bytearray",
}
LIST_LINEAR_METHODS = {"index", "count", "remove", "insert", "copy", "reverse"}
STR_LINEAR_METHODS = {"find", "rfind", "count", "replace", "index"}
LINEAR_METHODS = LIST_LINEAR_METHODS | STR_LINEAR_METHODS | {"join"}
LOG_CALLS = {
    "heappush",
    "heappop",
    "heappushpop",
    "heapreplace",
    "bisect",
    "bisect_left",
    "bisect_right",
    "insort",
    "insort_left",
    "insort_right",
}
GROWING_METHODS = {"append", "extend", "insert", "appendleft", "add", "update"}
COPIES = {"sorted", "list", "reversed", "tuple", "set", "iter"}
MEMO_DECORATORS = {"lru_cache", "cache"}
MEMO_NAMES = ("memo", "cache", "dp", "seen", "visited", "vis", "done")


def call_name(node: ast.AST) -> str | None:
    """`f` for f(...), `m` for x.m(...) and mod.m(...)."""
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name):
            return func.id
        if isinstance(func, ast.Attribute):
            return func.attr
    return None


def call_receiver(node: ast.Call) -> ast.expr | None:
    return node.func.value if isinstance(node.func, ast.Attribute) else None


def is_small_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return not isinstance(node.value, str) or len(node.value) <= SMALL_LITERAL
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return len(node.elts) <= SMALL_LITERAL and all(is_small_literal(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp):
        return is_small_literal(node.operand)
    return False


def kind_of(value: ast.AST) -> str | None:
    """Classify an assigned value: list, set, dict, str, deque, int or const (small, fixed)."""
    if isinstance(value, (ast.List, ast.Tuple, ast.Set, ast.Dict)) and not getattr(
        value, "elts", getattr(value, "keys", None)
    ):
        return {ast.List: "list", ast.Tuple: "const", ast.Set: "set", ast.Dict: "dict"}[type(value)]
    if is_small_literal(value):
        return "const"
    if isinstance(value, (ast.List, ast.ListComp, ast.Tuple)):
        return "list"
    if isinstance(value, (ast.Set, ast.SetComp)):
        return "set"
    if isinstance(value, (ast.Dict, ast.DictComp)):
        return "dict"
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return "str"
    if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Mult, ast.Add)):
        if isinstance(value.left, (ast.List, ast.ListComp)) or isinstance(
            value.right, (ast.List, ast.ListComp)
        ):
            return "list"
        if is_constant_expr(value, {}):
            return "const"
    name = call_name(value)
    if name in LIST_BUILDERS or name in ("split", "readlines", "copy"):
        return "list"
    if name in SET_BUILDERS:
        return "set"
    if name in DICT_BUILDERS:
        return "dict"
    if name == "deque":
        return "deque"
    if name in ("input", "str", "strip", "rstrip", "lower", "upper", "readline", "read", "join"):
        return "str"
    if name in ("int", "len", "sum", "max", "min", "abs", "ord"):
        return "int"
    return None


def is_constant_expr(node: ast.AST, kinds: dict[str, str]) -> bool:
    """True for expressions made of literals and names bound to literals (26, K, len(DIRS))."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return kinds.get(node.id) == "const"
    if isinstance(node, ast.BinOp):
        return is_constant_expr(node.left, kinds) and is_constant_expr(node.right, kinds)
    if isinstance(node, ast.UnaryOp):
        return is_constant_expr(node.operand, kinds)
    if isinstance(node, ast.Call) and call_name(node) == "len" and node.args:
        return is_constant_expr(node.args[0], kinds) or is_small_literal(node.args[0])
    return False


def has_sqrt(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.BinOp) and isinstance(sub.op, ast.Pow):
            if isinstance(sub.right, ast.Constant) and sub.right.value == 0.5:
                return True
        if call_name(sub) in ("sqrt", "isqrt"):
            return True
    return False


def loop_names(tree: ast.AST) -> set[str]:
    """Names that bound loops: range(n), len(s), for x in s, while i < m."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.comprehension)):
            iterable = node.iter
            if isinstance(iterable, ast.Call) and call_name(iterable) in ("range", "enumerate"):
                names |= {
                    n.id for arg in iterable.args for n in ast.walk(arg) if isinstance(n, ast.Name)
                }
            elif isinstance(iterable, ast.Name):
                names.add(iterable.id)
        elif isinstance(node, ast.While):
            names |= {n.id for n in ast.walk(node.test) if isinstance(n, ast.Name)}
    return names


def element_names(target: ast.AST, iterable: ast.AST) -> set[str]:
    """Names a for loop binds to items of a collection (not to range() counters)."""
    if isinstance(iterable, ast.Call) and call_name(iterable) == "range":
        return set()
    names = {sub.id for sub in ast.walk(target) if isinstance(sub, ast.Name)}
    if isinstance(iterable, ast.Call) and call_name(iterable) == "enumerate":
        if isinstance(target, ast.Tuple) and target.elts and isinstance(target.elts[0], ast.Name):
            names.discard(target.elts[0].id)  # the index is a counter, not an item
    return names


def is_tree_climb(test: ast.AST) -> bool:
    """`parent[x] != x` (either order): climbing towards a union-find root."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return False
    left, right = test.left, test.comparators[0]
    for a, b in ((left, right), (right, left)):
        if isinstance(a, ast.Subscript) and isinstance(b, ast.Name):
            if isinstance(a.slice, ast.Name) and a.slice.id == b.id:
                return True
    return False


def infer_kinds(tree: ast.AST) -> dict[str, str]:
    kinds: dict[str, str] = {}

    def note(name: str, kind: str | None) -> None:
        if kind is None:
            kinds.setdefault(name, "unknown")
            if kinds[name] != "unknown" and kinds[name] != kind:
                kinds[name] = "unknown"
            return
        previous = kinds.get(name)
        if previous is None:
            kinds[name] = kind
        elif previous != kind:
            kinds[name] = "int" if {previous, kind} <= {"int", "const"} else "unknown"

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    note(target.id, kind_of(node.value))
                elif isinstance(target, ast.Tuple):
                    for element in target.elts:
                        if isinstance(element, ast.Name):
                            note(element.id, "int" if call_name(node.value) == "map" else None)
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.value is not None
        ):
            note(node.target.id, kind_of(node.value))
        elif isinstance(node, (ast.For, ast.comprehension)):
            for sub in ast.walk(node.target):
                if isinstance(sub, ast.Name):
                    note(sub.id, None)
    # A literal that grows later (stack = [0]; stack.append(x)) is not small.
    for node in ast.walk(tree):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            if kinds.get(node.target.id) == "const":
                grows = isinstance(node.value, (ast.List, ast.ListComp)) or not is_small_literal(
                    node.value
                )
                kinds[node.target.id] = "list" if grows and isinstance(node.op, ast.Add) else "int"
        elif call_name(node) in GROWING_METHODS and isinstance(node, ast.Call):
            receiver = call_receiver(node)
            if isinstance(receiver, ast.Name) and kinds.get(receiver.id) == "const":
                kinds[receiver.id] = "list"
    return kinds
