"""Question, concept and follow-up shapes shared by every interview bank.

A concept is a name plus a regex of the ways people say it. A follow-up
is asked when its condition holds for everything the candidate has said
about the question so far; conditions are codes evaluated in `rubric.py`:

- "missing:complexity", "missing:edge_cases", "missing:tradeoffs",
  "missing:scale", "missing:failure", "missing:requirements",
  "missing:metrics", "missing:reflection", "missing:ownership",
  "missing:star:<situation|task|action|result>": that dimension is absent;
- "missing:concept:<name>": that concept of the question was not named;
- "brute_force": only a brute-force approach was described;
- "short": the answer so far is under 25 words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Concept:
    """Something a good answer mentions, recognised by `pattern` (case-insensitive regex)."""

    name: str
    pattern: str


@dataclass(frozen=True)
class FollowUp:
    """A question asked when `condition` holds (see module docstring)."""

    condition: str
    prompt: str


@dataclass(frozen=True)
class Question:
    """One main interview question with its rubric."""

    id: str
    title: str
    prompt: str
    concepts: tuple[Concept, ...]
    follow_ups: tuple[FollowUp, ...]


def make_question(
    id: str,
    title: str,
    prompt: str,
    concepts: list[tuple[str, str]],
    follow_ups: list[tuple[str, str]],
) -> Question:
    """Build a question from plain tuples, which keeps the banks readable."""
    return Question(
        id,
        title,
        prompt,
        tuple(Concept(name, pattern) for name, pattern in concepts),
        tuple(FollowUp(condition, text) for condition, text in follow_ups),
    )


# Follow-ups many technical questions share.
COMPLEXITY = ("missing:complexity", "What are the time and space complexity of that approach?")
EDGES = ("missing:edge_cases", "Which edge cases would you test before calling it done?")
BRUTE = (
    "brute_force",
    "That works, but it checks many combinations. Can you do better than O(n^2)?",
)
SHORT = (
    "short",
    "Could you walk me through that in more detail, step by step, on a small example?",
)
