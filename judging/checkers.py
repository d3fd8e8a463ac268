"""Output checkers: one function per checker, one signature, bound from problem config.

Every checker takes (input, expected, actual) as bytes plus its own keyword options and
returns CheckResult(passed, feedback). A problem names its checker and options in a
CheckerSpec; `bind_checker` turns that into a ready callable with functools.partial, as
DMOJ's problem.py does. Bad configuration raises CheckerConfigError, which the pipeline
reports as IE, never WA: a broken problem must not fail correct submissions silently.
"""

from __future__ import annotations

import functools
import inspect
import math
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from judging.errors import CheckerConfigError, JudgingError
from judging.results import trim_text

if TYPE_CHECKING:
    from judging.programs import Program
    from judging.sandbox import Sandbox

FEEDBACK_LIMIT = 200


class CheckResult(NamedTuple):
    passed: bool
    feedback: str | None = None


Checker = Callable[[bytes, bytes, bytes], CheckResult | Awaitable[CheckResult]]


class CheckerFailed(JudgingError):
    """The checker itself crashed or misbehaved (IE)."""


def _show(token: bytes) -> str:
    text = token.decode("utf-8", errors="replace")
    return repr(text if len(text) <= 40 else text[:40] + "...")


def exact(input: bytes, expected: bytes, actual: bytes) -> CheckResult:
    """Byte-for-byte equality."""
    if expected == actual:
        return CheckResult(True)
    common = 0
    for a, b in zip(expected, actual, strict=False):
        if a != b:
            break
        common += 1
    line = expected[:common].count(b"\n") + 1
    return CheckResult(False, f"output differs from line {line} (byte {common + 1})")


def tokens(input: bytes, expected: bytes, actual: bytes) -> CheckResult:
    """Equal sequences of whitespace-separated tokens (the default checker)."""
    want, got = expected.split(), actual.split()
    for index, (w, g) in enumerate(zip(want, got, strict=False), start=1):
        if w != g:
            return CheckResult(False, f"token {index}: expected {_show(w)}, got {_show(g)}")
    if len(want) != len(got):
        return CheckResult(False, f"expected {len(want)} tokens, got {len(got)}")
    return CheckResult(True)


_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:inf|nan)", re.I)


def _number(token: bytes) -> float | None:
    return float(token) if _NUMBER.fullmatch(token) else None


def floats(
    input: bytes,
    expected: bytes,
    actual: bytes,
    *,
    abs_tol: float = 1e-6,
    rel_tol: float = 1e-6,
) -> CheckResult:
    """Token-wise; numbers may differ by abs_tol or rel_tol, other tokens must match."""
    want, got = expected.split(), actual.split()
    if len(want) != len(got):
        return CheckResult(False, f"expected {len(want)} tokens, got {len(got)}")
    for index, (w, g) in enumerate(zip(want, got, strict=True), start=1):
        wn = _number(w)
        if wn is None:
            if w != g:
                return CheckResult(False, f"token {index}: expected {_show(w)}, got {_show(g)}")
            continue
        gn = _number(g)
        if gn is None:
            return CheckResult(False, f"token {index}: expected a number, got {_show(g)}")
        if math.isnan(wn) or math.isnan(gn):
            if not (math.isnan(wn) and math.isnan(gn)):
                return CheckResult(False, f"token {index}: expected {_show(w)}, got {_show(g)}")
            continue
        if wn == gn:  # also equal infinities
            continue
        if math.isinf(wn) or math.isinf(gn):  # inf - x is inf, and inf <= rel * inf
            return CheckResult(False, f"token {index}: expected {_show(w)}, got {_show(g)}")
        if abs(wn - gn) <= abs_tol or abs(wn - gn) <= rel_tol * abs(wn):
            continue
        return CheckResult(False, f"token {index}: expected {_show(w)}, got {_show(g)}")
    return CheckResult(True)


async def custom(
    input: bytes,
    expected: bytes,
    actual: bytes,
    *,
    program: Program,
    sandbox: Sandbox,
    time_limit_s: float = 10.0,
    memory_limit_mb: int = 512,
) -> CheckResult:
    """Run the problem's checker program in the sandbox (testlib convention).

    It gets three file paths: input, the contestant's output, the expected answer.
    Exit 0 accepts, 1 or 2 reject (wrong answer / presentation); anything else, a
    signal or a limit means the checker is broken: CheckerFailed (IE).
    """
    async with sandbox.workspace() as data:
        for name, content in (("input", input), ("output", actual), ("answer", expected)):
            path = data.path / name
            path.write_bytes(content)
            path.chmod(0o644)
        mount = data.mount("/data")
        where = sandbox.visible_path(mount)
        outcome = await program.run(
            b"",
            time_limit_s,
            memory_limit_mb,
            args=(f"{where}/input", f"{where}/output", f"{where}/answer"),
            mounts=(mount,),
        )
    message = trim_text(outcome.stderr + outcome.stdout, FEEDBACK_LIMIT).strip() or None
    if outcome.timed_out or outcome.memory_exceeded or outcome.output_exceeded:
        raise CheckerFailed("checker exceeded its limits")
    if outcome.exit_code == 0:
        return CheckResult(True, message)
    if outcome.exit_code in (1, 2):
        return CheckResult(False, message)
    raise CheckerFailed(f"checker failed (exit {outcome.exit_code}, signal {outcome.signal})")


CHECKERS: dict[str, Callable[..., Any]] = {
    "exact": exact,
    "tokens": tokens,
    "float": floats,
    "custom": custom,
}


def _validate_float(options: Mapping[str, Any]) -> dict[str, Any]:
    opts = dict(options)
    if "precision" in opts:  # DMOJ-style: precision=6 means 1e-6 both ways
        precision = opts.pop("precision")
        if not isinstance(precision, int) or isinstance(precision, bool) or precision < 0:
            raise CheckerConfigError("float checker: precision must be a non-negative integer")
        opts.setdefault("abs_tol", 10.0**-precision)
        opts.setdefault("rel_tol", 10.0**-precision)
    for key in ("abs_tol", "rel_tol"):
        if key in opts:
            value = opts[key]
            if (
                not isinstance(value, int | float)
                or isinstance(value, bool)
                or not math.isfinite(value)
                or value < 0
            ):
                raise CheckerConfigError(f"float checker: {key} must be a non-negative number")
            opts[key] = float(value)
    return opts


def bind_checker(
    kind: str,
    options: Mapping[str, Any] | None = None,
    *,
    program: Program | None = None,
    sandbox: Sandbox | None = None,
) -> Checker:
    """The checker `kind` with `options` bound; raises CheckerConfigError if misconfigured.

    program/sandbox: the built checker program and where to run it (kind "custom").
    """
    func = CHECKERS.get(kind)
    if func is None:
        raise CheckerConfigError(f"unknown checker {kind!r}")
    opts = dict(options or {})
    if kind == "float":
        opts = _validate_float(opts)
    if kind == "custom":
        if program is None or sandbox is None:
            raise CheckerConfigError("custom checker needs a built checker program")
        if not program.ok:
            raise CheckerConfigError(f"checker does not compile: {program.message[:300]}")
        opts.update(program=program, sandbox=sandbox)
    try:
        inspect.signature(func).bind_partial(b"", b"", b"", **opts)
    except TypeError as exc:
        raise CheckerConfigError(f"checker {kind!r}: {exc}") from None
    return functools.partial(func, **opts)


async def check(checker: Checker, input: bytes, expected: bytes, actual: bytes) -> CheckResult:
    """Call a checker, sync or async, and normalise its result."""
    result = checker(input, expected, actual)
    if inspect.isawaitable(result):
        result = await result
    passed, feedback = result
    return CheckResult(bool(passed), feedback)
