"""A rough loop-nesting estimate for C, C++, Java and JavaScript sources.

Without a parser for each language this only follows `for`/`while`
headers and braces; it is enough to spot a triple loop over n, and the
report says it is rough.
"""

from __future__ import annotations

import re

from coach.offline.costs import CONSTANT, LINEAR, LOG, N_LOG_N, SQRT, Cost, worst
from coach.offline.python_cost import Finding

_COMMENTS_AND_STRINGS = re.compile(
    r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|`[^`]*`", re.S
)
_TOKEN = re.compile(r"\b(?:for|while)\b|[{};]|\bsort\s*\(|\.sort\s*\(|\bqsort\s*\(")
_SMALL_BOUND = re.compile(r"\w+\s*[<>]=?\s*(\d+)")


def estimate_braces(source: str) -> tuple[Cost, list[Finding]]:
    """Estimate the cost of a brace-language source from its loop nesting."""
    text = _COMMENTS_AND_STRINGS.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source)
    stack: list[Cost] = [CONSTANT]  # product of loop costs for each open brace block
    pending: list[Cost] = []  # loop headers waiting for their body
    total = CONSTANT
    findings: list[Finding] = []
    position = 0
    while True:
        match = _TOKEN.search(text, position)
        if match is None:
            break
        token = match.group()
        position = match.end()
        line = text.count("\n", 0, match.start()) + 1
        current = stack[-1]
        for cost in pending:
            current = current * cost
        if token in ("for", "while"):
            header, position = _header(text, position)
            if header is None:
                continue
            if token == "while" and text[position:].lstrip().startswith(";"):
                continue  # the tail of a do { } while (...);
            cost = _loop_cost(header)
            pending.append(cost)
            nested = current * cost
            if cost.degree > 0 and nested.degree >= 2:
                findings.append(
                    Finding(line, nested, "loop nested inside loops over input-sized data")
                )
            total = worst(total, nested)
        elif token == "{":
            stack.append(current)
            pending.clear()
        elif token == "}":
            if len(stack) > 1:
                stack.pop()
            pending.clear()
        elif token == ";":
            total = worst(total, current)
            pending.clear()
        else:  # a sort call
            cost = current * N_LOG_N
            if current > CONSTANT:
                findings.append(Finding(line, cost, "sorting inside a loop"))
            total = worst(total, cost)
    findings.sort(key=lambda f: (f.cost, -f.line), reverse=True)
    return total, findings


def _header(text: str, position: int) -> tuple[str | None, int]:
    """Return the text inside the parentheses after for/while, and where it ends."""
    start = text.find("(", position)
    if start == -1 or text[position:start].strip():
        return None, position
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1 : index], index + 1
    return None, position


def _loop_cost(header: str) -> Cost:
    compact = header.replace(" ", "")
    if re.search(r"(/|>>)=|\*=2|<<=1|=\w+/2|=\w+>>1", compact):
        return LOG
    if re.search(r"(\w+)\*\1<=?", compact):
        return SQRT
    parts = header.split(";")
    if len(parts) == 3:
        bound = _SMALL_BOUND.fullmatch(parts[1].strip())
        if bound and int(bound.group(1)) <= 1000:
            return CONSTANT
    return LINEAR
