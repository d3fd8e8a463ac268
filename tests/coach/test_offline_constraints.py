"""Reading size bounds from constraint text in the notations problem setters use."""

from __future__ import annotations

import pytest

from coach.offline.constraints import format_count, input_size, parse_bounds, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10^5", 100_000),
        ("2*10^5", 200_000),
        ("1e5", 100_000),
        ("1.5e6", 1_500_000),
        ("100000", 100_000),
        ("3 * 10 ^ 4", 30_000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("1 ≤ n ≤ 2·10^5, 1 ≤ a_i ≤ 10^9", "n", 200_000),
        ("1 <= N <= 100000", "N", 100_000),
        ("$1 \\le n \\le 10^{5}$", "n", 100_000),
        ("$1 \\leq n \\leq 2 \\cdot 10^5$", "n", 200_000),
        ("n ≤ 10⁵", "n", 100_000),
        ("1 <= n <= 10**5", "n", 100_000),
        ("1 <= n <= 100,000", "n", 100_000),
        ("n < 1000", "n", 999),
        ("1 <= len(s) <= 10^6", "|s|", 1_000_000),
        ("The length of s is at most 2*10^5.", "|s|", 200_000),
        ("n does not exceed 5000", "n", 5000),
        ("1 ≤ T ≤ 10^4; the sum of n over all test cases does not exceed 2·10^5", "n", 200_000),
        ("1 ≤ q ≤ 3\u00d710^5", "q", 300_000),
    ],
)
def test_input_size_notations(text, name, value):
    size = input_size(text)
    assert size is not None
    assert (size.name, size.value) == (name, value)


def test_values_are_not_sizes():
    bounds = parse_bounds("1 ≤ n ≤ 50\n1 ≤ a_i ≤ 10^9\n1 ≤ a[i] ≤ 10^9")
    assert bounds["n"] == 50
    assert input_size("1 ≤ n ≤ 50\n1 ≤ a_i ≤ 10^9").value == 50


def test_several_variables_share_a_bound():
    assert parse_bounds("1 ≤ n, m ≤ 2·10^5") == {"n": 200_000, "m": 200_000}
    assert parse_bounds("n and m are at most 2000") == {"n": 2000, "m": 2000}


def test_loop_names_choose_the_bound():
    text = "1 ≤ T ≤ 10^4\n1 ≤ N ≤ 10^18"
    assert input_size(text).name == "N"
    assert input_size(text, prefer={"t", "i"}).name == "T"
    assert input_size("1 ≤ |s| ≤ 10^5\n1 ≤ k ≤ 26", prefer={"s"}).name == "|s|"


def test_no_bounds():
    assert input_size("The input is small.") is None
    assert parse_bounds("") == {}


@pytest.mark.parametrize(
    ("value", "text"),
    [(999, "999"), (200_000, "2*10^5"), (10**5, "10^5"), (3.2e10, "3.2*10^10"), (2.5, "2.5")],
)
def test_format_count(value, text):
    assert format_count(value) == text
