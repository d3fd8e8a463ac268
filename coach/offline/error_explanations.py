"""Explain runtime and compile errors in plain words, with a concrete next step.

Rules are data: (language, error type, optional message pattern) ->
meaning, likely causes, next step. The first matching rule wins, so
specific message patterns come before the general rule for a type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.offline.error_rules import NATIVE_SIGNALS, RULES, Rule
from coach.offline.tracebacks import ParsedError, normalize_language, parse_error, signal_name


@dataclass(frozen=True)
class ErrorExplanation:
    """A runtime (or compile) error translated for a learner."""

    language: str
    error_type: str
    message: str
    line: int | None
    function: str | None
    code_line: str | None
    meaning: str
    causes: tuple[str, ...]
    next_step: str
    signal: str | None = None
    compile_error: bool = False

    @property
    def title(self) -> str:
        """Short headline, e.g. "IndexError on line 3 (in f)"."""
        where = f" on line {self.line}" if self.line else ""
        inside = f" (in {self.function})" if self.function and self.function != "<module>" else ""
        return f"{self.error_type}{where}{inside}"


def explain_error(
    stderr: str,
    language: str = "python",
    *,
    exit_code: int | None = None,
    signal: int | str | None = None,
    code: str = "",
) -> ErrorExplanation | None:
    """Explain why a program crashed; None when nothing indicates a crash.

    stderr: the program's (or compiler's) error output, possibly empty.
    language: judge language id ("python", "java", "cpp", "javascript", ...).
    exit_code: the process exit code; shell-style 128+N codes count as signal N.
    signal: the signal that killed it, as a number or a name, if the judge knows.
    code: the user's source, to quote the failing line.
    """
    family = normalize_language(language)
    parsed = parse_error(stderr, family, code) if stderr.strip() else None
    sig = signal_name(signal, exit_code)
    if parsed is not None:
        rule = _find_rule(parsed.language, parsed.error_type, parsed.message)
        return _build(parsed, rule, sig)
    if sig is not None:
        rule = NATIVE_SIGNALS.get((family, sig)) or NATIVE_SIGNALS.get(("*", sig))
        if rule is None:
            rule = Rule(
                "*",
                sig,
                None,
                f"The program was killed by {sig}.",
                (),
                "Check the judge limits and any unusual system calls.",
            )
        return _build(ParsedError(family, sig, _first_line(stderr)), rule, sig)
    if exit_code:
        return _build(
            ParsedError(family, "NonZeroExit", f"exit code {exit_code}"),
            _exit_rule(family, exit_code),
            None,
        )
    return None


def render_error(explanation: ErrorExplanation) -> str:
    """Render an explanation as markdown for the coach's reply."""
    kind = "Compile error" if explanation.compile_error else "Runtime error"
    parts = [f"**{kind}: {explanation.title}**"]
    if explanation.message:
        parts.append(f"Message: `{explanation.message[:300]}`")
    if explanation.code_line:
        parts.append(f"Failing line: `{explanation.code_line[:200]}`")
    if explanation.signal and explanation.signal != explanation.error_type:
        parts.append(f"The process ended with {explanation.signal}.")
    parts += ["", explanation.meaning]
    if explanation.causes:
        parts += ["", "Likely causes:"] + [f"- {cause}" for cause in explanation.causes]
    parts += ["", f"Next step: {explanation.next_step}"]
    return "\n".join(parts) + "\n"


def _find_rule(language: str, error_type: str, message: str) -> Rule:
    for rule in RULES:
        if rule.language not in (language, "*") and not (
            rule.language == "native" and language in ("c", "cpp")
        ):
            continue
        if rule.error_type != error_type:
            continue
        if rule.pattern is not None and not re.search(rule.pattern, message):
            continue
        return rule
    return Rule(
        "*",
        error_type,
        None,
        f"The program stopped with {error_type}.",
        (),
        "Read the message, look at the reported line, and print the values used on that line "
        "just before it runs to see which one is not what you expect.",
    )


def _format(text: str, parsed: ParsedError) -> str:
    """Fill {line}, {code}, {name}, {index}, ... placeholders from the parsed error."""
    values = {"line": f"line {parsed.line}" if parsed.line else "the failing line"}
    values["code"] = f"`{parsed.code_line}`" if parsed.code_line else "the failing line"
    values.update(_message_values(parsed))
    return text.format_map(_Defaults(values))


class _Defaults(dict[str, str]):
    """Placeholders the message did not provide read as "it" instead of failing."""

    def __missing__(self, key: str) -> str:
        return "it"


def _message_values(parsed: ParsedError) -> dict[str, str]:
    """Pull names and numbers out of the message for more specific wording."""
    message = parsed.message
    values: dict[str, str] = {}
    if found := re.search(r"name '(\w+)'", message) or re.search(
        r"local variable '(\w+)'", message
    ):
        values["name"] = found.group(1)
    elif found := re.search(r"^(\w+) is not defined", message):
        values["name"] = found.group(1)
    if found := re.search(r"(\S+) is not a function", message):
        values["name"] = found.group(1)
    if found := re.search(r"\(reading '([^']*)'\)", message):
        values["prop"] = found.group(1)
    if found := re.search(r"Index (-?\d+) out of bounds for length (\d+)", message):
        values["index"], values["length"] = found.group(1), found.group(2)
    if found := re.search(r'because "([^"]+)" is null', message):
        values["name"] = found.group(1)
    if found := re.search(r"with base 10: '(.*)'$", message) or re.search(
        r'For input string: "(.*)"', message
    ):
        values["literal"] = found.group(1)
    if parsed.error_type == "AssertionFailed":
        values["literal"] = message
    if parsed.error_type == "KeyError":
        values["key"] = message or "the key"
    return values


def _build(parsed: ParsedError, rule: Rule, sig: str | None) -> ErrorExplanation:
    causes = tuple(_format(cause, parsed) for cause in rule.causes)
    meaning = _format(rule.meaning, parsed)
    extra = _specific_cause(parsed)
    if extra:
        causes = (extra, *causes)
    return ErrorExplanation(
        language=parsed.language,
        error_type=parsed.error_type,
        message=parsed.message,
        line=parsed.line,
        function=parsed.function,
        code_line=parsed.code_line,
        meaning=meaning,
        causes=causes,
        next_step=_format(rule.next_step, parsed),
        signal=sig,
        compile_error=parsed.compile_error,
    )


def _specific_cause(parsed: ParsedError) -> str | None:
    """Add a cause that only the concrete message reveals."""
    values = _message_values(parsed)
    if "index" in values:
        index, length = int(values["index"]), int(values["length"])
        if index == length:
            return (
                f"Index {index} equals the length {length}: the last valid index is "
                f"{length - 1}, so a loop probably uses <= instead of <."
            )
        if index < 0:
            return (
                f"Index {index} is negative: something decremented past 0 (e.g. i - 1 when i is 0)."
            )
    literal = values.get("literal")
    if literal is not None:
        if literal == "":
            return (
                "The text being converted is empty: you read a blank line or read past the "
                "end of the input."
            )
        if " " in literal.strip():
            return (
                f"`{literal[:40]}` holds several numbers: split the line before converting "
                "each one."
            )
        if re.fullmatch(r"-?\d+\.\d*", literal.strip()):
            return (
                f"`{literal}` is a decimal number: convert it with float (or Double.parseDouble)."
            )
        if re.fullmatch(r"-?\d{10,}", literal.strip()):
            return f"`{literal}` is too big for a 32-bit int: use long (Long.parseLong)."
    return None


def _exit_rule(family: str, exit_code: int) -> Rule:
    if family in ("c", "cpp"):
        meaning = (
            f"main() returned {exit_code} instead of 0, and the judge treats any non-zero "
            "exit as a runtime error."
        )
        step = "Make main end with `return 0;` and do not call exit() with a non-zero code."
    elif family == "python":
        meaning = (
            f"The program exited with code {exit_code} without a traceback, e.g. through "
            f"sys.exit({exit_code}) or exit()."
        )
        step = (
            "Do not call sys.exit() with a non-zero value or a message; let the program end "
            "normally after printing."
        )
    elif family == "java":
        meaning = (
            f"The JVM exited with code {exit_code} without an exception report, e.g. "
            f"System.exit({exit_code})."
        )
        step = (
            "Remove System.exit calls with a non-zero status, and check that your class is "
            "named as the judge expects."
        )
    else:
        meaning = (
            f"The program exited with code {exit_code}, which the judge counts as a runtime error."
        )
        step = "Make sure the program ends normally (no process.exit with a non-zero code)."
    return Rule("*", "NonZeroExit", None, meaning, (), step)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")
