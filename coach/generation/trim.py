"""Cut a draft down to the generation limits before anything runs (pure)."""

from __future__ import annotations

from coach.generation.request import Limits
from coach.models import GeneratedProblem


def normalized(text: str) -> str:
    """Inputs end with exactly one newline, as files written by hand usually do."""
    return text.rstrip("\n") + "\n" if text.strip() else text


def trim(problem: GeneratedProblem, limits: Limits) -> GeneratedProblem:
    """Keep the examples, then small tests, then up to `max_large_tests` large ones, in caps.

    An input over `max_input_bytes` is dropped (not cut: a cut input is a
    different, probably malformed, test). `small_test_count` is recomputed and the
    time limit clamped to the limits' range.
    """
    examples = [
        e.model_copy(update={"input": normalized(e.input)})
        for e in problem.examples[: limits.max_examples]
    ]
    seen = {e.input for e in examples}
    total = sum(len(e.input.encode()) for e in examples)
    count = len(examples)
    small: list[str] = []
    large: list[str] = []
    for index, raw in enumerate(problem.test_inputs):
        text = normalized(raw)
        size = len(text.encode())
        is_small = index < problem.small_test_count
        if text in seen or not text.strip() or size > limits.max_input_bytes:
            continue
        if count >= limits.max_tests or total + size > limits.max_total_bytes:
            continue
        if not is_small and len(large) >= limits.max_large_tests:
            continue
        seen.add(text)
        total += size
        count += 1
        (small if is_small else large).append(text)
    return problem.model_copy(
        update={
            "examples": examples,
            "test_inputs": small + large,
            "small_test_count": len(small),
            # validated and stored with the same limit; a model's 1000 s would tie up the judge
            "time_limit_seconds": min(
                limits.max_time_limit, max(limits.min_time_limit, problem.time_limit_seconds)
            ),
        }
    )
