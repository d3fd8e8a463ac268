"""Output with the wrong values: nothing printed, the input echoed, `None`, overflow,
float precision, a maximum starting at 0, off by one, the wrong yes/no; and, when
nothing matches, what makes the input special.

Each detector takes (expected, actual, input, language) and returns a `Cause` or None.
"""

from __future__ import annotations

import re

from coach.offline.output_cause import Cause

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")


def empty_output(expected: str, actual: str, _input: str, language: str) -> Cause | None:
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


def echoed_input(expected: str, actual: str, input_text: str, _language: str) -> Cause | None:
    if (
        input_text.strip()
        and actual.split() == input_text.split()
        and expected.split() != actual.split()
    ):
        return Cause(
            "echoed_input", "Your output is exactly the input: the computation never changes it."
        )
    return None


def printed_nothing_value(expected: str, actual: str, _input: str, language: str) -> Cause | None:
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


def _number_pairs(expected: str, actual: str) -> list[tuple[str, str]]:
    """Pairs of differing numeric tokens at the same positions."""
    pairs = []
    for exp_tok, act_tok in zip(expected.split(), actual.split(), strict=False):
        if exp_tok != act_tok and _NUMBER.fullmatch(exp_tok) and _NUMBER.fullmatch(act_tok):
            pairs.append((exp_tok, act_tok))
    return pairs


def overflow(expected: str, actual: str, _input: str, language: str) -> Cause | None:
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


def float_precision(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
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


def neutral_start(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
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


def off_by_one(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
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


def boolean_wording(expected: str, actual: str, _input: str, _language: str) -> Cause | None:
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


def edge_case(input_text: str) -> Cause | None:
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
