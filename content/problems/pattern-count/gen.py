"""Deterministic test generator for pattern-count (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2017)
N = 300_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(t, p):
    return f"{t}\n{p}\n"


def word(n, alpha):
    return "".join(rng.choice(alpha) for _ in range(n))


fib = ["b", "a"]
while len(fib[-1]) < N:
    fib.append(fib[-1] + fib[-2])
emit("visible", [
    case("ababababa", "aba"),
    case("hello", "world"),
    case("aaaa", "aa"),
])
emit("hidden", [
    case("x", "x"),                                        # minimum
    case("x", "y"),
    case("a" * N, "a" * 1000),                             # LARGE: quadratic naive search
    case(fib[-1][:N // 3], fib[14]),                       # Fibonacci word, many overlaps
    case(word(50_000, "ab"), word(8, "ab")),
    case("ab" * 10_000, "ab" * 5000 + "b"),                # near-miss long pattern
    case(word(20_000, "abc"), "abcabc"),
    case("abcde" * 1000, "abcde" * 1000),                  # p = t
    case("aabaabaab" * 300, "aabaab"),
])
