"""Judging updates on the wire: event names, payload shapes and rooms (pure shaping)."""

from __future__ import annotations

import json

from judging.events import Compiled, TestFinished
from judging.results import TestReport
from judging.submission_jobs import GaveUp, Judged, Progress
from judging.verdicts import Verdict
from realtime.sockets.code_results import job_for, job_rooms, wire_event
from storage.models import Submission


def test_progress_events() -> None:
    compiled = wire_event(Progress(7, Compiled(True, "", 120)))
    assert compiled == (
        "code:progress",
        {"submission_id": 7, "kind": "compiled", "ok": True, "message": "", "time_ms": 120},
    )
    hidden = TestReport(2, Verdict.WA, 10, 800, True, name="secret", actual="leak")
    event, payload = wire_event(Progress(7, TestFinished(hidden.redacted(), 4)))
    assert event == "code:progress"
    assert payload == {
        "submission_id": 7,
        "kind": "test",
        "total": 4,
        "index": 2,
        "verdict": "WA",
        "time_ms": 10,
        "memory_kb": 800,
        "hidden": True,
    }
    assert "secret" not in json.dumps(payload) and "leak" not in json.dumps(payload)


def test_result_comes_from_the_stored_submission() -> None:
    tests = [{"index": 0, "verdict": "AC"}, {"index": 1, "verdict": "WA", "hidden": True}]
    row = Submission(
        id=9,
        user_id=3,
        mode="submit",
        verdict="WA",
        score=50.0,
        time_ms=31,
        memory_kb=900,
        compile_output=None,
        tests=tests,
    )
    assert wire_event(Judged(row)) == (
        "code:result",
        {
            "submission_id": 9,
            "mode": "submit",
            "verdict": "WA",
            "score": 50.0,
            "time_ms": 31,
            "memory_kb": 900,
            "passed": 1,
            "total": 2,
            "compile_output": None,
            "tests": tests,
            "percentiles": None,  # set on accepted submits only
        },
    )


def test_giving_up_is_a_judge_failed_error() -> None:
    event, payload = wire_event(GaveUp(11))
    assert event == "code:error"
    assert payload["submission_id"] == 11 and payload["code"] == "judge_failed"
    assert payload["message"]


def test_rooms_travel_with_the_job() -> None:
    row = Submission(id=5, user_id=42)
    job = job_for(row, ["user:42", "room:abc"])
    assert job.job_id.startswith("submission:5:")  # unique per job, not per submission id
    assert job.payload == {"submission_id": 5, "user_id": 42, "rooms": ["user:42", "room:abc"]}
    assert job_rooms(job) == ["user:42", "room:abc"]
    bare = job_for(row, [])
    assert job_rooms(bare) == ["user:42"]
