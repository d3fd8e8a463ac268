"""The prompt that asks a model for a problem draft (statement, examples, solutions, inputs)."""

from __future__ import annotations

from coach.generation.request import GenerationRequest, Limits
from coach.intents import ProblemIntent
from coach.providers.base import ChatMessage, Prompt

SYSTEM = """You write original competitive-programming problems for a practice site.
Return one problem as JSON. Requirements:
- statement: markdown; a short story or setting, then sections "## Input" and "## Output".
  Do not copy well-known problems verbatim.
- constraints: the limits on every input value and size, one per line (e.g. "1 <= n <= 2*10^5").
- examples: 2 or 3, each a complete stdin text, its exact expected stdout and an explanation.
- reference_solution: {{"language": "python", "source": ...}} reading stdin and writing stdout,
  correct and efficient enough for the largest inputs within half of time_limit_seconds.
- brute_force_solution: a simple, obviously correct (slow) Python solution for small inputs.
- test_inputs: {tests} complete stdin texts covering edge cases (minimum sizes, equal values,
  negatives if allowed, maximum values); put {small} small ones first and set small_test_count
  to {small}. Keep every input under {max_kb} KB; inputs at the size limit are not needed.
- generator_source (optional): a Python program that reads a test number k from stdin and
  prints one larger valid test input (under 4 KB) for that k.
- hints: 2 or 3 hints, mildest first, without code. expected_complexity: e.g. "O(n log n)".
- time_limit_seconds: between 1 and 3. Leave template and seed null.
Expected outputs of test_inputs are computed by running your reference solution; never guess
them. Your examples are checked against it too."""


def generation_prompt(
    request: GenerationRequest, limits: Limits, seed: int, rejected: str | None = None
) -> Prompt:
    """The draft request; `rejected` says why the previous draft failed validation."""
    wants = [
        f"Topic: {request.topic}",
        f"Difficulty: {request.difficulty}",
        f"Solver skill level: {request.skill_level}",
    ]
    if request.focus_areas:
        wants.append(f"Focus on: {', '.join(request.focus_areas)}")
    if request.avoid_topics:
        wants.append(f"Avoid these topics: {', '.join(request.avoid_topics)}")
    if rejected:
        wants.append(
            f"Your previous problem was rejected by automatic validation: {rejected}. "
            "Write a corrected problem."
        )
    system = SYSTEM.format(
        tests=min(10, limits.max_tests - 3),
        small=min(5, limits.brute_tests),
        max_kb=limits.max_input_bytes // 1024,
    )
    intent = ProblemIntent(
        topic=request.topic,
        difficulty=request.difficulty,
        seed=seed,
        skill_level=request.skill_level,
        focus_areas=tuple(request.focus_areas),
        avoid_topics=tuple(request.avoid_topics),
    )
    return Prompt(
        system=system,
        messages=(ChatMessage("user", "\n".join(wants)),),
        intent=intent,
        max_output_tokens=6000,
    )
