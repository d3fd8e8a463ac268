"""Deterministic test generator for clean-palindrome (python3 gen.py)."""
import random
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1007)
ALNUM = string.ascii_letters + string.digits
PUNCT = " !,.?;:'\"-()[]{}@#$%^&*_+=/\\|<>~`"


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(lines):
    for s in lines:
        assert s and s[0] != " " and s[-1] != " " and "\n" not in s
    return f"{len(lines)}\n" + "\n".join(lines) + "\n"


def noisy(core):
    """Insert punctuation and random case changes into an alphanumeric core."""
    out = []
    for ch in core:
        if rng.random() < 0.3:
            out.append(rng.choice(PUNCT))
        out.append(ch.upper() if rng.random() < 0.5 else ch)
    s = "".join(out).strip() or "x"
    return s


def pal(n, alpha="abcxyz019"):
    half = "".join(rng.choice(alpha) for _ in range(n // 2))
    mid = rng.choice(alpha) if n % 2 else ""
    return half + mid + half[::-1]


def near_pal(n):
    p = list(pal(n))
    i = rng.randrange(len(p))
    p[i] = "q" if p[i] != "q" else "w"
    return "".join(p)


emit("visible", [
    case(["Never odd, or even!", "Hello, World", "A1b2B1a"]),
    case(["?!", "x", "Ab"]),
    case(["No 'x' in Nixon", "12 3 21", "1 2 3 12"]),
])
emit("hidden", [
    case(["a", "!", "9", "Z"]),                                      # length 1
    case(["...", "- -", "a.", ".a", "ab.", "AbA"]),                  # empty after cleanup
    case([noisy(pal(rng.randint(1, 60))) for _ in range(3000)]),
    case([noisy(near_pal(rng.randint(2, 60))) for _ in range(3000)]),
    case([noisy(pal(70_000)), noisy(near_pal(70_000))]),            # LARGE lines
    case(["aA" * 50_000, "Ab" * 20_000, "0" + " " * 29_998 + "0"]),  # case-folding, many spaces
    case([rng.choice(PUNCT[1:]) + "".join(rng.choice(ALNUM + PUNCT) for _ in range(rng.randint(0, 30))) + "."
          for _ in range(2000)]),
    case(["Z" + "!" * 1000 + "z", "Z" + "!" * 1000 + "y", "`~" * 500, "0O", "1l"]),
])
