"""Judging one stored submission: the job handler shared by in-process pools and workers.

It loads the submission and its problem's tests from the database, judges it,
stores the result and reports through `emit`, a plain callback that the caller
binds to Socket.IO (a server in-process, a write-only Redis manager in a
worker). Progress goes out as it happens; the final `code:result` goes out
once per submission even if two workers judged it after a reclaim.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from judging.events import Compiled, Event, Finished, TestFinished
from judging.pipeline import Judge
from judging.queue import JobQueue, QueuedJob
from judging.request import CheckerSpec, JudgeRequest, TestCase
from storage.database import Database
from storage.errors import NotFound
from storage.models import PracticeSession, Submission
from storage.repositories import problems as problem_repo
from storage.repositories import submissions as submission_repo

log = logging.getLogger(__name__)

Emit = Callable[[str, dict[str, Any], Sequence[str]], Awaitable[None]]
"""emit(event, payload, rooms): deliver one server event to Socket.IO rooms."""


class SubmissionObserver(Protocol):
    """Someone else who cares about a submission's progress (e.g. its contest room)."""

    async def on_progress(self, submission: Submission, done: int, total: int) -> None: ...

    async def on_judged(self, submission: Submission) -> None: ...


def job_for(submission: Submission, rooms: Sequence[str]) -> QueuedJob:
    return QueuedJob(
        job_id=f"submission:{submission.id}",
        payload={
            "submission_id": submission.id,
            "user_id": submission.user_id,
            "rooms": list(rooms),
        },
    )


def result_payload(submission: Submission) -> dict[str, Any]:
    """The `code:result` payload from a stored submission (already redacted)."""
    tests = list(submission.tests or [])
    return {
        "submission_id": submission.id,
        "mode": submission.mode,
        "verdict": submission.verdict,
        "score": submission.score,
        "time_ms": submission.time_ms,
        "memory_kb": submission.memory_kb,
        "passed": sum(1 for t in tests if t.get("verdict") == "AC"),
        "total": len(tests),
        "compile_output": submission.compile_output,
        "tests": tests,
    }


async def build_task(db: Database, submission: Submission) -> JudgeRequest:
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
        checker=CheckerSpec(problem.checker, dict(problem.checker_options or {})),
        mode="submit" if include_hidden else "run",
    )


class SubmissionJudge:
    """The job handler: `await handler(job)` judges, stores and reports one submission."""

    def __init__(
        self,
        db: Database,
        judge: Judge,
        queue: JobQueue,
        emit: Emit,
        observer: SubmissionObserver | None = None,
    ) -> None:
        self.db = db
        self.judge = judge
        self.queue = queue
        self.emit = emit
        self.observer = observer

    async def __call__(self, job: QueuedJob) -> None:
        submission_id = int(job.payload["submission_id"])
        rooms = list(job.payload.get("rooms") or [f"user:{job.payload['user_id']}"])
        async with self.db.session() as session:
            try:
                submission = await submission_repo.get_submission(session, submission_id)
            except NotFound:
                log.warning("job %s: submission %s is gone", job.job_id, submission_id)
                return
            if submission.status != "done":
                await submission_repo.mark_running(session, submission_id)
        if submission.status != "done":
            task = await build_task(self.db, submission)
            done = 0

            async def on_event(event: Event) -> None:
                nonlocal done
                await self._progress(submission_id, event, rooms)
                if isinstance(event, TestFinished) and self.observer is not None:
                    done += 1
                    await self._observe(self.observer.on_progress(submission, done, event.total))

            result = await self.judge.judge(task, on_event)
            payload = result.as_payload()
            async with self.db.session() as session:
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
        # Stored first, announced once: a worker that dies between the two leaves the
        # job pending; whoever reclaims it finds it done and sends the result.
        if await self.queue.claim_result(job.job_id):
            await self.emit("code:result", result_payload(submission), rooms)
            if self.observer is not None:
                await self._observe(self.observer.on_judged(submission))

    async def _observe(self, call: Awaitable[None]) -> None:
        """An observer's failure is logged; it never fails the user's judging."""
        try:
            await call
        except Exception:
            log.exception("submission observer failed")

    async def _progress(self, submission_id: int, event: Event, rooms: Sequence[str]) -> None:
        if isinstance(event, Finished):
            return
        if isinstance(event, Compiled | TestFinished):
            await self.emit(
                "code:progress", {"submission_id": submission_id, **event.as_payload()}, rooms
            )

    async def give_up(self, job: QueuedJob, error: BaseException | None) -> None:
        """The queue gave up on a job: tell the user rather than leave them waiting."""
        rooms = list(job.payload.get("rooms") or [f"user:{job.payload.get('user_id')}"])
        submission_id = job.payload.get("submission_id")
        async with self.db.session() as session:
            await submission_repo.record_result(
                session,
                int(submission_id),
                verdict="IE",
                score=0.0,
                tests=[],
                compile_output=None,
                time_ms=0,
                memory_kb=0,
            )
        if await self.queue.claim_result(job.job_id):
            await self.emit(
                "code:error",
                {
                    "submission_id": submission_id,
                    "code": "judge_failed",
                    "message": "the judge could not process this submission; please retry",
                },
                rooms,
            )
