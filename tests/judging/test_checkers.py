"""Checkers: every one in both argument orders (as DMOJ's test_checker does) and config."""

from __future__ import annotations

import pytest

from judging.checkers import CheckResult, bind_checker, check, exact, floats, tokens
from judging.errors import CheckerConfigError


def both(checker, a: bytes, b: bytes) -> tuple[bool, bool]:
    """Result with a as expected and b as actual, and the other way round."""
    return checker(b"", a, b).passed, checker(b"", b, a).passed


def test_exact() -> None:
    assert both(exact, b"1 2\n", b"1 2\n") == (True, True)
    assert both(exact, b"1 2\n", b"1 2") == (False, False)
    assert both(exact, b"1 2\n", b"1  2\n") == (False, False)
    result = exact(b"", b"a\nb\nc\n", b"a\nb\nx\n")
    assert result == CheckResult(False, "output differs from line 3 (byte 5)")


def test_tokens_ignores_whitespace_layout() -> None:
    assert both(tokens, b"1 2\n3\n", b"1\n2   3") == (True, True)
    assert both(tokens, b"", b"\n \t\n") == (True, True)
    assert both(tokens, b"1 2", b"1 2 3") == (False, False)
    assert both(tokens, b"1 2", b"2 1") == (False, False)
    assert both(tokens, b"YES", b"yes") == (False, False)
    assert tokens(b"", b"1 2 3", b"1 2 4").feedback == "token 3: expected '3', got '4'"
    assert tokens(b"", b"1 2", b"1").feedback == "expected 2 tokens, got 1"


def test_floats_tolerance() -> None:
    assert both(floats, b"0.3333333", b"0.33333334") == (True, True)
    assert both(floats, b"1.0 2.0", b"1 2.0000000001") == (True, True)
    assert both(floats, b"1.0", b"1.001") == (False, False)
    assert both(floats, b"1e9", b"1000000000.5") == (True, True)  # relative
    assert both(floats, b"1.5 YES", b"1.5 YES") == (True, True)
    assert both(floats, b"1.5 YES", b"1.5 NO") == (False, False)
    assert both(floats, b"1.5", b"abc") == (False, False)
    assert both(floats, b"nan", b"nan") == (True, True)
    assert both(floats, b"inf", b"inf") == (True, True)
    assert both(floats, b"inf", b"-inf") == (False, False)
    assert both(floats, b"1 2", b"1") == (False, False)
    # Python's float() accepts these; a judge must not.
    assert both(floats, b"10", b"1_0") == (False, False)


def test_float_options() -> None:
    loose = bind_checker("float", {"abs_tol": 0.01})
    assert loose(b"", b"1.0", b"1.005").passed
    assert not bind_checker("float", {"precision": 3})(b"", b"1.0", b"1.01").passed
    assert bind_checker("float", {"precision": 1})(b"", b"1.0", b"1.01").passed


@pytest.mark.parametrize(
    ("kind", "options"),
    [
        ("nope", {}),
        ("tokens", {"abs_tol": 1}),  # option the checker does not take
        ("float", {"abs_tol": -1}),
        ("float", {"abs_tol": "tiny"}),
        ("float", {"precision": 2.5}),
        ("float", {"rel_tol": float("nan")}),
        ("custom", {}),  # no checker program
    ],
)
def test_misconfigured_checker_is_a_config_error(kind: str, options: dict) -> None:
    with pytest.raises(CheckerConfigError):
        bind_checker(kind, options)


async def test_check_normalises_sync_and_async() -> None:
    async def async_checker(input: bytes, expected: bytes, actual: bytes) -> tuple[bool, None]:
        return expected == actual, None

    assert await check(async_checker, b"", b"x", b"x") == CheckResult(True, None)
    assert await check(bind_checker("tokens"), b"", b"x", b"y") == CheckResult(
        False, "token 1: expected 'x', got 'y'"
    )
