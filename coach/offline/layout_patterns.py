"""Output with the right values but the wrong text: spacing, line layout, case, brackets,
a prompt, extra debug lines, lines missing at the end, the wrong order.

Each detector takes (expected, actual, input, language) and returns a `Cause` or None.
"""

from __future__ import annotations

import re

from coach.offline.output_cause import Cause, output_lines

_PROMPT_WORDS = ("enter", "input", "type", "give", "number of", "value of")


def whitespace_only(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    if expected.split() != actual.split() or _lines_tokens(expected) != _lines_tokens(actual):
        return None
    if "\r" in actual and "\r" not in expected:
        return Cause(
            "crlf", "Only line endings differ: your output uses Windows line endings (\\r\\n)."
        )
    exp_lines, act_lines = output_lines(expected), output_lines(actual)
    if [line.rstrip() for line in exp_lines] == [line.rstrip() for line in act_lines]:
        if exp_lines == act_lines:
            if expected.endswith("\n") and not actual.endswith("\n"):
                return Cause(
                    "missing_newline",
                    "Only the final newline is missing. Most checkers accept this; if this one "
                    "does not, end the output with a newline.",
                )
            return Cause("extra_newline", "Only the final newline differs: you print an extra one.")
        return Cause(
            "trailing_whitespace",
            "Only trailing spaces differ: some lines end with a space (e.g. print(x, end=' ') "
            "in a loop). Join the values with ' '.join(...) instead.",
        )
    if [line for line in act_lines if line.strip()] == [line for line in exp_lines if line.strip()]:
        return Cause(
            "blank_lines",
            "Only blank lines differ: you print empty lines the expected output does not have.",
        )
    return Cause(
        "spacing", "Only the spacing inside lines differs: use a single space between values."
    )


def _lines_tokens(text: str) -> list[list[str]]:
    return [line.split() for line in output_lines(text) if line.strip()]


def layout(expected: str, actual: str, _input: str, language: str) -> Cause | None:
    if expected.split() != actual.split() or _lines_tokens(expected) == _lines_tokens(actual):
        return None
    exp_lines = _lines_tokens(expected)
    act_lines = _lines_tokens(actual)
    if len(act_lines) < len(exp_lines):
        advice = (
            "print one line per value"
            if all(len(t) == 1 for t in exp_lines)
            else "put a line break where expected"
        )
        return Cause("layout", f"The values are right but line breaks differ: {advice}.")
    return Cause(
        "layout",
        "The values are right but the line layout differs: the expected output puts them on "
        "fewer lines (separate values on a line with spaces, not newlines).",
    )


def letter_case(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    if expected.split() != actual.split() and expected.lower().split() == actual.lower().split():
        return Cause(
            "letter_case",
            "Only upper/lower case differs: print the words exactly as the statement shows them.",
        )
    return None


def _strip_container(text: str) -> list[str]:
    return re.sub(r"[\[\](){},'\"]", " ", text).split()


def printed_container(expected: str, actual: str, _input: str, language: str) -> Cause | None:
    if not re.search(r"[\[\](){},]", actual) or re.search(r"[\[\](){},]", expected):
        return None
    if _strip_container(actual) != _strip_container(expected):
        return None
    fix = {
        "python": "print(*values) or print(' '.join(map(str, values)))",
        "java": "a loop or String.join instead of Arrays.toString / List.toString",
        "javascript": "console.log(values.join(' '))",
    }.get(language, "join the values with spaces")
    return Cause(
        "printed_container",
        f"You printed a list/tuple with its brackets and commas; print just the values: {fix}.",
    )


def input_prompt(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    act_lines = output_lines(actual)
    if not act_lines:
        return None
    first = act_lines[0].lower()
    if not any(word in first for word in _PROMPT_WORDS) or first in expected.lower():
        return None
    return Cause(
        "input_prompt",
        "Your output starts with a prompt text (like input('Enter n: ')). The judge reads "
        "everything you print: call input() without a message.",
    )


def extra_output(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    exp_lines = [line.strip() for line in output_lines(expected) if line.strip()]
    act_lines = [line.strip() for line in output_lines(actual) if line.strip()]
    if (
        not exp_lines
        or len(act_lines) <= len(exp_lines)
        or not _is_subsequence(exp_lines, act_lines)
    ):
        return None
    extra = _unmatched(exp_lines, act_lines)
    shown = ", ".join(f"`{line[:40]}`" for line in extra[:3])
    return Cause(
        "extra_output",
        f"Your output contains everything expected plus {len(extra)} extra line(s) ({shown}): "
        "looks like leftover debug prints. Remove them or write debug output to stderr.",
    )


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(item == other for other in it) for item in needle)


def _unmatched(needle: list[str], haystack: list[str]) -> list[str]:
    extra, position = [], 0
    for line in haystack:
        if position < len(needle) and line == needle[position]:
            position += 1
        else:
            extra.append(line)
    return extra


def missing_output(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    exp_lines = [line.strip() for line in output_lines(expected) if line.strip()]
    act_lines = [line.strip() for line in output_lines(actual) if line.strip()]
    if (
        not act_lines
        or len(act_lines) >= len(exp_lines)
        or exp_lines[: len(act_lines)] != act_lines
    ):
        return None
    return Cause(
        "missing_output",
        f"Your output is correct but stops after {len(act_lines)} of {len(exp_lines)} lines: "
        "a loop ends early, a test case is skipped, or the program exits/returns before printing "
        "the rest.",
    )


def wrong_order(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    exp_tokens, act_tokens = expected.split(), actual.split()
    if len(exp_tokens) < 2 or exp_tokens == act_tokens or sorted(exp_tokens) != sorted(act_tokens):
        return None
    if act_tokens == exp_tokens[::-1]:
        return Cause("reversed_order", "You printed the right values in reverse order.")
    exp_lines, act_lines = _lines_tokens(expected), _lines_tokens(actual)
    if len(exp_lines) > 1 and sorted(map(tuple, exp_lines)) == sorted(map(tuple, act_lines)):
        return Cause(
            "wrong_order",
            "Every expected line is there but in a different order: check the required order "
            "(input order? sorted? by which key?).",
        )
    return Cause(
        "wrong_order",
        "You printed the right values but in the wrong order: check the required order, and "
        "whether sorting (or a set/dict iteration) changed it.",
    )
