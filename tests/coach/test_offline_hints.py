"""The hint ladder: author hints first, then code-based advice, never a solution."""

from __future__ import annotations

import re
import textwrap

from coach.models import CoachContext, VisibleTestResult
from coach.offline.hints import STRATEGY_PROMPTS, hint_ladder, next_hint, withhold_code

HINTS = [
    "Think about the best run ending at position i.",
    "Would you extend a negative running sum?",
]

SLOW_CODE = textwrap.dedent(
    """\
    n = int(input())
    a = list(map(int, input().split()))
    best = 0
    for i in range(n):
        for j in range(i, n):
            best = max(best, sum(a[i:j + 1]))
    print(best)
    """
)


def context(**changes) -> CoachContext:
    base = {
        "problem_title": "Best Streak",
        "hints": HINTS,
        "constraints": "1 ≤ n ≤ 2·10^5\n-10^9 ≤ a_i ≤ 10^9",
        "code": SLOW_CODE,
        "tests": [
            VisibleTestResult(
                name="Example 1", verdict="AC", input="3\n1 2 3\n", expected="6\n", actual="6\n"
            ),
            VisibleTestResult(
                name="Example 2", verdict="WA", input="3\n-1 -2 -3\n", expected="-1\n", actual="0\n"
            ),
        ],
    }
    base.update(changes)
    return CoachContext(**base)


def test_author_hints_come_first_in_order():
    assert next_hint(HINTS, 0).text == HINTS[0]
    second = next_hint(HINTS, 1)
    assert second.text == HINTS[1]
    assert second.number == 2
    assert second.source == "problem"


def test_without_context_strategy_prompts_follow():
    hint = next_hint(HINTS, 2)
    assert hint.source == "strategy"
    assert hint.text == STRATEGY_PROMPTS[0]
    assert hint.remaining == len(STRATEGY_PROMPTS) - 1


def test_code_hints_follow_author_hints():
    ladder = hint_ladder(HINTS, context())
    sources = [source for _, source in ladder]
    assert sources[:2] == ["problem", "problem"]
    assert sources[2] == "code"
    assert sources[-1] == "strategy"
    code_texts = [text for text, source in ladder if source == "code"]
    assert "Example 2" in code_texts[0]
    assert "starts at 0" in code_texts[0]
    assert any("O(n^3)" in text and "line 6" in text for text in code_texts)
    assert any("n = 1" in text for text in code_texts)
    assert any("negative" in text for text in code_texts)


def test_exhausted_ladder():
    ladder = hint_ladder(HINTS, context())
    hint = next_hint(HINTS, len(ladder), context=context())
    assert hint.source == "exhausted"
    assert hint.remaining == 0
    assert "last hint" in hint.text
    assert next_hint(HINTS, 99).source == "exhausted"


def test_negative_given_is_treated_as_zero():
    assert next_hint(HINTS, -3).number == 1


def test_ladder_is_deterministic():
    assert hint_ladder(HINTS, context()) == hint_ladder(HINTS, context())


def test_empty_code_gets_a_starting_hint():
    ladder = hint_ladder([], context(code="", tests=[]))
    assert ladder[0][1] == "code"
    assert "reads exactly what the input format describes" in ladder[0][0]


def test_crash_hint_from_real_traceback(run_python):
    code = "n = int(input())\na = list(map(int, input().split()))\nprint(a[n])\n"
    result = run_python(code, stdin="3\n1 2 3\n")
    crashed = VisibleTestResult(
        name="Example 1",
        verdict="RE",
        input="3\n1 2 3\n",
        expected="6\n",
        stderr=result.stderr,
        exit_code=result.returncode,
    )
    ladder = hint_ladder([], context(code=code, tests=[crashed]))
    first_text, source = ladder[0]
    assert source == "code"
    assert "IndexError on line 3" in first_text


def test_time_limit_with_fine_loops():
    linear = "import sys\nprint(sum(map(int, sys.stdin.read().split()[1:])))\n"
    tle = VisibleTestResult(name="Big", verdict="TLE", input="", expected="")
    texts = [text for text, _ in hint_ladder([], context(code=linear, tests=[tle]))]
    assert any("loop that never ends" in text for text in texts)


def test_long_code_in_hints_is_withheld():
    solution = (
        "Use Kadane:\n```python\nbest = cur = a[0]\nfor x in a[1:]:\n    cur = max(x, cur "
        "+ x)\n    best = max(best, cur)\n```"
    )
    cleaned = withhold_code(solution)
    assert "cur + x" not in cleaned
    assert "code omitted" in cleaned
    short = "Compare with:\n```\nx = a[i] - a[i - 1]\n```"
    assert withhold_code(short) == short
    hint = next_hint([solution], 0)
    assert "cur + x" not in hint.text


def test_no_ladder_step_contains_a_code_block():
    for text, _ in hint_ladder(HINTS, context()):
        blocks = re.findall(r"```(.*?)```", text, re.S)
        assert all(len(block.strip().splitlines()) <= 2 for block in blocks)
