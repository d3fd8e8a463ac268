"""Offline problem generation from parameterised templates.

`generate(topic, difficulty, seed)` is deterministic: the same arguments
always give the same problem, and the seed changes names, stories,
variants, limits and test data. Expected outputs are never computed here;
`fill_example_outputs` takes a runner (the judge running the reference
solution) to complete the examples.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from coach.models import Difficulty, Example, GeneratedProblem, SourceCode
from coach.offline.templates import (
    arithmetic,
    arrays,
    dp,
    graphs,
    greedy,
    hashing,
    searching,
    stacks,
    strings,
)
from coach.offline.templates.base import Template

TEMPLATES: tuple[Template, ...] = (
    *arrays.TEMPLATES,
    *strings.TEMPLATES,
    *hashing.TEMPLATES,
    *stacks.TEMPLATES,
    *searching.TEMPLATES,
    *graphs.TEMPLATES,
    *dp.TEMPLATES,
    *greedy.TEMPLATES,
    *arithmetic.TEMPLATES,
)

TOPIC_ALIASES = {
    "array": "arrays",
    "string": "strings",
    "hash": "hashing",
    "hash-tables": "hashing",
    "hashmap": "hashing",
    "graph": "graphs",
    "dp": "dynamic-programming",
    "dynamic programming": "dynamic-programming",
    "binary search": "binary-search",
    "stack": "stacks",
    "two pointers": "two-pointers",
    "prefix sums": "prefix-sums",
    "prefix-sum": "prefix-sums",
    "mathematics": "math",
    "maths": "math",
    "number-theory": "math",
    "dsu": "union-find",
    "disjoint-set": "union-find",
    "sort": "sorting",
    "window": "sliding-window",
}
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "medium", "hard")


class UnknownTopic(LookupError):
    """No template covers the requested topic (or template id)."""


@dataclass(frozen=True)
class TemplateInfo:
    """A template as listed to users and admins."""

    id: str
    topics: tuple[str, ...]
    summary: str


def normalize_topic(topic: str) -> str:
    """Lower-case, dashes for spaces/underscores, common aliases resolved."""
    key = topic.strip().lower().replace("_", "-")
    key = TOPIC_ALIASES.get(key, key)
    return TOPIC_ALIASES.get(key.replace("-", " "), key).replace(" ", "-")


def topics() -> list[str]:
    """Every topic some template covers, sorted."""
    return sorted({topic for template in TEMPLATES for topic in template.topics})


def list_templates(topic: str | None = None) -> list[TemplateInfo]:
    """Templates, optionally only those covering `topic`."""
    wanted = normalize_topic(topic) if topic else None
    return [
        TemplateInfo(t.id, t.topics, t.summary)
        for t in TEMPLATES
        if wanted is None or wanted in t.topics
    ]


def templates_by_topic() -> dict[str, list[str]]:
    """topic -> ids of the templates that cover it."""
    return {topic: [t.id for t in TEMPLATES if topic in t.topics] for topic in topics()}


def generate(topic: str, difficulty: Difficulty = "medium", seed: int = 0) -> GeneratedProblem:
    """Generate a problem on `topic` (or from the template with that id).

    topic: a topic from `topics()` (aliases such as "dp" work) or a template id.
    difficulty: "easy", "medium" or "hard"; sets limits and expected complexity.
    seed: any integer; the template for a topic and all parameters follow from it.
    """
    if difficulty not in DIFFICULTIES:
        raise ValueError(f"difficulty must be one of {DIFFICULTIES}, not {difficulty!r}")
    template = _pick(topic, seed)
    return generate_from(template, difficulty, seed)


def generate_from(template: Template, difficulty: Difficulty, seed: int) -> GeneratedProblem:
    """Build one problem from a given template."""
    rng = random.Random(f"{template.id}|{difficulty}|{seed}")
    draft = template.build(rng, difficulty)
    small = [*draft.examples, *draft.small_inputs]
    return GeneratedProblem(
        title=draft.title,
        statement=draft.statement,
        difficulty=difficulty,
        topics=list(draft.topics or template.topics),
        constraints=draft.constraints,
        examples=[Example(input=text) for text in draft.examples],
        reference_solution=SourceCode(language="python", source=draft.reference),
        brute_force_solution=SourceCode(language="python", source=draft.brute_force)
        if draft.brute_force
        else None,
        test_inputs=small + draft.large_inputs,
        small_test_count=len(small),
        hints=draft.hints,
        expected_complexity=draft.expected_complexity,
        time_limit_seconds=draft.time_limit_seconds,
        template=template.id,
        seed=seed,
    )


def fill_example_outputs(problem: GeneratedProblem, run: Callable[[str], str]) -> GeneratedProblem:
    """Return a copy whose examples carry outputs, computed by `run(input) -> stdout`.

    The caller decides how to run the reference solution (normally the
    judge sandbox); this module never executes code.
    """
    examples = [
        example
        if example.output is not None
        else example.model_copy(update={"output": run(example.input)})
        for example in problem.examples
    ]
    return problem.model_copy(update={"examples": examples})


def _pick(topic: str, seed: int) -> Template:
    by_id = {template.id: template for template in TEMPLATES}
    key = normalize_topic(topic)
    if key in by_id:
        return by_id[key]
    matching = [template for template in TEMPLATES if key in template.topics]
    if not matching:
        raise UnknownTopic(f"no template for topic {topic!r}; known topics: {', '.join(topics())}")
    return matching[random.Random(f"pick|{key}|{seed}").randrange(len(matching))]
