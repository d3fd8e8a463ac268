"""Compare a solution's estimated complexity with the problem's constraints.

"Your code is O(n^2)" means little to a learner; "about 4*10^10 steps
for n = 2*10^5, while 2 s of Python allows about 2*10^7" explains a TLE
before they submit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from coach.offline.brace_cost import estimate_braces
from coach.offline.constraints import SizeBound, format_count, input_size
from coach.offline.costs import CONSTANT, Cost
from coach.offline.python_cost import Finding, PythonAnalysis, analyze_python
from coach.offline.tracebacks import normalize_language

Verdict = Literal["ok", "risky", "too_slow", "unknown"]

# Simple steps per second, deliberately conservative.
STEPS_PER_SECOND = {"python": 1e7, "javascript": 1e8, "java": 1.5e8, "cpp": 3e8, "c": 3e8}

_NESTED_ADVICE = (
    "Ask what the inner loop recomputes each time: prefix sums, a hash map of seen values, two "
    "pointers, or sorting + binary search usually remove one loop level."
)
_ADVICE = (
    (
        "walks the whole sequence",
        "That call re-scans the data on every iteration: keep a running value instead, or "
        "precompute prefix sums / counts once.",
    ),
    ("`in` on a list", "Put the values in a set (or dict) once; membership is then O(1)."),
    ("sorting", "Sort once before the loop and reuse the order (with bisect for lookups)."),
    ("list.pop(i)", "Use collections.deque and popleft(), or move an index instead of removing."),
    ("slicing", "Pass start/end indices instead of copying slices."),
    ("list + list", "Append to one list instead of building a new one each time."),
    (".index()", "Keep a dict from value to position instead of searching each time."),
    (".count()", "Count everything once with collections.Counter."),
    (
        ".remove()",
        "Mark items as removed (a set or boolean array) instead of deleting from the list.",
    ),
    (
        "calls itself inside a loop",
        "Prune the search, or find overlapping subproblems and turn it into DP.",
    ),
    ("calls itself", "Memoise it (functools.cache) or fill a DP table bottom-up."),
    (
        "calls `",
        "The helper is itself linear or worse and runs every iteration: precompute its results "
        "once.",
    ),
    ("nested", _NESTED_ADVICE),
    (
        "comprehension",
        "The comprehension rebuilds data every iteration: build it once outside the loop.",
    ),
)


@dataclass(frozen=True)
class ComplexityReport:
    """The estimate, what drives it, and whether it fits the limits."""

    language: str
    cost: Cost
    findings: tuple[Finding, ...]
    size: SizeBound | None
    operations: float | None
    budget: float | None
    verdict: Verdict
    notes: tuple[str, ...]
    rough: bool

    @property
    def complexity(self) -> str:
        """Big-O text of the whole program, e.g. "O(n^2)"."""
        return self.cost.label()


def check_complexity(
    source: str, constraints: str = "", time_limit_seconds: float = 2.0, language: str = "python"
) -> ComplexityReport:
    """Estimate the complexity of `source` and judge it against the constraints.

    source: the user's code.
    constraints: the problem's constraint text; the input-size bound is read from it.
    time_limit_seconds: the problem's time limit (default 2 s).
    language: judge language id; Python is analysed from its syntax tree,
        C/C++/Java/JavaScript only from loop nesting (marked rough).
    """
    family = normalize_language(language)
    size = input_size(constraints) if constraints else None
    notes: list[str] = []
    if family == "python":
        analysis = analyze_python(source)
        if constraints and analysis.loop_names:
            size = input_size(constraints, prefer=analysis.loop_names)
        if analysis.syntax_error:
            return ComplexityReport(
                family,
                CONSTANT,
                (),
                size,
                None,
                None,
                "unknown",
                (f"Could not analyse the code: {analysis.syntax_error}.",),
                False,
            )
        cost, findings, rough = analysis.cost, analysis.findings, False
        notes += _python_notes(analysis, size)
    else:
        cost, findings = estimate_braces(source)
        rough = True
    budget = STEPS_PER_SECOND.get(family, 1e8) * time_limit_seconds
    operations = cost.operations(size.value) if size else None
    verdict: Verdict = "unknown"
    if operations is not None:
        verdict = (
            "ok" if operations <= budget else "risky" if operations <= 10 * budget else "too_slow"
        )
    return ComplexityReport(
        family, cost, tuple(findings), size, operations, budget, verdict, tuple(notes), rough
    )


def advice_for(finding: Finding) -> str:
    """The usual way to remove the cost a finding points at."""
    return next((text for key, text in _ADVICE if key in finding.reason), _NESTED_ADVICE)


def render_complexity(report: ComplexityReport) -> str:
    """Render the report as markdown."""
    how = "rough, from loop nesting only" if report.rough else "estimated from the code structure"
    lines = [f"**Complexity: {report.complexity}** ({how})"]
    if report.size and report.operations is not None and report.budget is not None:
        lines.append(
            f"With {report.size.describe()} that is about {format_count(report.operations)} basic "
            "steps; "
            f"the time limit allows roughly {format_count(report.budget)} in "
            f"{_language_name(report.language)}."
        )
        lines.append(
            {
                "ok": "That fits comfortably.",
                "risky": "That is close to the limit: it may pass or time out depending on "
                "constants.",
                "too_slow": "That is far above the limit: expect Time Limit Exceeded on the large "
                "tests.",
                "unknown": "",
            }[report.verdict]
        )
    elif not report.size:
        lines.append(
            "The constraints give no input size I could read, so I cannot compare with the time "
            "limit."
        )
    if report.findings and report.verdict != "ok":
        lines += ["", "Where the cost comes from:"]
        for finding in report.findings[:3]:
            lines.append(f"- line {finding.line}: {finding.reason} -> {finding.cost.label()}")
        lines += ["", f"Idea: {advice_for(report.findings[0])}"]
    if report.notes:
        lines += [""] + [f"- {note}" for note in report.notes]
    return "\n".join(line for line in lines if line is not None).rstrip() + "\n"


def _language_name(family: str) -> str:
    return {
        "python": "Python",
        "cpp": "C++",
        "c": "C",
        "java": "Java",
        "javascript": "JavaScript",
    }.get(family, family)


def _python_notes(analysis: PythonAnalysis, size: SizeBound | None) -> list[str]:
    notes = []
    big = size is not None and size.value >= 10**4
    if analysis.deep_recursion and size is not None and size.value > 900:
        name, line = analysis.deep_recursion[0]
        if analysis.raises_recursion_limit:
            notes.append(
                f"`{name}` (line {line}) can recurse about {format_count(size.value)} deep; even "
                "with a raised "
                "recursion limit that can crash the interpreter. An explicit stack is safer."
            )
        else:
            notes.append(
                f"`{name}` (line {line}) can recurse about {format_count(size.value)} deep, above "
                "Python's default "
                "limit of 1000: expect RecursionError. Use an explicit stack (or raise the limit "
                "carefully)."
            )
    if big and analysis.input_in_loop:
        notes.append(
            f"input() on line {analysis.input_in_loop} runs once per line; for "
            f"{format_count(size.value)} lines "
            "use sys.stdin.readline or read everything with sys.stdin.read().split()."
        )
    if big and analysis.print_in_loop:
        notes.append(
            f"print() on line {analysis.print_in_loop} runs once per item; collect the lines and "
            "print '\\n'.join(lines) once."
        )
    return notes
