"""Code execution for the web process: validate, store, queue, and watch for a result.

Embedded mode judges in this process through the in-memory queue; with
REDIS_URL the job goes on the Redis stream and `codearena worker` processes
judge it and emit straight to the user's room.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import socketio

from judging.languages import LanguageStatus
from judging.queue import JobQueue, create_job_queue
from judging.submission_jobs import SubmissionJudge, SubmissionObserver
from progress import percentiles
from progress.board_store import Boards
from realtime.config import Settings
from realtime.services.judges import make_judge
from realtime.sockets.code_results import job_for, result_payload, socket_reporter
from rooms.events import Emit, user_room
from storage.database import Database
from storage.errors import NotFound
from storage.models import Submission
from storage.repositories import problems as problem_repo
from storage.repositories import sessions as session_repo
from storage.repositories import submissions as submission_repo

log = logging.getLogger(__name__)


class ExecutionRefused(Exception):
    """Why a request to run code was not accepted; `code` is the wire error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ExecutionRequest:
    user_id: int
    role: str
    language: str
    code: str
    mode: str  # run | submit
    problem: str | None = None
    stdin: str | None = None
    session_id: int | None = None
    room_id: str | None = None
    extra_rooms: tuple[str, ...] = ()


def socket_emitter(sio: socketio.AsyncServer | socketio.AsyncRedisManager) -> Emit:
    """emit(event, payload, rooms) over a server or a write-only manager."""

    async def emit(event: str, payload: dict[str, Any], rooms: Sequence[str]) -> None:
        await sio.emit(event, payload, room=list(rooms), namespace="/")

    return emit


OUTAGE_WINDOW = 15.0  # seconds after a pub/sub outage in which new results are re-sent too


class ExecutionService:
    def __init__(
        self,
        settings: Settings,
        db: Database,
        sio: socketio.AsyncServer,
        observer: SubmissionObserver | None = None,
        boards: Boards | None = None,
    ) -> None:
        self.settings = settings
        self.db = db
        self.sio = sio
        self.judge = make_judge(settings)
        self.queue: JobQueue = create_job_queue(settings.redis_url)
        self.emit = socket_emitter(sio)
        self.handler = SubmissionJudge(
            db, self.judge, self.queue, socket_reporter(sio), observer, boards
        )
        self._stop = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._watchdogs: set[asyncio.Task[None]] = set()
        self._outage = asyncio.Event()
        self._outage_until = 0.0

    async def start(self) -> None:
        await self.judge.start()
        if self.judge.unavailable is not None:
            log.warning("judge unavailable, code will not run: %s", self.judge.unavailable)
        if self.settings.redis_url is None:
            self._worker = asyncio.create_task(
                self.queue.run_worker(
                    self.handler, stop=self._stop, on_failure=self.handler.give_up
                )
            )

    async def drain(self) -> None:
        """Stop taking jobs and let in-flight ones finish (within the queue's grace period).

        Called on shutdown before sockets close, so users still get their results.
        """
        self._stop.set()
        if self._worker is not None:
            await self._worker

    async def stop(self) -> None:
        await self.drain()
        for task in list(self._watchdogs):
            task.cancel()
        await self.queue.close()
        await self.judge.close()

    def judge_health(self) -> str:
        """For /api/health: "ok", or why the judge cannot run here."""
        return "ok" if self.judge.unavailable is None else f"unavailable: {self.judge.unavailable}"

    async def languages(self) -> dict[str, LanguageStatus]:
        return await self.judge.available_languages()

    async def submit(
        self, req: ExecutionRequest, charge: Callable[[], Awaitable[None]] | None = None
    ) -> Submission:
        """Validate and queue; raises ExecutionRefused with a wire code on bad requests.

        `charge` (the caller's rate limit) runs once the request is known to be
        valid, so a typo'd problem or language never spends a run or submit token.
        """
        statuses = await self.languages()
        status = statuses.get(req.language)
        if status is None:
            known = ", ".join(sorted(statuses))
            raise ExecutionRefused(
                "unknown_language", f"unknown language {req.language!r} (known: {known})"
            )
        if self.judge.unavailable is not None:
            reason = self.judge.unavailable
            raise ExecutionRefused("judge_unavailable", f"the judge cannot run here: {reason}")
        if not status.available:
            raise ExecutionRefused(
                "language_unavailable",
                f"{status.name} is not available on this server: {status.reason}",
            )
        if req.mode == "submit" and not req.problem:
            raise ExecutionRefused("problem_required", "submit needs a problem")
        async with self.db.session() as session:
            problem_id = None
            if req.problem:
                try:
                    problem = await problem_repo.get_problem(
                        session, req.problem, problem_repo.Viewer(req.user_id, req.role)
                    )
                except NotFound as exc:
                    raise ExecutionRefused("problem_not_found", exc.message) from exc
                problem_id = problem.id
            if req.session_id is not None:
                try:
                    practice = await session_repo.get_own(session, req.session_id, req.user_id)
                except NotFound as exc:
                    raise ExecutionRefused("session_not_found", exc.message) from exc
                if practice.problem_id != problem_id:
                    raise ExecutionRefused("session_mismatch", "the session is for another problem")
            if charge is not None:
                await charge()
            stdin = req.stdin if req.mode == "run" else None
            if problem_id is None and stdin is None:
                stdin = ""
            submission = await submission_repo.create_submission(
                session,
                user_id=req.user_id,
                problem_id=problem_id,
                language=req.language,
                code=req.code,
                mode=req.mode,
                stdin=stdin,
                session_id=req.session_id,
                room_id=req.room_id,
            )
        rooms = [user_room(req.user_id), *req.extra_rooms]
        await self.queue.enqueue(job_for(submission, rooms))
        self._watch(submission.id, rooms)
        return submission

    def note_outage(self) -> None:
        """Redis pub/sub was down, so results published meanwhile may never have reached
        this process's sockets. Each pending submission of this process, and each one made
        in the next OUTAGE_WINDOW seconds, gets its stored result sent again once judged
        (a client may hear a result twice; results are keyed by `submission_id`)."""
        self._outage_until = asyncio.get_running_loop().time() + OUTAGE_WINDOW
        woken, self._outage = self._outage, asyncio.Event()
        woken.set()
        log.warning("Redis pub/sub was interrupted: re-sending stored results of pending runs")

    async def _resend(self, submission: Submission, rooms: list[str]) -> None:
        async with self.db.session() as session:
            beats = await percentiles.of_submission(session, submission)
        payload = result_payload(submission, beats.as_payload() if beats else None)
        await self.emit("code:result", payload, rooms)

    async def _await_outage(self, deadline: float) -> bool:
        """Whether an outage was noted before `deadline` (or the window is still open)."""
        loop = asyncio.get_running_loop()
        if loop.time() < self._outage_until:
            return True
        try:
            await asyncio.wait_for(self._outage.wait(), max(0.0, deadline - loop.time()))
        except TimeoutError:
            return False
        return True

    def _watch(self, submission_id: int, rooms: list[str]) -> None:
        async def watchdog() -> None:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + self.settings.judge_timeout_seconds
            if await self._await_outage(deadline):
                done = await self.wait_done(submission_id, max(0.0, deadline - loop.time()))
                if done is not None:
                    await self._resend(done, rooms)
                    return
            async with self.db.session() as session:
                row = await submission_repo.get_submission(session, submission_id)
            if row.status != "done":
                await self.emit(
                    "code:timeout",
                    {
                        "submission_id": submission_id,
                        "message": "the judge did not answer in time; the result will follow "
                        "if it arrives",
                    },
                    rooms,
                )

        task = asyncio.create_task(watchdog())
        self._watchdogs.add(task)
        task.add_done_callback(self._watchdogs.discard)

    async def wait_done(self, submission_id: int, within: float) -> Submission | None:
        """Poll the database (works whichever process judges) until judged or timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        delay = 0.05
        while True:
            async with self.db.session() as session:
                row = await submission_repo.get_submission(session, submission_id)
            if row.status == "done":
                return row
            if loop.time() >= deadline:
                return None
            await asyncio.sleep(delay)
            delay = min(delay * 1.5, 0.5)
