"""Deterministic test generator for longest-k-distinct-window (python3 gen.py)."""
import random
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2001)
N = 300_000
AZ = string.ascii_lowercase


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(k, s):
    return f"{k}\n{s}\n"


def blocks(n, alpha, maxrun):
    out = []
    while len(out) < n:
        out.extend(rng.choice(alpha) * rng.randint(1, maxrun))
    return "".join(out[:n])


emit("visible", [
    case(2, "abcbbbd"),
    case(1, "aabbbcc"),
    case(3, "abcabc"),
])
emit("hidden", [
    case(1, "z"),                                              # n = 1
    case(26, AZ * 3),                                          # k = 26: whole string
    case(25, AZ),                                              # ties: leftmost
    case(2, blocks(N, "abcde", 40)),                           # LARGE runs
    case(5, "".join(rng.choice(AZ) for _ in range(N // 3))),   # random
    case(1, "ab" * 5000),                                      # every window of length 1 ties
    case(3, blocks(50_000, "abcdefgh", 1000)),
    case(4, "a" * 1000 + "".join(rng.choice("bcdefg") for _ in range(2000)) + "a" * 1001),
    case(2, "abababababcccccccccbcbcbcbcbcbc"),
])
