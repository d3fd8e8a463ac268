"""Judging results on the wire: `code:progress`, `code:result` and `code:error` events.

Judging reports typed updates (judging.submission_jobs: Progress, Judged, GaveUp);
this module alone decides their event names, payloads and rooms, and sends them. The
web process sends through its Socket.IO server, a `codearena worker` through a
write-only Redis manager; both build their reporter with `socket_reporter`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import socketio

from judging.queue import QueuedJob
from judging.submission_jobs import (
    GaveUp,
    Judged,
    Progress,
    Report,
    SubmissionUpdate,
    submission_job,
)
from realtime.metrics import record_judged
from realtime.schemas.progress import notification_payload
from rooms.events import user_room
from storage.models import Submission

JUDGE_FAILED_MESSAGE = "the judge could not process this submission; please retry"


def job_for(submission: Submission, rooms: Sequence[str]) -> QueuedJob:
    """The queue job for `submission`; its results go to `rooms`."""
    return submission_job(submission.id, user_id=submission.user_id, rooms=list(rooms))


def job_rooms(job: QueuedJob) -> list[str]:
    """Who hears a job's results: its rooms, else its user's tabs (jobs from older servers)."""
    return list(job.payload.get("rooms") or [user_room(job.payload.get("user_id"))])


def progress_payload(update: Progress) -> dict[str, Any]:
    """`code:progress`: the compile step or one finished test (hidden: verdict/time/memory)."""
    return {"submission_id": update.submission_id, **update.step.as_payload()}


def result_payload(
    submission: Submission, percentiles: dict[str, float] | None = None
) -> dict[str, Any]:
    """`code:result` from a stored submission (hidden tests already redacted);
    `percentiles` ("beats x%") is set on accepted submits only."""
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
        "percentiles": percentiles,
    }


def failure_payload(update: GaveUp) -> dict[str, Any]:
    """`code:error` when the queue gave up on a submission."""
    return {
        "submission_id": update.submission_id,
        "code": "judge_failed",
        "message": JUDGE_FAILED_MESSAGE,
    }


def wire_event(update: SubmissionUpdate) -> tuple[str, dict[str, Any]]:
    """(event name, payload) for one judging update."""
    match update:
        case Progress():
            return "code:progress", progress_payload(update)
        case Judged():
            beats = update.percentiles.as_payload() if update.percentiles else None
            return "code:result", result_payload(update.submission, beats)
        case GaveUp():
            return "code:error", failure_payload(update)


def socket_reporter(sio: socketio.AsyncServer | socketio.AsyncRedisManager) -> Report:
    """The `report` callback for judging: emit each update to the job's rooms.

    sio: the web process's server, or a worker's write-only Redis manager.
    """

    async def report(job: QueuedJob, update: SubmissionUpdate) -> None:
        event, payload = wire_event(update)
        await sio.emit(event, payload, room=job_rooms(job), namespace="/")
        if isinstance(update, Judged):
            done = update.submission
            record_judged(done.mode, done.verdict, done.created_at)
            owner = user_room(update.submission.user_id)
            for note in update.notifications:
                await sio.emit("notification:new", notification_payload(note), room=owner)

    return report
