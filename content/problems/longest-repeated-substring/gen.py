"""Deterministic test generator for longest-repeated-substring (python3 gen.py)."""
import random
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(3008)
N = 50_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(s):
    return s + "\n"


def word(n, alpha=string.ascii_lowercase):
    return "".join(rng.choice(alpha) for _ in range(n))


fib = ["b", "a"]
while len(fib[-1]) < N:
    fib.append(fib[-1] + fib[-2])
planted = word(N)
chunk = planted[10_000:12_000]
planted = planted[:30_000] + chunk + planted[32_000:]   # a 2000-letter repeat far apart
emit("visible", [
    case("banana"),
    case("abcabcx"),
    case("abc"),
])
emit("hidden", [
    case("z"),                                      # n = 1: L = 0
    case("zz"),                                     # overlapping minimal repeat
    case("a" * N),                                  # LARGE: L = n - 1
    case(word(N)),                                  # LARGE random
    case(planted),                                  # LARGE planted long repeat
    case(fib[-1][:N]),                              # Fibonacci word
    case(word(N, "ab")),                            # binary alphabet
    case(string.ascii_lowercase + "qxa" + string.ascii_lowercase[::-1]),
    case("abcd" * 7 + "e" + "bcda" * 3),
])
