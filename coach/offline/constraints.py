"""Read size limits such as `1 <= n <= 2*10^5` out of a problem's constraint text.

Problem authors write bounds in many notations (ASCII, Unicode, LaTeX,
1e5, 100,000, 10**5); the complexity check needs the input size as a
number to turn "O(n^2)" into "about 4*10^10 operations".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_REPLACEMENTS = (
    (r"\$", ""),
    (r"\\left|\\right|\\,|\\;|\\!", ""),
    (r"\\leq?(?![a-z])|≤|⩽|=<", "<="),
    (r"\\geq?(?![a-z])|≥|⩾", ">="),
    (r"\\cdot|\\times|·|\u00d7|⋅|∙", "*"),
    (r"\^\{([^}]*)\}", r"^\1"),
    (r"\*\*", "^"),
    (
        r"\bat most\b|\bdoes not exceed\b|\bdoesn't exceed\b|\bnot exceeding\b|\bno more than\b|"
        r"\bup to\b",
        "<=",
    ),
    (r"\blength of (?:the )?(?:string )?(\w)\b", r"|\1|"),
    (r"\blen\((\w+)\)", r"|\1|"),
    (r"\b(?:the )?(?:total|sum of (?:the )?)lengths? of (?:all )?(?:the )?strings\b", "|s|"),
    (r"\b(?:the )?sum of (?:all )?(\w)\b(?: over all (?:the )?(?:test )?cases)?", r"\1"),
    (r"(?<=\d),(?=\d{3}\b)", ""),
)
_NUMBER = r"\d+(?:\.\d+)?(?:\s*\*\s*\d+(?:\s*\^\s*\d+)?|\s*\^\s*\d+|[eE]\d+)?"
_VARIABLE = r"\|\w+\||\b[A-Za-z](?:_?\{?\w{0,2}\}?|\[\w+\])?\b"
_BOUND = re.compile(
    rf"(?P<vars>(?:{_VARIABLE})(?:(?:\s*,\s*|\s+and\s+)(?:{_VARIABLE}))*)\s*(?:(?:is|"
    rf"are)\s+)?(?P<op><=|<)\s*(?P<num>{_NUMBER})"
)
_SIZE_NAMES = ("n", "m", "q", "k", "v", "e", "r", "c", "h", "w", "l", "t", "s", "p")
_INDEXED = re.compile(r"_\{?[ijk]\}?$|\[\w+\]$|^[a-z][ij]$")


@dataclass(frozen=True)
class SizeBound:
    """The input-size bound chosen for complexity estimates, with its source text."""

    name: str
    value: int

    def describe(self) -> str:
        """Show the bound as a reader would write it, e.g. "n <= 2*10^5"."""
        return f"{self.name} <= {format_count(self.value)}"


def parse_number(text: str) -> int:
    """Evaluate `2*10^5`, `10^5`, `1e5`, `100000` or `1.5e6` to an integer."""
    text = text.replace(" ", "")
    if re.fullmatch(r"\d+(?:\.\d+)?[eE]\d+", text):
        return int(float(text))
    coefficient = 1.0
    if "*" in text:
        head, text = text.split("*", 1)
        coefficient = float(head)
    if "^" in text:
        base, exponent = text.split("^", 1)
        return int(coefficient * int(base) ** int(exponent))
    return int(coefficient * float(text))


def parse_bounds(text: str) -> dict[str, int]:
    """Return every `name -> upper bound` found in the text (largest wins on repeats)."""
    normalized = _mark_superscripts(text)
    for pattern, replacement in _REPLACEMENTS:
        normalized = re.sub(pattern, replacement, normalized)
    bounds: dict[str, int] = {}
    for match in _BOUND.finditer(normalized):
        value = parse_number(match["num"])
        if match["op"] == "<":
            value -= 1
        for name in re.split(r"\s*,\s*|\s+and\s+", match["vars"]):
            name = name.replace("{", "").replace("}", "")
            if name.isdigit():
                continue
            bounds[name] = max(bounds.get(name, 0), value)
    return bounds


def input_size(text: str, prefer: Iterable[str] = ()) -> SizeBound | None:
    """Pick the bound that measures input size: n, m, q, |s|, ... rather than a value a_i.

    prefer: identifiers the code uses as loop bounds; a bound whose name matches one
        of them (case-insensitively, |s| matches s) wins, so `for _ in range(t)` is
        measured against T rather than against a value bound N.
    """
    bounds = parse_bounds(text)
    candidates = {name: value for name, value in bounds.items() if not _INDEXED.search(name)}
    sized = {
        name: value
        for name, value in candidates.items()
        if name.startswith("|") or name.lower().rstrip("0123456789") in _SIZE_NAMES
    }
    pool = sized or {name: value for name, value in candidates.items() if value <= 10**7}
    wanted = {name.lower() for name in prefer}
    used = {name: value for name, value in candidates.items() if name.strip("|").lower() in wanted}
    if used:
        pool = used
    if not pool:
        return None
    for preferred in ("n", "N"):
        if preferred in pool and not used:
            return SizeBound(preferred, pool[preferred])
    name = max(pool, key=lambda key: (pool[key], key))
    return SizeBound(name, pool[name])


def _mark_superscripts(text: str) -> str:
    """Turn `10⁵` into `10^5` before superscripts lose their meaning."""
    return re.sub(
        r"(\d+)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)",
        lambda m: f"{m.group(1)}^{m.group(2).translate(_SUPERSCRIPTS)}",
        text,
    )


def format_count(value: float) -> str:
    """Write a count compactly: 200000 -> "2*10^5", 1000 -> "1000", 3.2e10 -> "3.2*10^10"."""
    if value < 10_000:
        return f"{value:g}" if value != int(value) else str(int(value))
    exponent = len(str(int(value))) - 1
    mantissa = value / 10**exponent
    if abs(mantissa - 1) < 0.05:
        return f"10^{exponent}"
    return f"{mantissa:.1f}".rstrip("0").rstrip(".") + f"*10^{exponent}"
