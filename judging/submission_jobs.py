"""Judging one stored submission: the job handler shared by in-process pools and workers.

It loads the submission and its problem's tests from the database, judges it, stores
the result (and links a practice session to its submission) and tells `report`, a plain
callback, what happened as typed updates: Progress as it happens, Judged once per
submission even if two workers judged it after a reclaim, GaveUp when the queue gives
up. What those look like on the wire, and who hears them, is the caller's business
(realtime binds `report` to Socket.IO); the job's payload carries the caller's own
routing data back to it untouched.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from judging.backend import JudgeBackend
from judging.events import Compiled, Event, TestFinished
from judging.queue import JobQueue, QueuedJob
from judging.request import CheckerSpec, JudgeRequest, TestCase
from progress import percentiles, recorder
from progress.board_store import Boards, SqlBoards
from progress.boards import Score
from progress.percentiles import Percentiles
from storage.database import Database
from storage.domain_events import SubmissionJudged
from storage.errors import NotFound
from storage.models import Notification, PracticeSession, Submission
from storage.repositories import events as event_log
from storage.repositories import problems as problem_repo
from storage.repositories import submissions as submission_repo

log = logging.getLogger(__name__)

JUDGING: ContextVar[int | None] = ContextVar("judging_submission", default=None)
"""The submission this task is judging, for log lines (realtime.logs adds it)."""


@dataclass(frozen=True)
class Progress:
    """One step of judging a submission: compiled, or one more test finished."""

    submission_id: int
    step: Compiled | TestFinished


@dataclass(frozen=True)
class Judged:
    """The submission is judged and stored; `submission` is the stored row.

    percentiles: "beats x%" when it is an accepted submit.
    notifications: stored inbox entries its result earned (achievements), to push.
    """

    submission: Submission
    percentiles: Percentiles | None = None
    notifications: tuple[Notification, ...] = ()


@dataclass(frozen=True)
class GaveUp:
    """The queue gave up on the submission: it is stored as IE and should be retried."""

    submission_id: int


SubmissionUpdate = Progress | Judged | GaveUp

Report = Callable[[QueuedJob, SubmissionUpdate], Awaitable[None]]
"""report(job, update): tell whoever waits for the job's submission what happened."""


class SubmissionObserver(Protocol):
    """Someone else who cares about a submission's progress (e.g. its contest room)."""

    async def on_progress(self, submission: Submission, done: int, total: int) -> None: ...

    async def on_judged(self, submission: Submission) -> None: ...


def submission_job(submission_id: int, **context: Any) -> QueuedJob:
    """The queue envelope for judging a stored submission.

    The job id is unique per job, not just per submission: a fresh or restored
    database hands out old submission ids again, and two deployments may share one
    Redis, so a key made of the submission id alone would find an old job's dedupe
    marker or claimed result and the new submission would never be judged.

    context: the caller's own JSON data (e.g. who should hear the result), handed back
        untouched with every report through `job.payload`.
    """
    return QueuedJob(
        job_id=f"submission:{submission_id}:{uuid.uuid4().hex}",
        payload={"submission_id": submission_id, **context},
    )


async def build_request(db: Database, submission: Submission) -> JudgeRequest:
    if submission.problem_id is None or submission.stdin is not None:
        limits = (2.0, 256)
        if submission.problem_id is not None:
            async with db.session() as session:
                problem = await problem_repo.get_problem_by_id(session, submission.problem_id)
                limits = (problem.time_limit, problem.memory_limit)
        test = TestCase("stdin", (submission.stdin or "").encode(), None, hidden=False)
        return JudgeRequest(
            language=submission.language,
            source=submission.code,
            tests=[test],
            time_limit_s=limits[0],
            memory_limit_mb=limits[1],
            mode="run",
        )
    async with db.session() as session:
        problem = await problem_repo.get_problem_by_id(session, submission.problem_id)
        include_hidden = submission.mode == "submit"
        rows = await problem_repo.get_tests(session, problem.id, include_hidden=include_hidden)
    return JudgeRequest(
        language=submission.language,
        source=submission.code,
        tests=[TestCase(t.name, t.input.encode(), t.expected.encode(), t.hidden) for t in rows],
        time_limit_s=problem.time_limit,
        memory_limit_mb=problem.memory_limit,
        checker=CheckerSpec(
            problem.checker,
            dict(problem.checker_options or {}),
            source=problem.checker_source,
            language=problem.checker_language,
        ),
        mode="submit" if include_hidden else "run",
        stop_on_failure=include_hidden and not keeps_partial_score(submission),
    )


def keeps_partial_score(submission: Submission) -> bool:
    """Whether every test must run so the share passed (the score) stays right.

    A submission in a room may count by its partial score (the "score" contest
    format ranks by it), so it runs every test; a practice submit stops at its first
    failure. The room's format lives with the room, which judging does not see, so
    every room submission keeps running everything.
    """
    return submission.room_id is not None


def judged_event(submission: Submission) -> SubmissionJudged:
    return SubmissionJudged(
        submission_id=submission.id,
        user_id=submission.user_id,
        problem_id=submission.problem_id,
        room_id=submission.room_id,
        language=submission.language,
        mode=submission.mode,
        verdict=submission.verdict or "IE",
        score=float(submission.score or 0.0),
        time_ms=int(submission.time_ms or 0),
        memory_kb=int(submission.memory_kb or 0),
    )


class SubmissionJudge:
    """The job handler: `await handler(job)` judges, stores and reports one submission.

    db: where submissions, problems and tests live.
    judge: the backend that judges (local sandbox or Judge0).
    queue: the job queue, for its once-per-job result claim.
    report: awaited with each update; realtime shapes and sends it.
    observer: optional second audience (contest rooms); its failures are only logged.
    """

    def __init__(
        self,
        db: Database,
        judge: JudgeBackend,
        queue: JobQueue,
        report: Report,
        observer: SubmissionObserver | None = None,
        boards: Boards | None = None,
    ) -> None:
        self.db = db
        self.judge = judge
        self.queue = queue
        self.report = report
        self.observer = observer
        self.boards = boards or SqlBoards()

    async def __call__(self, job: QueuedJob) -> None:
        token = JUDGING.set(int(job.payload["submission_id"]))
        try:
            await self._judge(job)
        finally:
            JUDGING.reset(token)  # a queue consumer task goes on to other jobs

    async def _judge(self, job: QueuedJob) -> None:
        submission_id = int(job.payload["submission_id"])
        async with self.db.session() as session:
            try:
                submission = await submission_repo.get_submission(session, submission_id)
            except NotFound:
                log.warning("job %s: submission %s is gone", job.job_id, submission_id)
                return
            if submission.status != "done":
                await submission_repo.mark_running(session, submission_id)
        if submission.status != "done":
            request = await build_request(self.db, submission)
            done = 0

            async def on_event(event: Event) -> None:
                nonlocal done
                if isinstance(event, Compiled | TestFinished):
                    await self.report(job, Progress(submission_id, event))
                if isinstance(event, TestFinished) and self.observer is not None:
                    done += 1
                    await self._observe(self.observer.on_progress(submission, done, event.total))

            result = await self.judge.judge(request, on_event)
            payload = result.as_payload()
            async with self.db.session() as session:
                # Two workers judging one job after a reclaim: the row lock orders them,
                # and only the first to store a result records its progress.
                first_result = await submission_repo.lock_status(session, submission_id) != "done"
                await submission_repo.record_result(
                    session,
                    submission_id,
                    verdict=payload["verdict"],
                    score=payload["score"],
                    tests=payload["tests"],
                    compile_output=payload["compile_message"],
                    time_ms=payload["time_ms"],
                    memory_kb=payload["memory_kb"],
                )
                if submission.session_id is not None and submission.mode == "submit":
                    practice = await session.get(PracticeSession, submission.session_id)
                    if practice is not None and practice.user_id == submission.user_id:
                        practice.submission_id = submission_id
                submission = await submission_repo.get_submission(session, submission_id)
                # Progress (XP, streak, achievements) commits with the result or not at all.
                notes = ()
                scores: list[Score] = []
                if first_result:
                    await event_log.append(
                        session, judged_event(submission), user_id=submission.user_id
                    )
                    outcome = await recorder.record_submit(session, submission)
                    notes = tuple(outcome.notifications)
                    scores = outcome.scores
                beats = await percentiles.of_submission(session, submission)
            await self.boards.apply(scores)  # committed: the boards may show it
        else:
            async with self.db.session() as session:
                beats = await percentiles.of_submission(session, submission)
            notes = ()
        # Stored first, announced once: a worker that dies between the two leaves the
        # job pending; whoever reclaims it finds it done and sends the result.
        if await self.queue.claim_result(job.job_id):
            await self.report(job, Judged(submission, beats, notes))
            if self.observer is not None:
                await self._observe(self.observer.on_judged(submission))

    async def _observe(self, call: Awaitable[None]) -> None:
        """An observer's failure is logged; it never fails the user's judging."""
        try:
            await call
        except Exception:
            log.exception("submission observer failed")

    async def give_up(self, job: QueuedJob, error: BaseException | None) -> None:
        """The queue gave up on a job: tell the user rather than leave them waiting."""
        submission_id = int(job.payload["submission_id"])
        async with self.db.session() as session:
            first_result = await submission_repo.lock_status(session, submission_id) != "done"
            await submission_repo.record_result(
                session,
                submission_id,
                verdict="IE",
                score=0.0,
                tests=[],
                compile_output=None,
                time_ms=0,
                memory_kb=0,
            )
            if first_result:
                submission = await submission_repo.get_submission(session, submission_id)
                await event_log.append(
                    session, judged_event(submission), user_id=submission.user_id
                )
        if await self.queue.claim_result(job.job_id):
            await self.report(job, GaveUp(submission_id))
