"""Deterministic test generator for weighted-edit-distance (python3 gen.py)."""
import random
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2010)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(ci, cd, cr, a, b):
    return f"{ci} {cd} {cr}\n{a}\n{b}\n"


def word(n, alpha=string.ascii_lowercase):
    return "".join(rng.choice(alpha) for _ in range(n))


def mutate(s, k):
    s = list(s)
    for _ in range(k):
        op = rng.randrange(3)
        i = rng.randrange(len(s) + 1)
        if op == 0 or not s:
            s.insert(i, rng.choice("abcdefghij"))
        elif op == 1:
            del s[min(i, len(s) - 1)]
        else:
            s[min(i, len(s) - 1)] = rng.choice("abcdefghij")
    return "".join(s)[:1000] or "a"  # stay within |b| <= 1000


base = word(1000, "abcdefghij")
emit("visible", [
    case(1, 1, 1, "kitten", "sitting"),
    case(1, 1, 5, "a", "b"),
    case(2, 3, 4, "abc", "abc"),
])
emit("hidden", [
    case(1, 1, 1, "a", "a"),                                        # minimum, equal
    case(7, 3, 1000, "z", "y"),                                     # replace too expensive
    case(1000, 1000, 1000, "a" * 1000, "b" * 1000),                 # LARGE, max cost
    case(3, 5, 4, base, mutate(base, 150)),                         # LARGE, similar strings
    case(1, 2, 3, word(1000, "ab"), word(1000, "ab")),              # LARGE, binary alphabet
    case(10, 1, 1, word(1000), "q"),                                # lengths differ a lot
    case(1, 10, 1, "q", word(1000)),
    case(4, 4, 9, word(300, "xyz"), word(280, "xyz")),
    case(5, 5, 1, "abcdefghij" * 50, "jihgfedcba" * 50),
])
