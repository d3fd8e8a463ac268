"""Stack templates: balanced brackets, next greater element."""

from __future__ import annotations

import random

from coach.models import Difficulty
from coach.offline.templates.base import (
    NAMES,
    Draft,
    Template,
    fill,
    join,
    lines,
    pick_size,
    power_text,
    statement,
)

# --- balanced brackets -------------------------------------------------------

_BRACKETS_REFERENCE = """import sys


def balanced(s):
    pairs = @PAIRS@
    stack = []
    for ch in s:
        if ch in pairs:
            stack.append(pairs[ch])
        elif not stack or stack.pop() != ch:
            return False
    return not stack


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    out = ["@YES@" if balanced(s) else "@NO@" for s in data[1:1 + t]]
    print("\\n".join(out))


main()
"""

_BRACKETS_BRUTE = """t = int(input())
for _ in range(t):
    s = input().strip()
    changed = True
    while changed:
        changed = False
        for pair in @UNITS@:
            if pair in s:
                s = s.replace(pair, "")
                changed = True
    print("@YES@" if s == "" else "@NO@")
"""

_BRACKET_SETS = ("()", "()[]", "()[]{}", "<>()")
_WORDS = (("YES", "NO"), ("BALANCED", "BROKEN"), ("OK", "ERROR"))


def _balanced_text(rng: random.Random, length: int, pairs: list[str]) -> str:
    out: list[str] = []
    stack: list[str] = []
    while len(out) + len(stack) < length:
        if stack and (rng.random() < 0.5 or len(out) + len(stack) + 2 > length):
            out.append(stack.pop())
        else:
            pair = rng.choice(pairs)
            out.append(pair[0])
            stack.append(pair[1])
    out.extend(reversed(stack))
    return "".join(out)


def _broken_text(rng: random.Random, length: int, pairs: list[str]) -> str:
    chars = list(_balanced_text(rng, max(2, length), pairs))
    position = rng.randrange(len(chars))
    symbols = "".join(pairs)
    chars[position] = rng.choice([c for c in symbols if c != chars[position]] or symbols)
    return "".join(chars)


def build_brackets(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    symbols = rng.choice(_BRACKET_SETS)
    pairs = [symbols[i : i + 2] for i in range(0, len(symbols), 2)]
    yes, no = rng.choice(_WORDS)
    total_max = pick_size(rng, difficulty) * 2
    mapping = "{" + ", ".join(f"{p[0]!r}: {p[1]!r}" for p in pairs) + "}"
    listing = ", ".join(f"'{p}'" for p in pairs)
    story = (
        f"{name} is writing an editor plugin that checks brackets. The code uses only the bracket "
        "pairs "
        f"{listing}. A string is correct if every opening bracket is closed by the matching "
        "bracket in the "
        f"right order."
    )

    def case(count: int, length: int) -> str:
        texts = [
            (_balanced_text if rng.random() < 0.5 else _broken_text)(
                rng, rng.randint(1, length), pairs
            )
            for _ in range(count)
        ]
        return lines(str(count), *texts)

    first, last = pairs[0]
    small = [lines("1", first), lines("1", last + first), lines("2", first + last, last)]
    small += [
        lines("2", first * 3 + last * 3, first * 3 + last * 2),
        case(5, 8),
        case(6, 12),
        case(4, 20),
    ]
    large = [
        case(10, total_max // 10),
        lines("1", _balanced_text(rng, total_max, pairs)),
        lines("1", first * (total_max // 2) + last * (total_max // 2 - 1)),
    ]
    return Draft(
        title="Bracket Checker",
        statement=statement(
            story,
            "The first line contains t, the number of strings. Each of the next t lines contains "
            "one non-empty string of bracket characters.",
            f"For each string print {yes} if it is correct and {no} otherwise.",
        ),
        constraints=f"1 ≤ t ≤ 10^4\nthe total length of all strings ≤ {power_text(total_max)}",
        reference=fill(_BRACKETS_REFERENCE, PAIRS=mapping, YES=yes, NO=no),
        brute_force=fill(_BRACKETS_BRUTE, UNITS=repr(tuple(pairs)), YES=yes, NO=no),
        examples=[case(4, 8)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Which opening bracket must the next closing bracket match?",
            "Keep the unmatched opening brackets in a stack; the most recent one must be closed "
            "first.",
            "Do not forget the strings that end with unclosed brackets, and closing brackets with "
            "nothing to match.",
        ],
        expected_complexity="O(total length)",
        topics=["stacks", "strings"],
    )


# --- next greater element ----------------------------------------------------

_NEXT_REFERENCE = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    values = list(map(int, data[1:n + 1]))
    answer = [@NONE@] * n
    stack = []
    for i, value in enumerate(values):
        while stack and values[stack[-1]] < value:
            j = stack.pop()
            answer[j] = @FOUND@
        stack.append(i)
    sys.stdout.write(" ".join(map(str, answer)) + "\\n")


main()
"""

_NEXT_BRUTE = """n = int(input())
values = list(map(int, input().split()))
answer = []
for j in range(n):
    result = @NONE@
    for i in range(j + 1, n):
        if values[i] > values[j]:
            result = @BRUTE_FOUND@
            break
    answer.append(result)
print(*answer)
"""


def build_next_greater(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    variant = rng.choice(("distance", "value"))
    n_max = pick_size(rng, difficulty)
    v_max = rng.choice((100, 10**9))
    if variant == "distance":
        none, found, brute_found = "0", "i - j", "i - j"
        story = (
            f"{name} recorded the temperature on each of n days. For every day, how many days "
            f"must {name} "
            "wait for a strictly warmer day? If no warmer day follows, the answer is 0."
        )
        title = "Warmer Days"
    else:
        none, found, brute_found = "-1", "value", "values[i]"
        story = (
            f"{name} lists the prices of n items on a shelf from left to right. For every item, "
            "find the price "
            "of the first item to its right that is strictly more expensive, or -1 if there is "
            "none."
        )
        title = "Next Pricier Item"

    def case(n: int, high: int) -> str:
        return lines(str(n), join([rng.randint(1, high) for _ in range(n)]))

    small = [
        lines("1", "5"),
        lines("5", "1 2 3 4 5"),
        lines("5", "5 4 3 2 1"),
        lines("4", "7 7 7 7"),
    ]
    small += [case(rng.randint(2, 10), 10) for _ in range(4)]
    large = [case(n_max, v_max), lines(str(n_max), join(range(n_max, 0, -1))), case(n_max, 3)]
    return Draft(
        title=title,
        statement=statement(
            story,
            "The first line contains n. The second line contains n integers.",
            "Print n integers separated by spaces: the answer for each position.",
        ),
        constraints=f"1 ≤ n ≤ {power_text(n_max)}\n1 ≤ value ≤ {power_text(v_max)}",
        reference=fill(_NEXT_REFERENCE, NONE=none, FOUND=found),
        brute_force=fill(_NEXT_BRUTE, NONE=none, BRUTE_FOUND=brute_found),
        examples=[case(8, 20)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Scanning right from every position is O(n^2) on a decreasing sequence.",
            "Process positions left to right and keep the ones still waiting for their answer. In "
            "what order are their values?",
            "When a new value arrives, it answers every waiting position with a smaller value; "
            "each position waits in the stack and leaves it once.",
        ],
        expected_complexity="O(n) amortised",
        topics=["stacks", "arrays"],
    )


TEMPLATES = (
    Template("brackets", ("stacks", "strings"), build_brackets, "balanced bracket checker"),
    Template("next-greater", ("stacks", "arrays"), build_next_greater, "next greater element"),
)
