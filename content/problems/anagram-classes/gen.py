"""Deterministic test generator for anagram-classes (python3 gen.py)."""
import random
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1015)
N = 30_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(words, per_line=10):
    lines = [" ".join(words[i:i + per_line]) for i in range(0, len(words), per_line)]
    return f"{len(words)}\n" + "\n".join(lines) + "\n"


def shuffled(w):
    c = list(w)
    rng.shuffle(c)
    return "".join(c)


def from_bases(bases, count):
    return [shuffled(rng.choice(bases)) for _ in range(count)]


def word(lo, hi, alpha=string.ascii_lowercase):
    return "".join(rng.choice(alpha) for _ in range(rng.randint(lo, hi)))


emit("visible", [
    case(["listen", "silent", "enlist", "google", "gogole", "cat"]),
    case(["ba", "cd", "ab", "dc", "e"]),
    case(["aa", "a", "aa", "aaa"]),
])
emit("hidden", [
    case(["z"]),                                                     # n = 1
    case(["abc"] * 7),                                               # all identical
    case([word(1, 12) for _ in range(8000)]),                      # almost all singletons
    case(from_bases([word(12, 12) for _ in range(2000)], N)),        # LARGE: many size ~25 classes
    case(from_bases(["abcdefghijkl", "abcdefghijkm"], 4000)),        # two big classes
    case(["ab", "ba"] * 50 + ["cd", "dc"] * 50 + ["aab"] * 99),     # tie broken by signature
    case([word(1, 3, "ab") for _ in range(3000)]),
    case([w for w in ("x" * k for k in range(1, 13))]),              # same letter, different lengths
    case(from_bases([word(3, 6, "abcde") for _ in range(30)], 5000)),
])
