"""Explain why a visible test failed by comparing expected and actual output.

The judge only says "wrong answer"; learners need to know *where* the
output diverged and which classic mistake it looks like (a stray debug
print, an input() prompt, an off-by-one, a Python list printed as-is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.models import VisibleTestResult
from coach.offline.output_cause import Cause, output_lines
from coach.offline.output_patterns import detect_causes

__all__ = ["Cause", "Diagnosis", "Mismatch", "diagnose", "explain_failed_test"]

_MAX_SHOWN_LINES = 12
_MAX_SHOWN_CHARS = 600


@dataclass(frozen=True)
class Mismatch:
    """The first place where the outputs differ (1-based line and column).

    A token of None means that side ended before the other did.
    """

    line: int
    column: int
    expected_token: str | None
    actual_token: str | None
    expected_line: str | None
    actual_line: str | None


@dataclass(frozen=True)
class Diagnosis:
    """Result of comparing one expected output with one actual output."""

    identical: bool
    tokens_equal: bool
    mismatch: Mismatch | None
    causes: tuple[Cause, ...]
    summary: str

    def has(self, code: str) -> bool:
        """Tell whether a cause with this code was detected."""
        return any(cause.code == code for cause in self.causes)


def diagnose(
    expected: str, actual: str, input_text: str = "", language: str = "python"
) -> Diagnosis:
    """Compare outputs and name the likely mistake.

    expected: the correct output of a visible test.
    actual: what the user's program printed to stdout.
    input_text: the test's stdin, used to spot echoed input and edge cases.
    language: the judge language id, only used to word the advice.
    """
    if expected == actual:
        return Diagnosis(True, True, None, (), "The outputs are identical.")
    exp_lines = output_lines(expected)
    act_lines = output_lines(actual)
    mismatch = _first_token_mismatch(exp_lines, act_lines)
    tokens_equal = expected.split() == actual.split()
    if mismatch is None:
        mismatch = _first_raw_mismatch(exp_lines, act_lines)
    causes = detect_causes(expected, actual, input_text, language)
    return Diagnosis(False, tokens_equal, mismatch, tuple(causes), _summary(mismatch))


def explain_failed_test(result: VisibleTestResult, language: str = "python") -> str:
    """Render a failed visible test as markdown: data, first difference, likely causes."""
    diagnosis = diagnose(result.expected, result.actual, result.input, language)
    title = result.name or "visible test"
    parts = [f"**{title}** ({result.verdict or 'WA'})", ""]
    parts += ["Input:", _block(result.input), "Expected output:", _block(result.expected)]
    parts += ["Your output:", _block(result.actual)]
    parts.append(diagnosis.summary)
    if diagnosis.causes:
        parts.append("")
        parts.append("What this looks like:")
        parts += [f"- {cause.message}" for cause in diagnosis.causes]
    return "\n".join(parts).rstrip() + "\n"


def _token_spans(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"\S+", line)]


def _first_token_mismatch(exp_lines: list[str], act_lines: list[str]) -> Mismatch | None:
    """Walk both outputs line by line, token by token; report the first difference."""
    for index in range(max(len(exp_lines), len(act_lines))):
        exp_line = exp_lines[index] if index < len(exp_lines) else None
        act_line = act_lines[index] if index < len(act_lines) else None
        exp_tokens = _token_spans(exp_line or "")
        act_tokens = _token_spans(act_line or "")
        for position in range(max(len(exp_tokens), len(act_tokens))):
            exp_tok = exp_tokens[position] if position < len(exp_tokens) else None
            act_tok = act_tokens[position] if position < len(act_tokens) else None
            if exp_tok is not None and act_tok is not None and exp_tok[1] == act_tok[1]:
                continue
            if act_tok is not None:
                column = act_tok[0] + 1
            else:
                column = len((act_line or "").rstrip()) + 1
            return Mismatch(
                line=index + 1,
                column=column,
                expected_token=exp_tok[1] if exp_tok else None,
                actual_token=act_tok[1] if act_tok else None,
                expected_line=exp_line,
                actual_line=act_line,
            )
    return None


def _first_raw_mismatch(exp_lines: list[str], act_lines: list[str]) -> Mismatch:
    """Locate a whitespace-only difference character by character."""
    for index in range(max(len(exp_lines), len(act_lines))):
        exp_line = exp_lines[index] if index < len(exp_lines) else None
        act_line = act_lines[index] if index < len(act_lines) else None
        if exp_line == act_line:
            continue
        a, b = exp_line or "", act_line or ""
        column = next(
            (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
        )
        return Mismatch(index + 1, column + 1, None, None, exp_line, act_line)
    # Same lines: only the final newline differs.
    last = max(len(exp_lines), 1)
    tail = act_lines[-1] if act_lines else ""
    return Mismatch(last, len(tail) + 1, None, None, exp_lines[-1] if exp_lines else None, tail)


def _summary(mismatch: Mismatch) -> str:
    where = f"Line {mismatch.line}, column {mismatch.column}"
    if mismatch.expected_token is None and mismatch.actual_token is None:
        what = "the text matches but the whitespace differs"
        if mismatch.actual_line == mismatch.expected_line:
            what += " only in the newline at the very end"
        else:
            what += f": expected {_show(mismatch.expected_line)}, got {_show(mismatch.actual_line)}"
    elif mismatch.actual_token is None:
        what = f"expected `{mismatch.expected_token}` but your output has nothing more there"
        if mismatch.actual_line is None:
            what = f"expected `{mismatch.expected_token}` but your output ended early"
    elif mismatch.expected_token is None:
        what = f"your output has an extra `{mismatch.actual_token}` where the expected output ends"
    else:
        what = f"expected `{mismatch.expected_token}`, got `{mismatch.actual_token}`"
    return f"First difference: {where}: {what}."


def _show(line: str | None) -> str:
    return "(no line)" if line is None else repr(line)


def _block(text: str) -> str:
    """Fence a possibly huge text, cut to a readable size."""
    lines = text.split("\n")
    cut = len(lines) > _MAX_SHOWN_LINES or len(text) > _MAX_SHOWN_CHARS
    shown = "\n".join(lines[:_MAX_SHOWN_LINES])[:_MAX_SHOWN_CHARS]
    if cut:
        shown += f"\n... ({len(lines)} lines, {len(text)} characters in total)"
    return f"```\n{shown.rstrip(chr(10)) if shown.strip() else '(empty)'}\n```"
