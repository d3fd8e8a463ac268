"""Explaining failed visible tests: where the output differs and which mistake it looks like."""

from __future__ import annotations

import pytest

from coach.models import VisibleTestResult
from coach.offline.diagnosis import diagnose, explain_failed_test


def codes(expected: str, actual: str, input_text: str = "", language: str = "python") -> list[str]:
    return [cause.code for cause in diagnose(expected, actual, input_text, language).causes]


def test_identical_outputs():
    diagnosis = diagnose("1 2\n", "1 2\n")
    assert diagnosis.identical
    assert diagnosis.mismatch is None
    assert diagnosis.causes == ()


def test_first_difference_has_line_column_and_tokens():
    diagnosis = diagnose("1 2 3\n4 5 6\n", "1 2 3\n4 7 6\n")
    mismatch = diagnosis.mismatch
    assert (mismatch.line, mismatch.column) == (2, 3)
    assert (mismatch.expected_token, mismatch.actual_token) == ("5", "7")
    assert mismatch.expected_line == "4 5 6"
    assert "Line 2, column 3: expected `5`, got `7`" in diagnosis.summary


def test_column_counts_in_the_actual_line():
    mismatch = diagnose("10 20 30\n", "10   20 31\n").mismatch
    assert mismatch.column == 9
    assert mismatch.actual_token == "31"


def test_output_ended_early():
    diagnosis = diagnose("1\n2\n3\n", "1\n2\n")
    assert diagnosis.mismatch.line == 3
    assert diagnosis.mismatch.actual_token is None
    assert "ended early" in diagnosis.summary
    assert codes("1\n2\n3\n", "1\n2\n") == ["missing_output"]


@pytest.mark.parametrize(
    ("expected", "actual", "code"),
    [
        ("3\n", "", "empty_output"),
        ("3\n", "\n", "empty_output"),
        ("1 2 3\n", "1 2 3 \n", "trailing_whitespace"),
        ("1 2 3\n", "1 2 3", "missing_newline"),
        ("1\n", "1\r\n", "crlf"),
        ("1\n2\n", "1\n\n2\n", "blank_lines"),
        ("1 2\n", "1  2\n", "spacing"),
        ("1\n2\n3\n", "1 2 3\n", "layout"),
        ("YES\n", "yes\n", "letter_case"),
        ("1 2 3\n", "[1, 2, 3]\n", "printed_container"),
        ("1 2\n", "(1, 2)\n", "printed_container"),
        ("7\n", "None\n", "printed_empty_value"),
        ("10\n", "debug: x = 3\n10\n", "extra_output"),
        ("10\n", "Enter n: 10\n", "input_prompt"),
        ("1 2 3\n", "3 2 1\n", "reversed_order"),
        ("1 3 2\n", "1 2 3\n", "wrong_order"),
        ("5000000000\n", "705032704\n", "overflow"),
        ("10000000000000000000\n", "-8446744073709551616\n", "overflow"),
        ("0.500000\n", "0.5\n", "float_format"),
        ("0.333333\n", "0.33\n", "float_precision"),
        ("5\n", "6\n", "off_by_one"),
        ("2 3 4\n", "1 2 3\n", "off_by_one"),
        ("YES\n", "True\n", "boolean_wording"),
        ("YES\n", "NO\n", "wrong_decision"),
        ("-1\n", "0\n", "neutral_start"),
    ],
)
def test_recognised_mistakes(expected, actual, code):
    assert code in codes(expected, actual)


def test_whitespace_only_difference_keeps_tokens_equal():
    diagnosis = diagnose("1 2 3\n", "1 2 3 \n")
    assert diagnosis.tokens_equal
    assert not diagnosis.identical
    assert diagnosis.mismatch.expected_token is None
    assert "whitespace differs" in diagnosis.summary


def test_missing_final_newline_summary():
    assert "newline at the very end" in diagnose("1\n", "1").summary


def test_neutral_start_replaces_off_by_one():
    assert codes("-1\n", "0\n") == ["neutral_start"]


def test_debug_output_lists_the_extra_lines():
    diagnosis = diagnose("3\n6\n", "i=0\n3\ni=1\n6\n")
    cause = next(c for c in diagnosis.causes if c.code == "extra_output")
    assert "2 extra line(s)" in cause.message
    assert "`i=0`" in cause.message


def test_echoed_input():
    assert "echoed_input" in codes("6\n", "3\n1 2 3\n", "3\n1 2 3\n")


def test_language_specific_advice():
    java = diagnose("1 2 3\n", "[1, 2, 3]\n", language="java").causes[0].message
    assert "Arrays.toString" in java
    js = diagnose("4\n", "undefined\n", language="javascript").causes[0]
    assert js.code == "printed_empty_value"
    overflow = diagnose("9007199254740993\n", "9007199254740992\n", language="javascript")
    assert overflow.causes[0].code == "precision"


@pytest.mark.parametrize(
    ("input_text", "code"),
    [
        ("1\n5\n", "edge_minimal"),
        ("4\n3 -1 2 -5\n", "edge_negative"),
        ("4\n7 7 7 7\n", "edge_all_equal"),
        ("5\n1 2 2 3 9\n", "edge_duplicates"),
        ("\n", "edge_empty_input"),
    ],
)
def test_edge_case_notes_when_no_pattern_matches(input_text, code):
    assert codes("42\n", "17\n", input_text) == [code]


def test_no_guessing_without_input():
    assert codes("42\n", "17\n") == []


def test_explain_failed_test_renders_everything():
    result = VisibleTestResult(
        name="Example 2", verdict="WA", input="3\n-1 -2 -3\n", expected="-1\n", actual="0\n"
    )
    text = explain_failed_test(result)
    assert text.startswith("**Example 2** (WA)")
    assert "Input:\n```\n3\n-1 -2 -3\n```" in text
    assert "Expected output:\n```\n-1\n```" in text
    assert "Your output:\n```\n0\n```" in text
    assert "First difference: Line 1, column 1" in text
    assert "starts at 0" in text


def test_explain_failed_test_cuts_huge_data():
    big = "\n".join(str(i) for i in range(10_000)) + "\n"
    text = explain_failed_test(
        VisibleTestResult(name="big", verdict="WA", input=big, expected="1\n", actual="2\n")
    )
    assert "10001 lines" in text
    assert len(text) < 3000


def test_empty_actual_output_is_shown_as_empty():
    text = explain_failed_test(
        VisibleTestResult(name="t", verdict="WA", input="1\n", expected="1\n", actual="")
    )
    assert "(empty)" in text
    assert "printed nothing" in text


def test_real_program_with_debug_print(run_python):
    code = (
        "n = int(input())\nvalues = list(map(int, input().split()))\nprint('values', "
        "values)\nprint(sum(values))\n"
    )
    result = run_python(code, stdin="3\n1 2 3\n")
    diagnosis = diagnose("6\n", result.stdout, "3\n1 2 3\n")
    assert diagnosis.causes[0].code == "extra_output"
    assert diagnosis.mismatch.line == 1


def test_real_program_with_input_prompt(run_python):
    result = run_python("n = int(input('Enter n: '))\nprint(n * 2)\n", stdin="4\n")
    assert "input_prompt" in codes("8\n", result.stdout, "4\n")


def test_real_program_printing_a_list(run_python):
    result = run_python("print(sorted(map(int, input().split())))\n", stdin="3 1 2\n")
    assert codes("1 2 3\n", result.stdout)[0] == "printed_container"
