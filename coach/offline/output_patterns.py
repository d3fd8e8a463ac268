"""Recognisers for classic output mistakes: debug prints, prompts, off-by-one, ...

Each detector looks at (expected, actual, input, language) and returns a
`Cause` or None; `detect_causes` runs them in a fixed order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")
_PROMPT_WORDS = ("enter", "input", "type", "give", "number of", "value of")


@dataclass(frozen=True)
class Cause:
    """One recognised mistake pattern; `code` is stable, `message` is for people."""

    code: str
    message: str


def output_lines(text: str) -> list[str]:
    """Split into lines without inventing an empty last line for a final newline."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def detect_causes(
    expected: str, actual: str, input_text: str = "", language: str = "python"
) -> list[Cause]:
    """Name the mistakes the output difference looks like, most specific first.

    Every detector runs in a fixed order; the input is used only when no
    output pattern matched, to point at what makes the test special.
    """
    causes: list[Cause] = []
    for detector in (
        _empty_output,
        _echoed_input,
        _whitespace_only,
        _layout,
        _letter_case,
        _printed_container,
        _printed_nothing_value,
        _input_prompt,
        _extra_output,
        _missing_output,
        _wrong_order,
        _overflow,
        _float_precision,
        _neutral_start,
        _off_by_one,
        _boolean_wording,
    ):
        cause = detector(expected, actual, input_text, language)
        if cause is not None:
            causes.append(cause)
    if any(cause.code == "neutral_start" for cause in causes):
        causes = [cause for cause in causes if cause.code != "off_by_one"]
    if not causes and input_text:
        edge = _edge_case(input_text)
        if edge:
            causes.append(edge)
    return causes


def _empty_output(expected: str, actual: str, _input: str, language: str) -> Cause | None:
    if actual.strip() or not expected.strip():
        return None
    printer = {
        "python": "print(...)",
        "java": "System.out.println(...)",
        "javascript": "console.log(...)",
    }
    call = printer.get(language, "your print statement")
    return Cause(
        "empty_output",
        "Your program printed nothing. Check that the answer is actually printed with "
        f"{call} (not only returned from a function or written to stderr), and that the "
        "code path that prints is reached for this input.",
    )


def _echoed_input(expected: str, actual: str, input_text: str, _language: str) -> Cause | None:
    if (
        input_text.strip()
        and actual.split() == input_text.split()
        and expected.split() != actual.split()
    ):
        return Cause(
            "echoed_input", "Your output is exactly the input: the computation never changes it."
        )
    return None


def _whitespace_only(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
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


def _layout(expected: str, actual: str, _input: str, language: str) -> Cause | None:
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


def _letter_case(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    if expected.split() != actual.split() and expected.lower().split() == actual.lower().split():
        return Cause(
            "letter_case",
            "Only upper/lower case differs: print the words exactly as the statement shows them.",
        )
    return None


def _strip_container(text: str) -> list[str]:
    return re.sub(r"[\[\](){},'\"]", " ", text).split()


def _printed_container(expected: str, actual: str, _input: str, language: str) -> Cause | None:
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


def _printed_nothing_value(expected: str, actual: str, _input: str, language: str) -> Cause | None:
    word = {"python": "None", "javascript": "undefined", "java": "null"}.get(language)
    tokens = actual.split()
    if word is None or word not in tokens or word in expected.split():
        return None
    reason = {
        "None": "you printed the result of a function that has no `return` (or returned nothing "
        "on some path)",
        "undefined": "you logged a function result that returns nothing, or a missing property",
        "null": "you printed an object or string that was never assigned",
    }[word]
    return Cause("printed_empty_value", f"Your output contains `{word}`: {reason}.")


def _input_prompt(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
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


def _extra_output(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
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


def _missing_output(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
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


def _wrong_order(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
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


def _number_pairs(expected: str, actual: str) -> list[tuple[str, str]]:
    """Pairs of differing numeric tokens at the same positions."""
    pairs = []
    for exp_tok, act_tok in zip(expected.split(), actual.split(), strict=False):
        if exp_tok != act_tok and _NUMBER.fullmatch(exp_tok) and _NUMBER.fullmatch(act_tok):
            pairs.append((exp_tok, act_tok))
    return pairs


def _overflow(expected: str, actual: str, _input: str, language: str) -> Cause | None:
    for exp_tok, act_tok in _number_pairs(expected, actual):
        if not (_INTEGER.fullmatch(exp_tok) and _INTEGER.fullmatch(act_tok)):
            continue
        exp_val, act_val = int(exp_tok), int(act_tok)
        for bits, kind in ((32, "32-bit int"), (64, "64-bit long")):
            if abs(exp_val) >= 2 ** (bits - 1) and _wrap(exp_val, bits) == act_val:
                fix = (
                    "use long (Java) / long long (C++)"
                    if bits == 32
                    else "reduce modulo as you go, or use BigInteger"
                )
                if language == "javascript":
                    fix = "use BigInt (numbers above 2^53 lose precision)"
                return Cause(
                    "overflow",
                    f"`{act_tok}` is `{exp_tok}` wrapped around a {kind}: integer overflow. {fix}.",
                )
        if (
            language == "javascript"
            and abs(exp_val) > 2**53
            and act_val != exp_val
            and abs(act_val - exp_val) < abs(exp_val) // 10**6
        ):
            return Cause(
                "precision",
                "The value is above 2^53, where JavaScript numbers lose precision: use BigInt.",
            )
    return None


def _wrap(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >= 1 << (bits - 1) else value


def _float_precision(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    pairs = [
        (e, a) for e, a in _number_pairs(expected, actual) if "." in e + a or "e" in (e + a).lower()
    ]
    if not pairs:
        return None
    worst = max(abs(float(e) - float(a)) / max(1.0, abs(float(e))) for e, a in pairs)
    if worst <= 1e-9:
        return Cause(
            "float_format",
            "The numbers are equal but formatted differently: print with the exact format the "
            "statement asks for (e.g. f'{x:.6f}').",
        )
    if worst <= 1e-2:
        return Cause(
            "float_precision",
            "The numbers are close but not equal: you print too few decimals or lose precision "
            "(integer division, rounding too early, float32).",
        )
    return None


def _neutral_start(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    exp_tokens, act_tokens = expected.split(), actual.split()
    if len(exp_tokens) != 1 or len(act_tokens) != 1 or act_tokens[0] != "0":
        return None
    if not _INTEGER.fullmatch(exp_tokens[0]) or int(exp_tokens[0]) >= 0:
        return None
    return Cause(
        "neutral_start",
        "You print 0 but the answer is negative: a running maximum (or best sum) that starts at 0 "
        "never drops below it. Start from the first value or from minus infinity.",
    )


def _off_by_one(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    pairs = [
        (e, a)
        for e, a in _number_pairs(expected, actual)
        if _INTEGER.fullmatch(e) and _INTEGER.fullmatch(a)
    ]
    if not pairs:
        return None
    deltas = {int(a) - int(e) for e, a in pairs}
    if deltas == {1} or deltas == {-1}:
        direction = "one too large" if deltas == {1} else "one too small"
        many = len(pairs) > 1
        scope = f"all {len(pairs)} differing numbers are" if many else "the answer is"
        advice = (
            "0-based vs 1-based indexing"
            if many
            else "a loop bound (< vs <=), range(n) vs range(n + 1), or a counter starting at 1 "
            "instead of 0"
        )
        return Cause("off_by_one", f"Off by one: {scope} {direction}. Check {advice}.")
    return None


def _boolean_wording(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
    words = {"yes", "no", "true", "false", "possible", "impossible"}
    exp_words = {tok.lower() for tok in expected.split()} & words
    act_words = {tok.lower() for tok in actual.split()} & words
    if not exp_words or not act_words or exp_words == act_words:
        return None
    if {"true", "false"} & act_words and not {"true", "false"} & exp_words:
        return Cause(
            "boolean_wording",
            "You printed True/False, but the expected output uses other words (like YES/NO).",
        )
    return Cause(
        "wrong_decision", "The yes/no decision itself is wrong for this input, not its wording."
    )


def _edge_case(input_text: str) -> Cause | None:
    """Point out what makes this input special when no output pattern matched."""
    tokens = input_text.split()
    if not tokens:
        return Cause(
            "edge_empty_input", "The input is empty: make sure your program handles no data."
        )
    numbers = [int(tok) for tok in tokens if _INTEGER.fullmatch(tok)]
    if numbers and numbers[0] in (0, 1) and len(tokens) <= 3:
        return Cause(
            "edge_minimal",
            f"This is a minimal input (first value {numbers[0]}): check the smallest case by hand.",
        )
    if any(n < 0 for n in numbers):
        return Cause(
            "edge_negative",
            "The input has negative numbers: check code that assumes values are non-negative "
            "(e.g. a max starting at 0).",
        )
    if len(numbers) > 2 and len(set(numbers[1:])) == 1:
        return Cause(
            "edge_all_equal",
            "All values in this input are equal: check ties and strict vs non-strict comparisons.",
        )
    if len(numbers) > 3 and len(set(numbers[1:])) < len(numbers[1:]):
        return Cause(
            "edge_duplicates",
            "The input has duplicate values: check how ties and repeated values are handled.",
        )
    return None
