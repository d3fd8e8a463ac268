"""What a prompt is *for*, in structured form.

Model providers read the rendered prompt text; the offline coach has no
model, so it reads the intent instead (the same way python-socketio's
in-memory manager skips the pub/sub round trip). An intent never holds more
than the prompt does: both are built from the same `CoachContext`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coach.models import CoachContext, CoachMode, Difficulty, InterviewFeedback
from coach.offline.mock_interview import InterviewState
from designs.scene import SceneGraph
from storage.design_package import DesignProblem


@dataclass
class ReplyOutcome:
    """Side results the offline coach reports after a reply (models leave it empty)."""

    interview: InterviewState | None = None
    feedback: InterviewFeedback | None = None
    hint_number: int | None = None


@dataclass
class ReplyIntent:
    """One coach reply in a conversation.

    mode: hint, review or interview. question: the user's message ("" to open an
    interview). hints_given: hints already shown in this session.
    interview: the offline interview's state (None starts one).
    """

    mode: CoachMode
    context: CoachContext = field(default_factory=CoachContext)
    question: str = ""
    hints_given: int = 0
    interview: InterviewState | None = None
    interview_kind: str = "technical"
    interview_topic: str | None = None
    seed: int = 0
    outcome: ReplyOutcome = field(default_factory=ReplyOutcome)


@dataclass(frozen=True)
class FeedbackIntent:
    """Score a finished interview (offline: from its state; models: from the transcript)."""

    interview: InterviewState | None = None


@dataclass(frozen=True)
class ProblemIntent:
    """Generate one problem; `seed` varies the offline templates between attempts."""

    topic: str
    difficulty: Difficulty
    seed: int = 0
    skill_level: str = "intermediate"
    focus_areas: tuple[str, ...] = ()
    avoid_topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class NarrativeIntent:
    """Write the prose around a computed learning path (`plan` is its JSON form)."""

    plan: dict[str, Any]


@dataclass(frozen=True)
class DesignIntent:
    """Review a drawn system design against its problem's rubric."""

    problem: DesignProblem
    graph: SceneGraph


Intent = ReplyIntent | FeedbackIntent | ProblemIntent | NarrativeIntent | DesignIntent
