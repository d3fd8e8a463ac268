"""Deterministic test generator for bracket-validator (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1004)
OPEN, CLOSE = "([{", ")]}"


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(strings):
    return f"{len(strings)}\n" + "\n".join(strings) + "\n"


def balanced(n_pairs):
    """Random balanced string with n_pairs pairs (iterative, no recursion)."""
    out, stack, left = [], [], n_pairs
    while left or stack:
        if left and (not stack or rng.random() < 0.5):
            t = rng.randrange(3)
            out.append(OPEN[t])
            stack.append(t)
            left -= 1
        else:
            out.append(CLOSE[stack.pop()])
    return "".join(out)


def corrupt(s):
    i = rng.randrange(len(s))
    return s[:i] + rng.choice(OPEN + CLOSE) + s[i + 1:]


def mixed(count, max_pairs):
    res = []
    for _ in range(count):
        s = balanced(rng.randint(1, max_pairs))
        r = rng.random()
        if r < 0.4:
            s = corrupt(s)
        elif r < 0.5:
            s = s[:-1]
        elif r < 0.6:
            s = s + rng.choice(OPEN)
        res.append(s)
    return res


emit("visible", [
    case(["([]{})", "([)]", "(("]),
    case(["{}()", ")(", "[[]]]", "{[()()]}"]),
    case(["(", "]", "()[]{}"]),
])
emit("hidden", [
    case(["(", ")", "{", "}", "[", "]"]),                 # single characters
    case(["(" * 150_000 + ")" * 150_000]),                # LARGE: deepest nesting
    case(["([{" * 30_000 + "}])" * 29_999 + "}]]"]),    # error near the very end
    case(["()" * 50_000 + "("]),                         # open bracket left at the end
    case(mixed(3000, 40)),                                # many small strings
    case(mixed(50, 2000)),
    case(["[]" * 1000 + "(" * 1000 + "]"]),
    case(["}" + "()" * 10, "(" * 7, "[(])", "{[}]", "()" * 3 + "]"]),
    case(["".join(rng.choice(OPEN + CLOSE) for _ in range(rng.randint(1, 6))) for _ in range(3000)]),
])
