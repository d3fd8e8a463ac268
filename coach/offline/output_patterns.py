"""Recognisers for classic output mistakes: debug prints, prompts, off-by-one, ...

`detect_causes` runs the detectors of `layout_patterns` (right values, wrong text)
and `value_patterns` (wrong values) in one fixed order, most specific first.
"""

from __future__ import annotations

from coach.offline import layout_patterns, value_patterns
from coach.offline.output_cause import Cause


def detect_causes(
    expected: str, actual: str, input_text: str = "", language: str = "python"
) -> list[Cause]:
    """Name the mistakes the output difference looks like, most specific first.

    Every detector runs in a fixed order; the input is used only when no
    output pattern matched, to point at what makes the test special.
    """
    causes: list[Cause] = []
    for detector in (
        value_patterns.empty_output,
        value_patterns.echoed_input,
        layout_patterns.whitespace_only,
        layout_patterns.layout,
        layout_patterns.letter_case,
        layout_patterns.printed_container,
        value_patterns.printed_nothing_value,
        layout_patterns.input_prompt,
        layout_patterns.extra_output,
        layout_patterns.missing_output,
        layout_patterns.wrong_order,
        value_patterns.overflow,
        value_patterns.float_precision,
        value_patterns.neutral_start,
        value_patterns.off_by_one,
        value_patterns.boolean_wording,
    ):
        cause = detector(expected, actual, input_text, language)
        if cause is not None:
            causes.append(cause)
    if any(cause.code == "neutral_start" for cause in causes):
        causes = [cause for cause in causes if cause.code != "off_by_one"]
    if not causes and input_text:
        edge = value_patterns.edge_case(input_text)
        if edge:
            causes.append(edge)
    return causes
