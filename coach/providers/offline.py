"""The built-in offline coach behind the provider interface: no network, deterministic.

It answers from the prompt's intent (see `coach.intents`) with `coach.offline`
and streams the reply text in small chunks, so clients see the same
`ai:token` flow as with a model.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from typing import TypeVar

from pydantic import BaseModel

from coach.exceptions import CoachError, ProviderError
from coach.intents import DesignIntent, FeedbackIntent, NarrativeIntent, ProblemIntent, ReplyIntent
from coach.learning.narrative import offline_narrative
from coach.models import DesignEvaluation, GeneratedProblem, InterviewFeedback
from coach.offline import UnknownTopic, compose, finish_interview, generate
from coach.offline.templates import TEMPLATES, normalize_topic
from coach.providers.base import Prompt, Provider, RetryPolicy, Usage
from designs.rubric import review

T = TypeVar("T", bound=BaseModel)
_WORD = re.compile(r"\S+\s*|\s+")
WORDS_PER_CHUNK = 3


def chunks(text: str, words: int = WORDS_PER_CHUNK) -> list[str]:
    """Split text into pieces of a few words each; joined they give `text` back exactly."""
    pieces = _WORD.findall(text)
    return ["".join(pieces[i : i + words]) for i in range(0, len(pieces), words)]


class OfflineProvider(Provider):
    """See the module docstring. delay: seconds between chunks (0: just yield to the loop)."""

    name = "offline"
    metered = False

    def __init__(self, policy: RetryPolicy | None = None, delay: float = 0.0) -> None:
        super().__init__("offline-coach", policy)
        self.delay = delay

    async def _stream_once(self, prompt: Prompt) -> AsyncIterator[str]:  # type: ignore[override]
        text = self._text(prompt)
        for piece in chunks(text):
            yield piece
            await asyncio.sleep(self.delay)  # a cancellation point between chunks

    def _text(self, prompt: Prompt) -> str:
        intent = prompt.intent
        if isinstance(intent, ReplyIntent):
            reply = compose(
                intent.mode,
                intent.context,
                intent.question,
                hints_given=intent.hints_given,
                interview=intent.interview,
                interview_kind=intent.interview_kind,
                interview_topic=intent.interview_topic,
                seed=intent.seed,
            )
            intent.outcome.interview = reply.interview
            intent.outcome.feedback = reply.feedback
            intent.outcome.hint_number = reply.hint.number if reply.hint else None
            return reply.text
        if isinstance(intent, NarrativeIntent):
            return offline_narrative(intent.plan)
        raise ProviderError("ai_unsupported", "the offline coach cannot answer this request")

    async def complete_json(self, prompt: Prompt, schema: type[T], usage: Usage | None = None) -> T:
        intent = prompt.intent
        if isinstance(intent, FeedbackIntent) and schema is InterviewFeedback:
            if intent.interview is None:
                raise ProviderError("ai_unsupported", "no interview to score")
            result: BaseModel = finish_interview(intent.interview)
        elif isinstance(intent, ProblemIntent) and schema is GeneratedProblem:
            result = generate_offline(intent)
        elif isinstance(intent, DesignIntent) and schema is DesignEvaluation:
            result = review_offline(intent)
        else:
            raise ProviderError("ai_unsupported", "the offline coach cannot answer this request")
        if usage is not None:
            usage.calls += 1
            usage.prompt_chars += prompt.size
            usage.output_chars += len(result.model_dump_json())
        return result  # type: ignore[return-value]


def review_offline(intent: DesignIntent) -> DesignEvaluation:
    """The design's rubric matched against the drawing (designs.rubric)."""
    problem = intent.problem
    found = review(intent.graph, problem.components, problem.connections)
    return DesignEvaluation(
        score=found.score,
        strengths=list(found.strengths),
        improvements=list(found.improvements),
        missing_components=list(found.missing_components),
    )


def generate_offline(intent: ProblemIntent) -> GeneratedProblem:
    """A template problem on the topic (or a focus area), avoiding `avoid_topics`."""
    avoid = {normalize_topic(t) for t in intent.avoid_topics}
    for topic in (intent.topic, *intent.focus_areas):
        key = normalize_topic(topic)
        candidates = [
            t for t in TEMPLATES if (key == t.id or key in t.topics) and not avoid & set(t.topics)
        ]
        if not candidates:
            continue
        template = candidates[intent.seed % len(candidates)]
        try:
            return generate(template.id, intent.difficulty, intent.seed)
        except UnknownTopic:  # pragma: no cover - ids always resolve
            continue
    known = sorted({topic for t in TEMPLATES for topic in t.topics})
    raise CoachError(
        "unknown_topic",
        f"the offline generator has no template for {intent.topic!r} "
        f"(avoiding {', '.join(sorted(avoid)) or 'nothing'}); known topics: {', '.join(known)}",
        status=422,
    )
