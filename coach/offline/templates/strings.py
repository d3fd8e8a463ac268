"""String templates: longest window with few distinct letters, run-length encoding."""

from __future__ import annotations

import random
import string

from coach.models import Difficulty
from coach.offline.templates.base import (
    NAMES,
    Draft,
    Template,
    fill,
    lines,
    pick_size,
    power_text,
    statement,
)

# --- longest substring with at most K distinct letters -----------------------

_WINDOW_REFERENCE = """import sys


def main():
    s = sys.stdin.readline().strip()
    limit = @K@
    counts = {}
    left = 0
    best = 0
    for right, ch in enumerate(s):
        counts[ch] = counts.get(ch, 0) + 1
        while len(counts) > limit:
            gone = s[left]
            counts[gone] -= 1
            if counts[gone] == 0:
                del counts[gone]
            left += 1
        best = max(best, right - left + 1)
    print(best)


main()
"""

_WINDOW_BRUTE = """s = input().strip()
best = 0
for i in range(len(s)):
    seen = set()
    for j in range(i, len(s)):
        seen.add(s[j])
        if len(seen) > @K@:
            break
        best = max(best, j - i + 1)
print(best)
"""


def build_distinct_window(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    k = rng.choice((1, 2, 2, 3, 4))
    alphabet_size = rng.choice((3, 5, 8, 26)) if k < 3 else rng.choice((5, 8, 26))
    letters = string.ascii_lowercase[:alphabet_size]
    n_max = pick_size(rng, difficulty)
    kinds = "kind of bead" if k == 1 else "kinds of beads"
    story = (
        f"{name} has a string of beads, each marked with a lowercase letter from '{letters[0]}' to "
        f"'{letters[-1]}'. {name} wants to cut out one contiguous piece that uses at most {k} "
        "different "
        f"{kinds}. How long can the piece be?"
    )

    def word(n: int, alphabet: str) -> str:
        return lines("".join(rng.choice(alphabet) for _ in range(n)))

    small = [
        lines("a"),
        lines(letters[:2] * 2),
        lines(letters[0] * 6),
        word(7, letters),
        word(9, letters[: k + 1]),
    ]
    small += [word(rng.randint(1, 14), letters) for _ in range(3)]
    large = [
        word(n_max, letters),
        word(n_max, letters[: k + 1]),
        lines(letters * (n_max // alphabet_size)),
    ]
    return Draft(
        title=f"Beads of at Most {k} Kind{'s' if k > 1 else ''}",
        statement=statement(
            story,
            "One line with the string s of bead letters.",
            f"Print the length of the longest contiguous piece of s with at most {k} different "
            "letters.",
        ),
        constraints=f"1 ≤ |s| ≤ {power_text(n_max)}\ns consists of letters "
        f"'{letters[0]}'..'{letters[-1]}'",
        reference=fill(_WINDOW_REFERENCE, K=k),
        brute_force=fill(_WINDOW_BRUTE, K=k),
        examples=[word(10, letters[: k + 2])],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "If a piece from i to j is valid, every piece inside it is valid too.",
            "Grow a window to the right one letter at a time; when it has too many kinds, shrink "
            "it from the left.",
            "Keep a count per letter inside the window so you know the number of kinds in O(1).",
        ],
        expected_complexity="O(n)",
        topics=["strings", "sliding-window", "two-pointers", "hashing"],
    )


# --- run-length encoding -----------------------------------------------------------

_RLE_REFERENCE = """import sys


def main():
    s = sys.stdin.readline().strip()
    parts = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        parts.append(@PIECE@)
        i = j
    print("".join(parts))


main()
"""

_RLE_BRUTE = """from itertools import groupby

s = input().strip()
out = ""
for ch, group in groupby(s):
    count = len(list(group))
    out += @BRUTE_PIECE@
print(out)
"""

_RLE_FORMATS = {
    "letter-count": (
        "s[i] + str(j - i)",
        "ch + str(count)",
        "each run becomes its letter followed by its length",
        "aaabcc becomes a3b1c2",
    ),
    "count-letter": (
        "str(j - i) + s[i]",
        "str(count) + ch",
        "each run becomes its length followed by its letter",
        "aaabcc becomes 3a1b2c",
    ),
    "skip-ones": (
        "s[i] + (str(j - i) if j - i > 1 else '')",
        "ch + (str(count) if count > 1 else '')",
        "each run becomes its letter, followed by its length only when the length is more than 1",
        "aaabcc becomes a3bc2",
    ),
}


def build_run_length(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    style = rng.choice(sorted(_RLE_FORMATS))
    piece, brute_piece, rule, example = _RLE_FORMATS[style]
    n_max = pick_size(rng, difficulty) * 2
    letters = string.ascii_lowercase[: rng.choice((2, 3, 4, 26))]
    story = (
        f"{name} sends long strings over a slow radio link and compresses them first: {rule}. "
        f"For example, {example}. Compress the given string."
    )

    def runs(n: int, longest: int) -> str:
        out = []
        while len(out) < n:
            out.extend(rng.choice(letters) * rng.randint(1, longest))
        return lines("".join(out[:n]))

    small = [lines("a"), lines("ab"), lines("z" * 12), runs(10, 4), runs(15, 12), runs(8, 1)]
    large = [runs(n_max, 20), runs(n_max, 1), lines("q" * n_max)]
    return Draft(
        title="Radio Compression",
        statement=statement(
            story, "One line with the string s (lowercase letters).", "Print the compressed string."
        ),
        constraints=f"1 ≤ |s| ≤ {power_text(n_max)}",
        reference=fill(_RLE_REFERENCE, PIECE=piece),
        brute_force=fill(_RLE_BRUTE, BRUTE_PIECE=brute_piece),
        examples=[runs(12, 4)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Find where each run of equal letters starts and ends.",
            "Building the answer with += on a string in a loop can be slow in some languages; "
            "collect the pieces in a list and join them once.",
        ],
        expected_complexity="O(n)",
        topics=["strings"],
    )


TEMPLATES = (
    Template(
        "distinct-window",
        ("strings", "sliding-window", "two-pointers", "hashing"),
        build_distinct_window,
        "longest piece with at most K kinds of letters",
    ),
    Template("run-length", ("strings",), build_run_length, "run-length encoding"),
)
