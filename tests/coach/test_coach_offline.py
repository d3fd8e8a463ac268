"""The default offline coach end to end, on real judge results: failed visible tests,
runtime errors, too-slow code, the hint ladder, and an interview to its scored end."""

from __future__ import annotations

import pytest

from realtime.keys import DATABASE
from storage.repositories import problems as problem_repo
from tests.coach.streams import (
    ask,
    call,
    deltas,
    final_token,
    handlers,
    open_practice,
    run_code,
    start,
)
from tests.inbox import Inbox

WRONG = "a, b = map(int, input().split())\nprint(a - b)\n"
CRASH = "values = list(map(int, input().split()))\nprint(values[5])\n"
SLOW = """n, k = map(int, input().split())
a = list(map(int, input().split()))
count = 0
for i in range(n):
    for j in range(i + 1, n):
        if a[i] + a[j] == k:
            count += 1
print(count)
"""
PAIR_HINTS = [
    "Checking every pair is too slow for n = 2·10^5.",
    "For each a_j, which earlier value completes the sum?",
]


@pytest.fixture
async def pair_count(server) -> str:
    draft = problem_repo.ProblemDraft(
        slug="pair-count",
        fields={
            "title": "Pair Count",
            "statement": (
                "Count pairs i < j with a_i + a_j = K.\n\n## Input\n\nn and K, then n integers.\n\n"
                "## Constraints\n\n- `1 ≤ n ≤ 2·10^5`\n- `-10^9 ≤ a_i ≤ 10^9`\n"
            ),
            "difficulty": "easy",
            "hints": PAIR_HINTS,
            "visibility": "public",
        },
        topics=["hashing", "arrays"],
        tests=[
            problem_repo.TestData("01", "4 5\n1 4 2 3\n", "2\n", hidden=False),
            problem_repo.TestData("02", "3 2\n1 1 1\n", "3\n", hidden=False),
            problem_repo.TestData("03", "2 0\n5 -5\n", "1\n", hidden=True),
        ],
        solutions={"python": "print(0)\n"},
    )
    async with server.app[DATABASE].session() as session:
        await problem_repo.create_problem(session, draft, author_id=None, source="bank")
    return "pair-count"


async def _user(connect, make_account_on):
    me = await make_account_on()
    inbox = Inbox()
    return me, inbox, await connect(me.token, on=handlers(inbox))


async def test_failed_visible_test_and_crash_are_explained(connect, make_account_on, aplusb):
    _me, inbox, sio = await _user(connect, make_account_on)
    practice = await open_practice(sio, aplusb, WRONG)
    assert (await run_code(sio, inbox, aplusb, WRONG, session=practice))["verdict"] == "WA"
    session = await start(sio, mode="review", problem=aplusb, session=practice)
    reply = await ask(sio, inbox, session["session_id"], "Why is my answer wrong?")
    text = reply["content"]
    assert "Expected output" in text and "-1" in text and "3" in text
    assert "First difference" in text
    assert len(deltas(inbox, reply["message_id"])) > 3  # streamed in chunks, not in one piece

    assert (await run_code(sio, inbox, aplusb, CRASH))["verdict"] == "RE"
    crash = await ask(sio, inbox, session["session_id"], "What does this error mean?")
    assert "IndexError" in crash["content"]
    assert "index" in crash["content"].lower()


async def test_too_slow_code_is_flagged(connect, make_account_on, pair_count):
    _me, inbox, sio = await _user(connect, make_account_on)
    practice = await open_practice(sio, pair_count, SLOW)
    result = await run_code(sio, inbox, pair_count, SLOW, session=practice)
    assert result["verdict"] == "AC"  # the small visible tests pass...
    session = await start(sio, mode="review", session=practice)
    review = await ask(sio, inbox, session["session_id"], "Please review my solution.")
    text = review["content"]
    assert "Visible tests: 2 of 2 passed" in text
    assert "O(n^2)" in text and "Time Limit Exceeded" in text  # ...but it would time out


async def test_hint_ladder_goes_one_rung_at_a_time(connect, make_account_on, pair_count):
    _me, inbox, sio = await _user(connect, make_account_on)
    session = await start(sio, mode="hint", problem=pair_count)
    first = await ask(sio, inbox, session["session_id"], "I'm stuck")
    second = await ask(sio, inbox, session["session_id"], "another hint please")
    third = await ask(sio, inbox, session["session_id"], "one more")
    assert "**Hint 1:**" in first["content"] and PAIR_HINTS[0] in first["content"]
    assert "**Hint 2:**" in second["content"] and "which earlier value" in second["content"]
    assert "**Hint 3:**" in third["content"]
    refusal = await ask(sio, inbox, session["session_id"], "just give me the full code")
    assert "won't write the solution" in refusal["content"] and "Hint 4" in refusal["content"]


async def test_interview_runs_to_scored_feedback(connect, make_account_on, http):
    me, inbox, sio = await _user(connect, make_account_on)
    session = await start(sio, mode="interview", interview_type="technical")
    sid = session["session_id"]
    opening = await final_token(inbox, session["message_id"])
    assert "Question 1 of" in opening["content"]
    answer = (
        "I would use a hash map from value to index, one pass, so it is O(n) time and O(n) "
        "space instead of the O(n^2) brute force. Edge cases: empty input, duplicates, "
        "negative numbers and no valid answer; I would test those first."
    )
    for _ in range(12):  # questions and follow-ups until the coach closes the interview
        reply = await ask(sio, inbox, sid, answer)
        if "That's the end of the interview" in reply["content"]:
            break
    feedback = (await inbox.wait_for("ai:feedback"))["feedback"]
    assert "Interview feedback" in reply["content"]
    assert 0 < feedback["score"] <= 10 and feedback["strengths"]
    assert set(feedback) == {"score", "strengths", "improvements", "improvement_areas"}
    more = await call(sio, "ai:question", {"session_id": sid, "content": "one more?"})
    assert more["ok"] is False and more["error"]["code"] == "interview_finished"

    ended = await call(sio, "ai:session:end", {"session_id": sid})
    assert ended["ok"] is True and ended["feedback"] == feedback
    # A round trip on the same socket: a second announcement would have arrived first.
    again = await call(sio, "ai:session:end", {"session_id": sid})
    assert again["ok"] is False and again["error"]["code"] == "session_ended"
    assert len(inbox.events["ai:feedback"]) == 1  # scored once, announced once
    resp = await http.get(f"/api/coach/sessions/{sid}", headers=me.headers)
    stored = (await resp.json())["session"]
    assert stored["status"] == "ended" and stored["feedback"] == feedback
    assert stored["interview_type"] == "technical" and stored["provider"] == "offline"
    roles = [m["role"] for m in stored["messages"]]
    assert roles[0] == "assistant" and roles.count("user") == roles.count("assistant") - 1
    assert all(m["status"] == "complete" for m in stored["messages"])
