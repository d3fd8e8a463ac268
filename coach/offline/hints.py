"""The hint ladder: the problem's own hints first, then advice drawn from the code.

Hints are handed out one at a time so a learner gets the smallest nudge
that unblocks them. When the author's hints run out, the coach looks at
the user's code and visible results instead of inventing a solution; no
step on the ladder ever contains a full solution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from coach.models import CoachContext, VisibleTestResult
from coach.offline.complexity import advice_for, check_complexity
from coach.offline.constraints import format_count, input_size, parse_bounds
from coach.offline.diagnosis import diagnose
from coach.offline.error_explanations import explain_error

HintSource = Literal["problem", "code", "strategy", "exhausted"]

_MAX_CODE_LINES = 2
_FENCE = re.compile(r"```[^\n]*\n(.*?)```", re.S)

STRATEGY_PROMPTS = (
    "Work through the first example by hand and write down every step you take; your program "
    "should take the same steps. Which step is the one you are unsure how to code?",
    "Write the simplest correct program you can (even a slow brute force) and check it on the "
    "examples; then look for the repeated work that makes it slow.",
    "Re-read the statement and list every condition and limit; tick each one off in your code. "
    "Missed conditions cause most wrong answers.",
    "Make up three tiny inputs of your own (smallest size, all values equal, already sorted or "
    "reversed) and work out the answers by hand before running your code on them.",
)


@dataclass(frozen=True)
class Hint:
    """One rung of the ladder.

    number: 1-based position of this hint on the ladder.
    source: "problem" (author's hint), "code" (from the user's code and
        results), "strategy" (general method) or "exhausted" (nothing new).
    remaining: how many further hints the ladder still holds.
    """

    text: str
    number: int
    source: HintSource
    remaining: int


def next_hint(hints: Sequence[str], given: int, *, context: CoachContext | None = None) -> Hint:
    """Return the next hint after `given` hints were already shown.

    hints: the problem's hints in the author's order (mildest first).
    given: how many hints this user already received for this problem.
    context: the user's attempt; used for code-based hints once the
        author's hints run out (None: strategy prompts only).
    """
    ladder = hint_ladder(hints, context)
    given = max(0, given)
    if given < len(ladder):
        text, source = ladder[given]
        return Hint(text, given + 1, source, len(ladder) - given - 1)
    return Hint(
        "That was the last hint I have. Tell me what you have tried and where exactly it goes "
        "wrong "
        "(an input where your output differs, or the step you cannot code), and I will look at "
        "that part.",
        given + 1,
        "exhausted",
        0,
    )


def hint_ladder(
    hints: Sequence[str], context: CoachContext | None = None
) -> list[tuple[str, HintSource]]:
    """Build the whole ladder in order; deterministic for the same inputs."""
    ladder: list[tuple[str, HintSource]] = []
    for hint in hints:
        cleaned = withhold_code(hint).strip()
        if cleaned:
            ladder.append((cleaned, "problem"))
    if context is not None:
        ladder += [(text, "code") for text in code_hints(context)]
    ladder += [(text, "strategy") for text in STRATEGY_PROMPTS]
    return ladder


def withhold_code(text: str) -> str:
    """Replace code blocks longer than two lines: a hint must not hand over a solution."""

    def replace(match: re.Match[str]) -> str:
        body = match.group(1).strip("\n")
        if len(body.splitlines()) <= _MAX_CODE_LINES:
            return match.group(0)
        return "(code omitted: the hint is the idea, the code is yours to write)"

    return _FENCE.sub(replace, text)


def code_hints(context: CoachContext) -> list[str]:
    """Advice derived from the user's code and visible results, most urgent first."""
    hints: list[str] = []
    if not context.code.strip():
        hints.append(
            "Start with the input: write code that reads exactly what the input format describes "
            "and prints "
            "it back, run it on the first example, then replace the printing with the computation."
        )
    crashed = next(
        (t for t in context.tests if t.verdict.upper() == "RE" or (t.stderr and t.exit_code)), None
    )
    if crashed is not None:
        hint = _crash_hint(crashed, context)
        if hint:
            hints.append(hint)
    wrong = next((t for t in context.tests if t.verdict.upper() == "WA"), None)
    if wrong is not None:
        diagnosis = diagnose(wrong.expected, wrong.actual, wrong.input, context.language)
        text = f"On {wrong.name or 'a visible test'}: {diagnosis.summary}"
        if diagnosis.causes:
            text += f" {diagnosis.causes[0].message}"
        hints.append(text)
    if context.code.strip():
        hints += _complexity_hints(context)
    hints += _edge_case_hints(context.constraints)
    return hints


def _crash_hint(test: VisibleTestResult, context: CoachContext) -> str | None:
    explanation = explain_error(
        test.stderr,
        context.language,
        exit_code=test.exit_code,
        signal=test.signal,
        code=context.code,
    )
    if explanation is None:
        return None
    return f"Your program crashes on {test.name or 'a visible test'} with {explanation.title}. " + (
        f"{explanation.meaning} Next step: {explanation.next_step}"
    )


def _complexity_hints(context: CoachContext) -> list[str]:
    timed_out = any(t.verdict.upper() == "TLE" for t in context.tests)
    report = check_complexity(
        context.code, context.constraints, context.time_limit_seconds, context.language
    )
    hints = []
    if report.verdict in ("too_slow", "risky") or (timed_out and report.findings):
        text = f"Your approach looks like {report.complexity}"
        if report.size and report.operations is not None:
            text += f": about {format_count(report.operations)} steps for {report.size.describe()}"
        text += (
            ", which is too slow for the limits."
            if report.verdict == "too_slow"
            else ", close to the limit."
        )
        if report.findings:
            finding = report.findings[0]
            text += (
                f" The cost comes from line {finding.line} ({finding.reason}). "
                f"{advice_for(finding)}"
            )
        hints.append(text)
    elif timed_out:
        hints.append(
            "You got Time Limit Exceeded although the loops look fine: check for a loop that "
            "never ends on some input, and for slow input reading (use sys.stdin for large inputs)."
        )
    hints += list(report.notes)
    return hints


def _edge_case_hints(constraints: str) -> list[str]:
    """Questions about the extreme inputs the constraints allow."""
    hints = []
    size = input_size(constraints)
    if size is not None:
        lower = re.search(rf"(-?\d+)\s*(?:<=|≤|\\le)\s*{re.escape(size.name)}\b", constraints)
        smallest = lower.group(1) if lower else "1"
        hints.append(
            f"Check the smallest case: what should happen when {size.name} = {smallest}? And the "
            "largest, "
            f"{size.describe()}: does your approach stay within the time and memory limits there?"
        )
    if re.search(r"(^|[\s(≤<=])[-\u2212]\s*\d", constraints):
        hints.append(
            "Values can be negative: check every place that assumes values are >= 0 (a maximum "
            "starting at 0, a sum that can only grow, sqrt or % of a negative number)."
        )
    bounds = parse_bounds(constraints)
    if any(value >= 10**9 for value in bounds.values()):
        hints.append(
            "Values go up to 10^9 or more: sums and products of two values exceed 32-bit integers "
            "(fine in Python, but use long in Java or long long in C++)."
        )
    return hints
