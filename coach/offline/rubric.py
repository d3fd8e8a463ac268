"""Rubric checks on interview answers: concepts, structure, length.

Keyword rubrics cannot judge whether an idea is *correct*, only whether it
was mentioned; weights favour the things interviewers explicitly look for
(complexity, edge cases, STAR, trade-offs) that a candidate can improve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.offline.interview_bank import Question

_COMPLEXITY = re.compile(
    r"\bo\s*\(|big.?o|complexit|linear|quadratic|logarithmic|constant (time|space|memory)|"
    r"n\s*log\s*n|\bn\s*(\^|\*\*)\s*2|n squared|time and space|extra space|in place",
    re.I,
)
_EDGE_CASES = re.compile(
    r"edge case|corner case|empty|\bnull\b|\bnone\b|zero|negative|duplicate|overflow|single "
    r"(element|node|char|item)"
    r"|only one|boundar|\bn\s*=\s*[01]\b|large input|all (the )?(same|equal)|no (solution|answer|"
    r"valid)|invalid input",
    re.I,
)
_TRADEOFFS = re.compile(
    r"trade.?off|downside|drawback|however|on the other hand|alternative|versus|\bvs\.?\b|pros|"
    r"cons\b|at the cost|instead|but (it|this|that)|consisten|availability|latency|cheaper|simpler",
    re.I,
)
_SCALE = re.compile(
    r"\d[\d,.]*\s*(k\b|m\b|million|billion|thousand|qps|rps|requests|users|tb\b|gb\b|mb\b|per "
    r"(second|day)|/s\b)",
    re.I,
)
_FAILURE = re.compile(
    r"fail|replica|replicat|redundan|backup|retry|retries|timeout|single point|crash|outage|"
    r"circuit breaker|health check|idempoten",
    re.I,
)
_REQUIREMENTS = re.compile(
    r"requirement|clarif|assum|functional|read.?heavy|write.?heavy|scope|out of scope|users? (can|"
    r"should|want)|use case|must support",
    re.I,
)
_BRUTE = re.compile(
    r"brute|nested loops?|every pair|all pairs|each pair|o\s*\(\s*n\s*(\^|\*\*)\s*2|n squared|"
    r"quadratic|check (all|every)|try (all|every)",
    re.I,
)
_EXAMPLE = re.compile(
    r"for example|for instance|e\.g\.|example|say we have|suppose|like \[|walk through", re.I
)
_STEPS = re.compile(r"\bfirst\b|\bthen\b|\bnext\b|\bfinally\b|\bstep\b|\bafter that\b", re.I)
STAR_PATTERNS = {
    "situation": re.compile(
        r"\bwhen\b|\bwhile\b|at my (last |previous |old )?(job|company|internship|team|work)|in "
        r"my (last|previous|"
        r"current|first)|we were|our team|project|semester|last year|a few (months|years)|\bago\b|"
        r"\bonce\b|\bteam\b|\bcompany\b|\bat work\b|\bclient\b|\bcustomer\b",
        re.I,
    ),
    "task": re.compile(
        r"my (role|task|job|responsibility|goal)|i was (responsible|tasked|asked|in charge|"
        r"supposed)|i needed to|i had to|the goal was|needed to|we had to|deadline|had to",
        re.I,
    ),
    "action": re.compile(
        r"\bi (decided|talked|spoke|built|wrote|created|proposed|organi[sz]ed|set up|scheduled|"
        r"reached out|"
        r"implemented|suggested|asked|led|took|started|worked|went|changed|refactored|analy[sz]ed|"
        r"met|listened|"
        r"explained|fixed|added|designed|prepared|called|sat down|made|gathered|ran|reviewed|"
        r"tested|learned|learnt)",
        re.I,
    ),
    "result": re.compile(
        r"as a result|result(ed)?|in the end|eventually|outcome|we (shipped|launched|delivered|"
        r"finished|met)|reduc|"
        r"improv|increas|saved|succeed|success|on time|ended up|finally|afterwards",
        re.I,
    ),
}
_METRICS = re.compile(
    r"\d+\s*(%|percent|x\b|times|hours|days|weeks|months|users|customers|ms\b|seconds|minutes|"
    r"bugs|tickets)|\b(doubled|halved|tripled)\b",
    re.I,
)
_REFLECTION = re.compile(
    r"learn(ed|t)|lesson|next time|differently|in hindsight|looking back|would (now|have)|takeaway",
    re.I,
)
_FIRST_PERSON = re.compile(r"\bi\b|\bmy\b|\bme\b", re.I)
_PLURAL = re.compile(r"\bwe\b|\bour\b|\bus\b", re.I)
_GIVE_UP = re.compile(r"^\s*(i )?(don'?t|do not) know\b|^\s*(skip|pass|no idea|not sure)\b", re.I)


@dataclass(frozen=True)
class AnswerAnalysis:
    """What a rubric sees in everything said about one question."""

    words: int
    concepts_hit: tuple[str, ...]
    concepts_missed: tuple[str, ...]
    complexity: bool
    edge_cases: bool
    tradeoffs: bool
    scale: bool
    failure: bool
    requirements: bool
    star_missing: tuple[str, ...]
    metrics: bool
    reflection: bool
    ownership: bool
    brute_force: bool
    example: bool
    steps: bool
    gave_up: bool

    @property
    def concept_fraction(self) -> float:
        total = len(self.concepts_hit) + len(self.concepts_missed)
        return len(self.concepts_hit) / total if total else 1.0


def analyze_answer(question: Question, text: str) -> AnswerAnalysis:
    """Check one answer (or several answers joined) against the question's rubric."""
    hit = tuple(c.name for c in question.concepts if re.search(c.pattern, text, re.I))
    missed = tuple(c.name for c in question.concepts if c.name not in hit)
    first_person = len(_FIRST_PERSON.findall(text))
    plural = len(_PLURAL.findall(text))
    words = len(text.split())
    return AnswerAnalysis(
        words=words,
        concepts_hit=hit,
        concepts_missed=missed,
        complexity=bool(_COMPLEXITY.search(text)),
        edge_cases=bool(_EDGE_CASES.search(text)),
        tradeoffs=bool(_TRADEOFFS.search(text)),
        scale=bool(_SCALE.search(text)),
        failure=bool(_FAILURE.search(text)),
        requirements=bool(_REQUIREMENTS.search(text)),
        star_missing=tuple(
            part for part, pattern in STAR_PATTERNS.items() if not pattern.search(text)
        ),
        metrics=bool(_METRICS.search(text)),
        reflection=bool(_REFLECTION.search(text)),
        ownership=first_person > 0 and first_person * 2 >= plural,
        brute_force=bool(_BRUTE.search(text)) and len(hit) * 2 < len(hit) + len(missed),
        example=bool(_EXAMPLE.search(text)),
        steps=bool(_STEPS.search(text)),
        gave_up=bool(_GIVE_UP.search(text)) and words < 12,
    )


def condition_holds(condition: str, analysis: AnswerAnalysis) -> bool:
    """Evaluate a follow-up condition code (see `interview_bank`)."""
    if condition == "always":
        return True
    if condition == "short":
        return analysis.words < 25
    if condition == "brute_force":
        return analysis.brute_force
    if condition.startswith("missing:concept:"):
        return condition.removeprefix("missing:concept:") in analysis.concepts_missed
    if condition.startswith("missing:star:"):
        return condition.removeprefix("missing:star:") in analysis.star_missing
    flag = {
        "missing:complexity": analysis.complexity,
        "missing:edge_cases": analysis.edge_cases,
        "missing:tradeoffs": analysis.tradeoffs,
        "missing:scale": analysis.scale,
        "missing:failure": analysis.failure,
        "missing:requirements": analysis.requirements,
        "missing:metrics": analysis.metrics,
        "missing:reflection": analysis.reflection,
        "missing:ownership": analysis.ownership,
    }.get(condition)
    if flag is None:
        raise ValueError(f"unknown follow-up condition: {condition}")
    return not flag


def communication(analysis: AnswerAnalysis) -> float:
    """0..1 for length and structure: very short answers hide the reasoning."""
    if analysis.words < 10:
        length = 0.0
    elif analysis.words < 40:
        length = (analysis.words - 10) / 30
    elif analysis.words <= 450:
        length = 1.0
    else:
        length = 0.7  # rambling
    return 0.7 * length + 0.3 * (analysis.example or analysis.steps)


def score(kind: str, analysis: AnswerAnalysis) -> float:
    """Score one question's answers from 0 to 1 with the weights for this interview kind."""
    if analysis.words == 0 or analysis.gave_up:
        return 0.0
    if kind == "behavioral":
        star = 1 - len(analysis.star_missing) / len(STAR_PATTERNS)
        value = (
            0.4 * star
            + 0.3 * analysis.concept_fraction
            + 0.1 * analysis.ownership
            + 0.1 * analysis.metrics
            + 0.1 * analysis.reflection
        )
        return value * min(1.0, analysis.words / 40)
    if kind == "system_design":
        return (
            0.4 * analysis.concept_fraction
            + 0.1 * analysis.requirements
            + 0.15 * analysis.scale
            + 0.15 * analysis.tradeoffs
            + 0.1 * analysis.failure
            + 0.1 * communication(analysis)
        )
    return (
        0.5 * analysis.concept_fraction
        + 0.2 * analysis.complexity
        + 0.15 * analysis.edge_cases
        + 0.15 * communication(analysis)
    )
