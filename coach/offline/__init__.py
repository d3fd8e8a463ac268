"""The built-in offline coach: deterministic, no network, no model.

Public entry points, grouped by what the provider layer needs:

- hints: `next_hint`, `hint_ladder`
- failed visible tests: `diagnose`, `explain_failed_test`
- crashes and compile errors: `explain_error`, `render_error`
- speed: `check_complexity`, `render_complexity`
- interviews: `start_interview`, `answer_interview`, `finish_interview`
- replies: `compose`, `reply`, `render_feedback`
- problem generation: `generate`, `list_templates`, `problem_topics`, `fill_example_outputs`
"""

from coach.offline.complexity import ComplexityReport, check_complexity, render_complexity
from coach.offline.diagnosis import Diagnosis, diagnose, explain_failed_test
from coach.offline.error_explanations import ErrorExplanation, explain_error, render_error
from coach.offline.hints import Hint, hint_ladder, next_hint
from coach.offline.mock_interview import InterviewState, UnknownInterview, interview_topics
from coach.offline.mock_interview import answer as answer_interview
from coach.offline.mock_interview import start as start_interview
from coach.offline.mock_interview_feedback import finish as finish_interview
from coach.offline.render import CoachReply, compose, render_feedback, reply
from coach.offline.templates import (
    UnknownTopic,
    fill_example_outputs,
    generate,
    list_templates,
)
from coach.offline.templates import topics as problem_topics

__all__ = [
    "CoachReply",
    "ComplexityReport",
    "Diagnosis",
    "ErrorExplanation",
    "Hint",
    "InterviewState",
    "UnknownInterview",
    "UnknownTopic",
    "answer_interview",
    "check_complexity",
    "compose",
    "diagnose",
    "explain_error",
    "explain_failed_test",
    "fill_example_outputs",
    "finish_interview",
    "generate",
    "hint_ladder",
    "interview_topics",
    "list_templates",
    "next_hint",
    "problem_topics",
    "render_complexity",
    "render_error",
    "render_feedback",
    "reply",
    "start_interview",
]
