"""Scoring a coach interview when it ends: the provider writes the feedback, stored once.

Kept apart from the conversation's lifecycle because scoring has its own
failure path: a provider that is down or a spent budget leaves the session
"unscored", and ending it again retries.
"""

from __future__ import annotations

from typing import Any

from coach.budget import TokenBudget
from coach.exceptions import CoachError, ProviderError
from coach.intents import FeedbackIntent
from coach.models import InterviewFeedback
from coach.offline import InterviewState
from coach.prompts import feedback_prompt
from coach.providers.base import Provider, Usage
from coach.replies import EmitToUser, safe_emit
from storage.database import Database
from storage.models import CoachSession
from storage.repositories import coach as coach_repo


def interview_state(state: dict[str, Any]) -> InterviewState | None:
    """The offline interview's state stored on a session (None before the first question)."""
    raw = state.get("interview")
    return InterviewState.model_validate(raw) if raw else None


def feedback_event(row: CoachSession) -> dict[str, Any]:
    """The `ai:feedback` payload for a session whose feedback is stored."""
    return {"session_id": row.id, "kind": "interview", "feedback": row.feedback}


class InterviewScorer:
    """Produces, stores and sends an ended interview's feedback."""

    def __init__(
        self, db: Database, provider: Provider, emit: EmitToUser, budget: TokenBudget
    ) -> None:
        self.db = db
        self.provider = provider
        self.emit = emit
        self.budget = budget

    async def score_ended(self, row: CoachSession) -> dict[str, Any]:
        """Score an ended, unscored interview; returns what the end ack gets from it.

        On success `{feedback}` (sent as `ai:feedback` when this call stored it);
        when scoring fails the session moves to "unscored" and the result says why.
        """
        try:
            feedback = (await self.score(row)).model_dump(mode="json")
        except CoachError as exc:
            async with self.db.session() as session:
                await coach_repo.move_session(
                    session, row.id, row.user_id, src="ended", dst="unscored"
                )
            return {"status": "unscored", "feedback": None, "unscored": exc.payload()}
        async with self.db.session() as session:
            if await coach_repo.store_feedback(session, row.id, feedback):
                row.feedback = feedback
                await safe_emit(self.emit, "ai:feedback", feedback_event(row), row.user_id)
            else:  # the last answer's reply scored it meanwhile
                row = await coach_repo.get_own_session(session, row.id, row.user_id)
        return {"feedback": row.feedback}

    async def score(self, row: CoachSession) -> InterviewFeedback:
        """Ask the provider for the feedback; its tokens are charged to the user."""
        await self.budget.check(row.user_id)
        async with self.db.session() as session:
            history = await coach_repo.history(session, row.id, limit=200)
        intent = FeedbackIntent(interview=interview_state(row.state or {}))
        prompt = feedback_prompt(intent, row.interview_type or "technical", row.company, history)
        usage = Usage()
        try:
            return await self.provider.complete_json(prompt, InterviewFeedback, usage)
        except ProviderError as exc:
            payload = {"session_id": row.id, **exc.payload(), "retryable": True}
            await safe_emit(self.emit, "ai:error", payload, row.user_id)
            raise
        finally:
            await self.budget.charge(row.user_id, usage.tokens)
