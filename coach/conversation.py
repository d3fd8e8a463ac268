"""Coach conversations: start, ask, cancel, end. Returns ack data; events go through `emit`.

A session is hint, review or interview. Each question becomes a user message
and a streamed assistant message (see `coach.replies`). Interviews keep their
state on the session and end with scored feedback stored on it.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError

from coach.budget import TokenBudget
from coach.context import build_context
from coach.exceptions import CoachError, ProviderError
from coach.intents import FeedbackIntent, ReplyIntent
from coach.models import CoachContext, CoachMode, InterviewFeedback
from coach.offline import InterviewState, interview_topics
from coach.prompts import coaching_prompt, feedback_prompt, interview_prompt
from coach.providers.base import Provider, Usage
from coach.replies import Emit, Event, PreparedReply, ReplyStreamer, safe_emit
from coach.streams import ActiveStream, StreamRegistry
from storage.database import Database
from storage.errors import NotFound
from storage.models import CoachSession, Problem, utcnow
from storage.repositories import coach as coach_repo
from storage.repositories import problems as problem_repo
from storage.repositories import sessions as practice_repo
from storage.repositories import users as user_repo

log = logging.getLogger(__name__)

ContestGuard = Callable[[int, str], bool | Awaitable[bool]]
"""guard(user_id, problem_slug) -> may the coach help with it now? (True: yes)"""

MAX_QUESTION_CHARS = 4000
REMOTE_CANCEL_WAIT = 5.0  # seconds a cancel waits for another process to stop its stream
STALE_STREAM = timedelta(minutes=10)  # a "streaming" row this old was left by a dead process
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
        emit: Emit,
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
        # Scaled mode: asks every other process to cancel its stream of a session.
        self.remote_cancel: Callable[[int], Awaitable[None]] | None = None

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
        guard = self.contest_guard()
        if guard is None:
            return
        try:
            allowed = guard(user_id, slug)
            if inspect.isawaitable(allowed):
                allowed = await allowed
        except Exception as exc:  # fail closed: contest integrity over convenience
            log.exception("contest guard failed for user %s, problem %s", user_id, slug)
            raise CoachError(
                "contest_check_failed",
                "could not check contest rules; try again shortly",
                retry_after=10,
                status=503,
            ) from exc
        if not allowed:
            raise CoachError(
                "contest_in_progress",
                "the coach can't help with this problem while you compete in a contest that "
                "includes it; it will be available when the contest ends",
                status=403,
            )

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
            raise _busy()
        try:
            await self.budget.check(user_id)
            async with self.db.session() as session:  # one transaction for both messages
                await self._refuse_if_streaming_elsewhere(session, session_id)
                history = await coach_repo.history(session, session_id)
                await coach_repo.add_message(session, session_id, "user", text)
                message_id = await _streaming_message(session, row)
            self._launch(row, message_id, text, history)
        except BaseException:
            self.streams.release(session_id)
            raise
        return {"message_id": message_id}

    async def _refuse_if_streaming_elsewhere(self, session: Any, session_id: int) -> None:
        """Another process may be streaming this session: its row says so, unless stale."""
        other = await coach_repo.streaming_message(session, session_id)
        if other is None:
            return
        if utcnow() - other.created_at < STALE_STREAM:
            raise _busy()
        await coach_repo.finish_message(
            session,
            other.id,
            content=other.content,
            status="error",
            meta={**(other.meta or {}), "error": {"code": "ai_interrupted"}},
        )

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
            interview=_interview_state(state),
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
                events.append(("ai:feedback", _feedback_event(row)))
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
        elsewhere = await self._cancel_elsewhere(session_id)
        if elsewhere is None:
            raise CoachError(
                "no_active_stream",
                "nothing to cancel: no reply is streaming in this session (it may have finished)",
                status=409,
            )
        return elsewhere

    async def _cancel_elsewhere(self, session_id: int) -> dict[str, Any] | None:
        """Scaled mode: the reply streams in another process; ask it to stop, wait for the row.

        Returns the stopped message as stored, or None when nothing is streaming.
        """
        async with self.db.session() as session:
            other = await coach_repo.streaming_message(session, session_id)
        if other is None or self.remote_cancel is None:
            return None
        if utcnow() - other.created_at >= STALE_STREAM:
            return None  # left by a dead process; the next question clears it
        await self.remote_cancel(session_id)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + REMOTE_CANCEL_WAIT
        while True:
            async with self.db.session() as session:
                message = await coach_repo.get_message(session, other.id)
            if message.status != "streaming":
                return {
                    "message_id": message.id,
                    "status": message.status,
                    "content": message.content,
                }
            if loop.time() >= deadline:
                raise CoachError(
                    "cancel_pending",
                    "the stop request was sent to the server streaming this reply; "
                    "it has not confirmed yet",
                    retry_after=1,
                    status=503,
                )
            await asyncio.sleep(0.05)

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
            try:
                feedback = (await self._score(row)).model_dump(mode="json")
            except CoachError as exc:
                async with self.db.session() as session:
                    await coach_repo.move_session(
                        session, session_id, user_id, src="ended", dst="unscored"
                    )
                return {**ack, "status": "unscored", "feedback": None, "unscored": exc.payload()}
            async with self.db.session() as session:
                if await coach_repo.store_feedback(session, row.id, feedback):
                    row.feedback = feedback
                    await safe_emit(self.emit, "ai:feedback", _feedback_event(row), user_id)
                else:  # the last answer's reply scored it meanwhile
                    row = await coach_repo.get_own_session(session, session_id, user_id)
        return {**ack, "feedback": row.feedback}

    async def _stop_stream(self, session_id: int) -> None:
        """Stop a running reply wherever it streams (best effort: ending must not fail)."""
        if await self.streams.cancel(session_id) is not None:
            return
        try:
            await self._cancel_elsewhere(session_id)
        except CoachError as exc:
            log.warning("ending coach session %s: %s", session_id, exc.message)

    async def _score(self, row: CoachSession) -> InterviewFeedback:
        await self.budget.check(row.user_id)
        async with self.db.session() as session:
            history = await coach_repo.history(session, row.id, limit=200)
        intent = FeedbackIntent(interview=_interview_state(row.state or {}))
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
        raise _busy() from exc
    return message.id


def _ended() -> CoachError:
    return CoachError("session_ended", "this coach session has ended", status=409)


def _busy() -> CoachError:
    return CoachError(
        "stream_in_progress",
        "a reply is still streaming in this session; wait for it or send ai:cancel",
        status=409,
    )


def _interview_state(state: dict[str, Any]) -> InterviewState | None:
    raw = state.get("interview")
    return InterviewState.model_validate(raw) if raw else None


def _interview_topic(problem: Problem | None) -> str | None:
    """A technical interview on a problem asks about the problem's first known topic."""
    if problem is None:
        return None
    known = set(interview_topics())
    return next((t for t in problem.labels_of("topic") if t in known), None)


def _feedback_event(row: CoachSession) -> dict[str, Any]:
    return {"session_id": row.id, "kind": "interview", "feedback": row.feedback}
