"""Coach conversations: start, ask, cancel, end. Returns ack data; events go through `emit`.

A session is hint, review or interview. Each question becomes a user message
and a streamed assistant message (see `coach.replies`). Interviews keep their
state on the session and end with scored feedback stored on it
(`coach.interview_scoring`). Contest rules come from `coach.contest_guard`;
replies streaming in another process are stopped by `coach.cross_process_cancel`.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError

from coach.budget import TokenBudget
from coach.contest_guard import ContestGuard, check_contest
from coach.context import build_context
from coach.cross_process_cancel import CrossProcessCancel, Publish
from coach.exceptions import CoachError, stream_in_progress_error
from coach.intents import ReplyIntent
from coach.interview_scoring import InterviewScorer, feedback_event, interview_state
from coach.models import CoachContext, CoachMode
from coach.offline import interview_topics
from coach.prompts import coaching_prompt, interview_prompt
from coach.providers.base import Provider
from coach.replies import EmitToUser, Event, PreparedReply, ReplyStreamer
from coach.streams import ActiveStream, StreamRegistry
from storage.database import Database
from storage.errors import NotFound
from storage.models import CoachSession, Problem
from storage.repositories import coach as coach_repo
from storage.repositories import problems as problem_repo
from storage.repositories import sessions as practice_repo
from storage.repositories import users as user_repo

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 4000
INTERVIEW_TYPES = ("technical", "behavioral", "system_design")


@dataclass(frozen=True)
class StartRequest:
    """`ai:session:start`: mode, the problem (slug) and/or practice session, interview options."""

    mode: CoachMode
    problem: str | None = None
    practice_session: int | None = None
    interview_type: str | None = None
    company: str | None = None


class Conversations:
    """The coach's conversation logic (no sockets: events leave through `emit`).

    contest_guard: returns the current guard or None (looked up per call, since
    the rooms layer may register it after the coach starts).
    """

    def __init__(
        self,
        db: Database,
        provider: Provider,
        emit: EmitToUser,
        budget: TokenBudget,
        contest_guard: Callable[[], ContestGuard | None] = lambda: None,
        streams: StreamRegistry | None = None,
    ) -> None:
        self.db = db
        self.provider = provider
        self.emit = emit
        self.budget = budget
        self.contest_guard = contest_guard
        self.streams = streams if streams is not None else StreamRegistry()  # empty is falsy
        self.streamer = ReplyStreamer(db, provider, emit, budget)
        self.scorer = InterviewScorer(db, provider, emit, budget)
        self.elsewhere = CrossProcessCancel(db)

    @property
    def remote_cancel(self) -> Publish | None:
        """Scaled mode: asks every other process to cancel its stream of a session."""
        return self.elsewhere.publish

    @remote_cancel.setter
    def remote_cancel(self, publish: Publish | None) -> None:
        self.elsewhere.publish = publish

    # ---------------------------------------------------------------- start

    async def start(self, user_id: int, role: str, req: StartRequest) -> dict[str, Any]:
        """Open a session; an interview also starts streaming its first question."""
        kind = req.interview_type or "technical"
        if req.mode == "interview" and kind not in INTERVIEW_TYPES:
            raise CoachError(
                "invalid_interview_type", f"interview_type must be one of {INTERVIEW_TYPES}"
            )
        problem, practice_id = await self._resolve_problem(user_id, role, req)
        if req.mode != "interview" and problem is None:
            raise CoachError(
                "problem_required", f"a {req.mode} session needs a problem or a practice session"
            )
        if problem is not None:
            await self.check_contest(user_id, problem.slug)
        if req.mode == "interview":
            await self.budget.check(user_id)
        state: dict[str, Any] = {"hints_given": 0, "seed": random.randrange(1 << 30)}
        if req.mode == "interview":
            state["interview_topic"] = _interview_topic(problem)
        async with self.db.session() as session:
            row = await coach_repo.create_session(
                session,
                user_id=user_id,
                mode=req.mode,
                problem_id=problem.id if problem else None,
                practice_session_id=practice_id,
                interview_type=kind if req.mode == "interview" else None,
                company=(req.company or None) if req.mode == "interview" else None,
                provider=self.provider.name,
                model=self.provider.model,
                status="active",
                state=state,
            )
        ack: dict[str, Any] = {"session_id": row.id, "mode": row.mode}
        if req.mode == "interview":
            self.streams.reserve(row.id)
            try:
                async with self.db.session() as session:
                    message_id = await _streaming_message(session, row)
                self._launch(row, message_id, "", history=[])
            except BaseException:
                self.streams.release(row.id)
                raise
            ack["message_id"] = message_id
        return ack

    async def _resolve_problem(
        self, user_id: int, role: str, req: StartRequest
    ) -> tuple[Problem | None, int | None]:
        async with self.db.session() as session:
            practice = None
            if req.practice_session is not None:
                try:
                    practice = await practice_repo.get_own(session, req.practice_session, user_id)
                except NotFound as exc:
                    raise CoachError("practice_session_not_found", exc.message, status=404) from exc
            problem = None
            if req.problem:
                try:
                    problem = await problem_repo.get_problem(
                        session, req.problem, problem_repo.Viewer(user_id, role)
                    )
                except NotFound as exc:
                    raise CoachError("problem_not_found", exc.message, status=404) from exc
            if practice is not None:
                if problem is not None and problem.id != practice.problem_id:
                    raise CoachError(
                        "session_mismatch", "the practice session is for another problem"
                    )
                problem = problem or await problem_repo.get_problem_by_id(
                    session, practice.problem_id
                )
            return problem, practice.id if practice else None

    async def check_contest(self, user_id: int, slug: str) -> None:
        """Refuse while the user competes in a running contest with this problem."""
        await check_contest(self.contest_guard(), user_id, slug)

    # ---------------------------------------------------------------- ask

    async def ask(self, user_id: int, session_id: int, content: str) -> dict[str, Any]:
        """Store the question and start streaming the reply; returns the reply's message_id."""
        text = content.strip()
        if not text:
            raise CoachError("empty_question", "the question is empty")
        if len(text) > MAX_QUESTION_CHARS:
            raise CoachError(
                "question_too_long",
                f"questions are limited to {MAX_QUESTION_CHARS} characters ({len(text)} sent)",
            )
        row = await self._own_active(user_id, session_id)
        if row.mode == "interview" and row.feedback is not None:
            raise CoachError(
                "interview_finished",
                "the interview is over; end the session to see the feedback",
                status=409,
            )
        if row.problem_id is not None and self.contest_guard() is not None:
            await self.check_contest(user_id, await self._slug(row.problem_id))
        if not self.streams.reserve(session_id):
            raise stream_in_progress_error()
        try:
            await self.budget.check(user_id)
            async with self.db.session() as session:  # one transaction for both messages
                await self.elsewhere.refuse_if_streaming_elsewhere(session, session_id)
                history = await coach_repo.history(session, session_id)
                await coach_repo.add_message(session, session_id, "user", text)
                message_id = await _streaming_message(session, row)
            self._launch(row, message_id, text, history)
        except BaseException:
            self.streams.release(session_id)
            raise
        return {"message_id": message_id}

    def _launch(
        self, row: CoachSession, message_id: int, question: str, history: list[tuple[str, str]]
    ) -> None:
        """Start streaming into the (stored) assistant message; the slot is already reserved."""
        stream = ActiveStream(session_id=row.id, message_id=message_id, user_id=row.user_id)

        async def prepare() -> PreparedReply:
            return await self._prepare(row, question, history)

        async def finish(prepared: PreparedReply, text: str) -> list[Event]:
            return await self._after_reply(row.id, prepared)

        self.streams.start(stream, self.streamer.run(stream, prepare, finish))

    async def _prepare(
        self, row: CoachSession, question: str, history: list[tuple[str, str]]
    ) -> PreparedReply:
        context, problem = await self._context(row)
        state = row.state or {}
        intent = ReplyIntent(
            mode=row.mode,  # type: ignore[arg-type]
            context=context,
            question=question,
            hints_given=int(state.get("hints_given", 0)),
            interview=interview_state(state),
            interview_kind=row.interview_type or "technical",
            interview_topic=state.get("interview_topic"),
            seed=int(state.get("seed", 0)),
        )
        if row.mode == "interview":
            prompt = interview_prompt(intent, row.company, history)
        else:
            prompt = coaching_prompt(intent, history)
        meta = {"mode": row.mode}
        if problem is not None:
            meta["problem"] = problem.slug
        return PreparedReply(prompt=prompt, solved=context.solved, meta=meta)

    async def _context(self, row: CoachSession) -> tuple[CoachContext, Problem | None]:
        async with self.db.session() as session:
            problem = None
            if row.problem_id is not None:
                # Re-checked on every reply: the problem may have been made private since.
                user = await user_repo.get_user(session, row.user_id)
                viewer = problem_repo.Viewer(row.user_id, user.role)
                try:
                    problem = await problem_repo.get_visible_by_id(session, row.problem_id, viewer)
                except NotFound as exc:
                    raise CoachError(
                        "problem_not_found",
                        "this session's problem is no longer available",
                        status=404,
                    ) from exc
            context = await build_context(
                session, user_id=row.user_id, problem=problem, practice_id=row.practice_session_id
            )
        return context, problem

    async def _after_reply(self, session_id: int, prepared: PreparedReply) -> list[Event]:
        """Advance the session's state after a complete reply; returns events to send."""
        intent = prepared.prompt.intent
        assert isinstance(intent, ReplyIntent)
        outcome = intent.outcome
        events: list[Event] = []
        async with self.db.session() as session:
            row = await session.get(CoachSession, session_id, populate_existing=True)
            if row is None:
                return events
            state = dict(row.state or {})
            if row.mode == "hint":
                state["hints_given"] = outcome.hint_number or int(state.get("hints_given", 0)) + 1
            if outcome.interview is not None:
                state["interview"] = outcome.interview.model_dump(mode="json")
            row.state = state
            if outcome.feedback is not None and row.feedback is None:
                row.feedback = outcome.feedback.model_dump(mode="json")
                events.append(("ai:feedback", feedback_event(row)))
        return events

    # ---------------------------------------------------------------- cancel / end

    async def cancel(self, user_id: int, session_id: int) -> dict[str, Any]:
        """Stop the running reply at once; its partial text is kept and marked cancelled."""
        async with self.db.session() as session:
            try:
                await coach_repo.get_own_session(session, session_id, user_id)
            except NotFound as exc:
                raise CoachError("session_not_found", exc.message, status=404) from exc
        stream = await self.streams.cancel(session_id)
        if stream is not None:
            return {"message_id": stream.message_id, "status": "cancelled", "content": stream.text}
        elsewhere = await self.elsewhere.cancel(session_id)
        if elsewhere is None:
            raise CoachError(
                "no_active_stream",
                "nothing to cancel: no reply is streaming in this session (it may have finished)",
                status=409,
            )
        return elsewhere

    async def end(self, user_id: int, session_id: int) -> dict[str, Any]:
        """Close the session; an unscored interview gets its feedback produced, stored, sent.

        The session is closed before scoring, so it always ends. An interview whose
        scoring fails (provider down, budget spent) is left "unscored", the ack says
        why, and ending it again retries the scoring. Every step is a conditional
        status move, so concurrent ends never score twice.
        """
        row = await self._own(user_id, session_id)
        if row.status == "active":
            await self._stop_stream(session_id)
            src = "active"
        elif row.status == "unscored":
            src = "unscored"
        else:
            raise _ended()
        async with self.db.session() as session:
            if not await coach_repo.move_session(
                session, session_id, user_id, src=src, dst="ended"
            ):
                raise _ended()
            row = await coach_repo.get_own_session(session, session_id, user_id)
        ack: dict[str, Any] = {"session_id": row.id, "status": row.status}
        if row.mode == "interview" and row.feedback is None:
            return {**ack, **await self.scorer.score_ended(row)}
        return {**ack, "feedback": row.feedback}

    async def _stop_stream(self, session_id: int) -> None:
        """Stop a running reply wherever it streams (best effort: ending must not fail)."""
        if await self.streams.cancel(session_id) is not None:
            return
        try:
            await self.elsewhere.cancel(session_id)
        except CoachError as exc:
            log.warning("ending coach session %s: %s", session_id, exc.message)

    # ---------------------------------------------------------------- helpers

    async def _own(self, user_id: int, session_id: int) -> CoachSession:
        async with self.db.session() as session:
            try:
                return await coach_repo.get_own_session(session, session_id, user_id)
            except NotFound as exc:
                raise CoachError("session_not_found", exc.message, status=404) from exc

    async def _own_active(self, user_id: int, session_id: int) -> CoachSession:
        row = await self._own(user_id, session_id)
        if row.status != "active":
            raise _ended()
        return row

    async def _slug(self, problem_id: int) -> str:
        async with self.db.session() as session:
            return (await problem_repo.get_problem_by_id(session, problem_id)).slug

    async def close(self) -> None:
        await self.streams.close()


async def _streaming_message(session: Any, row: CoachSession) -> int:
    """The reply's row; a unique index refuses a second streaming row (another process
    started a reply in this session a moment ago), and the transaction is rolled back."""
    try:
        message = await coach_repo.add_message(
            session, row.id, "assistant", "", status="streaming", meta={"mode": row.mode}
        )
    except IntegrityError as exc:
        raise stream_in_progress_error() from exc
    return message.id


def _ended() -> CoachError:
    return CoachError("session_ended", "this coach session has ended", status=409)


def _interview_topic(problem: Problem | None) -> str | None:
    """A technical interview on a problem asks about the problem's first known topic."""
    if problem is None:
        return None
    known = set(interview_topics())
    return next((t for t in problem.labels_of("topic") if t in known), None)
