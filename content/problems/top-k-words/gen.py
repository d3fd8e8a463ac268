"""Deterministic test generator for top-k-words (python3 gen.py)."""
import random
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1003)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(k, words, per_line=12):
    lines = [" ".join(words[i:i + per_line]) for i in range(0, len(words), per_line)]
    return f"{len(words)} {k}\n" + "\n".join(lines) + "\n"


def word(lo=1, hi=8, alpha=string.ascii_lowercase):
    return "".join(rng.choice(alpha) for _ in range(rng.randint(lo, hi)))


zipf_vocab = [word(3, 9) for _ in range(3000)]
weights = [1 / (i + 1) for i in range(len(zipf_vocab))]

emit("visible", [
    case(3, "the cat sat on the mat the sat cat".split()),
    case(2, "b a ab a b ab".split()),
    case(5, "only words here".split()),
])
emit("hidden", [
    case(1, ["z"]),                                               # n = 1
    case(50000, ["x"] * 10),                                     # k much larger than distinct
    case(4, ["a", "aa", "aaa", "a", "aa", "aaa", "b", "ba"]),     # prefix ties
    case(3, ["q" * 20, "q" * 19, "q" * 20, "q" * 19]),            # length-20 words
    case(10, rng.choices(zipf_vocab, weights, k=50_000)),        # LARGE, skewed
    case(50_000, [word(1, 20) for _ in range(5000)]),          # LARGE, almost all distinct
    case(7, [word(1, 2, "ab") for _ in range(2000)]),             # heavy ties
    case(50, [rng.choice(zipf_vocab[:80]) for _ in range(20_000)]),
    case(1, [word(1, 1, "xyz") for _ in range(999)]),
])
