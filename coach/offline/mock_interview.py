"""The offline mock interview's flow: which questions, which follow-ups, in what order.

`start` picks the questions, `answer` records a reply and returns the
next message (a follow-up chosen from what the reply lacks, or the next
question); `mock_interview_feedback.finish` scores the finished interview.
The state is a plain pydantic model so the realtime layer can store it
between turns; every function returns a new state and never mutates its argument.
"""

from __future__ import annotations

import random
from typing import Literal

from pydantic import BaseModel, Field

from coach.offline.interview_bank import (
    BEHAVIORAL,
    SYSTEM_DESIGN,
    TECHNICAL,
    TOPIC_ALIASES,
    Question,
)
from coach.offline.rubric import (
    AnswerAnalysis,
    analyze_answer,
    condition_holds,
)

InterviewKind = Literal["technical", "behavioral", "system_design"]

_KIND_ALIASES = {
    "technical": "technical",
    "coding": "technical",
    "algorithms": "technical",
    "behavioral": "behavioral",
    "behavioural": "behavioral",
    "hr": "behavioral",
    "system_design": "system_design",
    "system-design": "system_design",
    "system design": "system_design",
    "design": "system_design",
    "sd": "system_design",
}
_NUDGE = "nudge"
_NUDGE_PROMPT = "Let's build it up: what would the simplest approach be, even if it is slow?"
_ACKS_GOOD = ("Good.", "That makes sense.", "Okay, good.")
_ACKS_NEUTRAL = ("Okay.", "I see.", "Alright.")


class UnknownInterview(ValueError):
    """The interview kind or topic is not one the offline coach has questions for."""


class InterviewTurn(BaseModel):
    """One interviewer message and the candidate's answer to it (None until answered)."""

    question_id: str
    follow_up: str | None = None
    prompt: str
    answer: str | None = None


class InterviewState(BaseModel):
    """Everything needed to continue or score an interview; safe to serialise."""

    kind: InterviewKind
    topic: str | None = None
    seed: int = 0
    question_ids: list[str]
    position: int = 0
    turns: list[InterviewTurn] = Field(default_factory=list)
    max_follow_ups: int = 2
    finished: bool = False


def interview_topics() -> list[str]:
    """Topics available for technical interviews."""
    return sorted(TECHNICAL)


def start(
    kind: str = "technical",
    topic: str | None = None,
    seed: int = 0,
    questions: int = 3,
    max_follow_ups: int = 2,
) -> tuple[InterviewState, str]:
    """Begin an interview and return its state plus the first message.

    kind: "technical", "behavioral" or "system_design" (common spellings accepted).
    topic: for technical interviews, one of `interview_topics()`; None mixes topics.
    seed: picks the questions; the same seed gives the same interview.
    questions: how many main questions to ask (capped by the bank size).
    max_follow_ups: follow-ups allowed per main question.
    """
    normalized_kind = _KIND_ALIASES.get(kind.strip().lower())
    if normalized_kind is None:
        raise UnknownInterview(f"unknown interview kind {kind!r}")
    normalized_topic = _normalize_topic(topic) if normalized_kind == "technical" else None
    bank = _bank(normalized_kind, normalized_topic)
    rng = random.Random(f"{normalized_kind}|{normalized_topic}|{seed}")
    picked = sorted(rng.sample(range(len(bank)), k=max(1, min(questions, len(bank)))))
    chosen = [bank[index] for index in picked]
    state = InterviewState(
        kind=normalized_kind,  # type: ignore[arg-type]
        topic=normalized_topic,
        seed=seed,
        question_ids=[question.id for question in chosen],
        max_follow_ups=max_follow_ups,
    )
    first = chosen[0]
    state.turns.append(InterviewTurn(question_id=first.id, prompt=first.prompt))
    intro = _intro(state)
    return state, f"{intro}\n\n{_numbered(state, first)}"


def answer(state: InterviewState, text: str) -> tuple[InterviewState, str | None]:
    """Record the answer to the pending message; return the new state and the next message.

    The next message is a follow-up when the answer lacks something the
    rubric looks for, otherwise the next main question; None means the
    interview is over and `mock_interview_feedback.finish` should be called.
    """
    if state.finished:
        return state, None
    new = state.model_copy(deep=True)
    new.turns[-1].answer = text.strip()
    question = question_by_id(new.question_ids[new.position])
    own_turns = [turn for turn in new.turns if turn.question_id == question.id]
    analysis = analyze_answer(question, joined_answers(own_turns))
    latest = analyze_answer(question, text)
    asked = {turn.follow_up for turn in own_turns if turn.follow_up is not None}
    follow_up = _choose_follow_up(new, question, analysis, latest, asked)
    if follow_up is not None:
        key, prompt = follow_up
        new.turns.append(InterviewTurn(question_id=question.id, follow_up=key, prompt=prompt))
        return new, f"{_ack(new, latest)} {prompt}"
    new.position += 1
    if new.position >= len(new.question_ids):
        new.finished = True
        return new, None
    following = question_by_id(new.question_ids[new.position])
    new.turns.append(InterviewTurn(question_id=following.id, prompt=following.prompt))
    return new, f"Thanks. Let's move on.\n\n{_numbered(new, following)}"


def question_by_id(question_id: str) -> Question:
    """Look a question up in every bank."""
    for question in _all_questions():
        if question.id == question_id:
            return question
    raise UnknownInterview(f"unknown question {question_id!r}")


def _all_questions() -> list[Question]:
    questions = [q for bank in TECHNICAL.values() for q in bank]
    return questions + list(BEHAVIORAL) + list(SYSTEM_DESIGN)


def _normalize_topic(topic: str | None) -> str | None:
    if topic is None or not topic.strip():
        return None
    key = topic.strip().lower().replace("_", "-")
    key = TOPIC_ALIASES.get(key, key)
    if key not in TECHNICAL:
        raise UnknownInterview(
            f"no technical questions for topic {topic!r}; choose from {interview_topics()}"
        )
    return key


def _bank(kind: str, topic: str | None) -> list[Question]:
    if kind == "behavioral":
        return list(BEHAVIORAL)
    if kind == "system_design":
        return list(SYSTEM_DESIGN)
    if topic is not None:
        return list(TECHNICAL[topic])
    return [q for name in sorted(TECHNICAL) for q in TECHNICAL[name]]


def _intro(state: InterviewState) -> str:
    count = _plural(len(state.question_ids), "question")
    if state.kind == "behavioral":
        return (
            f"Let's do a behavioral interview with {count}. Answer each with a concrete story: "
            "the situation, your task, what you did, and the result."
        )
    if state.kind == "system_design":
        return (
            f"Let's do a system design interview with {count}. Start from the requirements, "
            "estimate the scale, then sketch the components and explain their trade-offs."
        )
    topic = state.topic.replace("-", " ") if state.topic else "mixed topics"
    return (
        f"Let's do a coding interview on {topic} with {count}. Think out loud: describe your "
        "approach, its time and space complexity, and the edge cases you would test."
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _numbered(state: InterviewState, question: Question) -> str:
    return (
        f"Question {state.position + 1} of {len(state.question_ids)} ({question.title}): "
        f"{question.prompt}"
    )


def joined_answers(turns: list[InterviewTurn]) -> str:
    """Everything the candidate said in these turns, one answer per line."""
    return "\n".join(turn.answer for turn in turns if turn.answer)


def _choose_follow_up(
    state: InterviewState,
    question: Question,
    analysis: AnswerAnalysis,
    latest: AnswerAnalysis,
    asked: set[str],
) -> tuple[str, str] | None:
    if len(asked) >= state.max_follow_ups:
        return None
    if latest.gave_up:
        if state.kind == "technical" and _NUDGE not in asked:
            return _NUDGE, _NUDGE_PROMPT
        return None
    for index, follow_up in enumerate(question.follow_ups):
        key = str(index)
        if key not in asked and condition_holds(follow_up.condition, analysis):
            return key, follow_up.prompt
    return None


def _ack(state: InterviewState, latest: AnswerAnalysis) -> str:
    rng = random.Random(f"{state.seed}|{len(state.turns)}")
    if latest.gave_up:
        return "No problem."
    pool = _ACKS_GOOD if latest.concept_fraction >= 0.5 and latest.words >= 15 else _ACKS_NEUTRAL
    return rng.choice(pool)
