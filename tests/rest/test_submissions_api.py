"""Run and submit over REST against the real app, judged by real sandboxed programs."""

from __future__ import annotations

import asyncio

import pytest

GOOD = "a, b = map(int, input().split())\nprint(a + b)\n"
WRONG_ON_NEGATIVES = "a, b = map(int, input().split())\nprint(max(a + b, -10))\n"
GOOD_C = '#include <stdio.h>\nint main(){long a,b;scanf("%ld %ld",&a,&b);printf("%ld\\n",a+b);}\n'
BROKEN_C = "int main( {"
# Only the hidden tests (03 and 04 of the A+B fixture) contain these.
HIDDEN_DATA = ("1000000000 1000000000", "2000000000", "-7 -8", "-15")


@pytest.fixture
def judge_timeout() -> float:
    """How long `?wait=true` waits; a test parametrises it to see the pending answer."""
    return 120.0


@pytest.fixture
def settings(settings, judge_timeout):
    return settings.model_copy(update={"judge_timeout_seconds": judge_timeout})


async def submit(http, account, status: int = 200, wait: bool = True, **body):
    resp = await http.post(
        "/api/submissions",
        params={"wait": "true"} if wait else None,
        json=body,
        headers=account.headers,
    )
    assert resp.status == status, await resp.text()
    return (await resp.json())["submission"]


async def execute(http, account, status: int = 200, **body):
    resp = await http.post(
        "/api/execute", params={"wait": "true"}, json=body, headers=account.headers
    )
    assert resp.status == status, await resp.text()
    return (await resp.json())["submission"]


async def poll_done(http, account, submission_id: int) -> dict:
    """GET the submission until it is judged (the REST client's way to wait)."""
    while True:
        resp = await http.get(f"/api/submissions/{submission_id}", headers=account.headers)
        assert resp.status == 200, await resp.text()
        submission = (await resp.json())["submission"]
        if submission["status"] == "done":
            return submission
        await asyncio.sleep(0.05)


async def test_submit_and_wait_answers_200_with_the_final_result(http, make_account_on, aplusb):
    me = await make_account_on()
    done = await submit(http, me, problem=aplusb, language="python", code=GOOD)
    assert done["status"] == "done" and done["verdict"] == "AC" and done["score"] == 100.0
    assert done["problem"] == aplusb and done["mode"] == "submit" and done["code"] == GOOD
    assert len(done["tests"]) == 4 and done["finished_at"] is not None

    wrong = await submit(http, me, problem=aplusb, language="python", code=WRONG_ON_NEGATIVES)
    assert wrong["verdict"] == "WA" and wrong["score"] == 75.0
    assert [t["verdict"] for t in wrong["tests"]] == ["AC", "AC", "AC", "WA"]

    broken = await submit(http, me, problem=aplusb, language="c", code=BROKEN_C)
    assert broken["verdict"] == "CE" and broken["score"] == 0.0
    assert "error" in broken["compile_output"] and broken["tests"] == []

    compiled = await submit(http, me, problem=aplusb, language="c", code=GOOD_C)
    assert compiled["verdict"] == "AC" and compiled["language"] == "c"


async def test_hidden_test_data_is_never_in_a_response(http, make_account_on, aplusb):
    me = await make_account_on()
    done = await submit(http, me, problem=aplusb, language="python", code=WRONG_ON_NEGATIVES)
    responses = [done]
    resp = await http.get(f"/api/submissions/{done['id']}", headers=me.headers)
    responses.append(await resp.json())
    resp = await http.get("/api/submissions", headers=me.headers)
    responses.append(await resp.json())
    for body in responses:
        text = repr(body)
        assert not [secret for secret in HIDDEN_DATA if secret in text], text
    hidden = [t for t in done["tests"] if t["hidden"]]
    assert len(hidden) == 2
    assert all(set(t) <= {"index", "verdict", "time_ms", "memory_kb", "hidden"} for t in hidden)
    visible = [t for t in done["tests"] if not t["hidden"]]
    assert visible[0]["input"] == "1 2\n" and visible[0]["expected"] == "3\n"


async def test_submit_without_wait_is_202_and_get_follows_it_to_done(http, make_account_on, aplusb):
    me = await make_account_on()
    queued = await submit(
        http, me, status=202, wait=False, problem=aplusb, language="python", code=GOOD
    )
    assert queued["status"] in ("queued", "running") and queued["verdict"] is None
    done = await poll_done(http, me, queued["id"])
    assert done["id"] == queued["id"] and done["verdict"] == "AC"


@pytest.mark.parametrize("judge_timeout", [0.001])
async def test_wait_answers_202_while_the_result_is_still_pending(http, make_account_on, aplusb):
    me = await make_account_on()
    slow = "import time\ntime.sleep(0.5)\n" + GOOD
    pending = await submit(http, me, status=202, problem=aplusb, language="python", code=slow)
    assert pending["status"] != "done" and pending["verdict"] is None
    assert (await poll_done(http, me, pending["id"]))["verdict"] == "AC"


async def test_execute_runs_visible_tests_or_custom_stdin(http, make_account_on, aplusb):
    me = await make_account_on()
    run = await execute(http, me, problem=aplusb, language="python", code=GOOD)
    assert run["mode"] == "run" and run["verdict"] == "AC" and len(run["tests"]) == 2
    assert not any(t["hidden"] for t in run["tests"])

    custom = await execute(
        http, me, language="python", code="print(input()[::-1])", stdin="stressed\n"
    )
    assert custom["problem"] is None and custom["tests"][0]["actual"] == "desserts\n"

    wrong = await execute(http, me, problem=aplusb, language="python", code="print(0)\n")
    assert wrong["verdict"] == "WA"
    queued = await http.post(
        "/api/execute", json={"language": "python", "code": "print(1)"}, headers=me.headers
    )
    assert queued.status == 202


@pytest.mark.parametrize(
    ("path", "body", "status", "code"),
    [
        ("/api/execute", {"language": "cobol", "code": "x"}, 422, "unknown_language"),
        (
            "/api/submissions",
            {"problem": "a-plus-b", "language": "cobol", "code": "x"},
            422,
            "unknown_language",
        ),
        (
            "/api/submissions",
            {"problem": "no-such", "language": "python", "code": "x"},
            404,
            "problem_not_found",
        ),
        (
            "/api/execute",
            {"problem": "no-such", "language": "python", "code": "x"},
            404,
            "problem_not_found",
        ),
        ("/api/submissions", {"language": "python", "code": "x"}, 422, "validation_error"),
        (
            "/api/execute",
            {"language": "python", "code": "x", "mode": "submit"},
            422,
            "validation_error",
        ),
    ],
)
async def test_bad_requests_get_a_json_error(
    http, make_account_on, aplusb, path, body, status, code
):
    me = await make_account_on()
    resp = await http.post(path, params={"wait": "true"}, json=body, headers=me.headers)
    assert resp.status == status, await resp.text()
    assert (await resp.json())["error"]["code"] == code
    listed = await http.get("/api/submissions", headers=me.headers)
    assert (await listed.json())["items"] == []  # nothing was stored


async def test_submissions_need_a_login(http, aplusb):
    body = {"problem": aplusb, "language": "python", "code": GOOD}
    assert (await http.post("/api/submissions", json=body)).status == 401
    assert (await http.post("/api/execute", json=body)).status == 401
    assert (await http.get("/api/submissions")).status == 401
    assert (await http.get("/api/submissions/1")).status == 401


async def test_someone_elses_submission_is_not_found(http, make_account_on, aplusb):
    alice, bob = await make_account_on(), await make_account_on()
    mine = await submit(http, alice, problem=aplusb, language="python", code=GOOD)
    resp = await http.get(f"/api/submissions/{mine['id']}", headers=bob.headers)
    theirs = await resp.json()
    missing = await http.get(f"/api/submissions/{mine['id'] + 1000}", headers=bob.headers)
    assert resp.status == missing.status == 404
    assert theirs["error"]["code"] == (await missing.json())["error"]["code"]
    assert GOOD not in repr(theirs)
    for bad in ("abc", "-1", "9" * 20):
        assert (await http.get(f"/api/submissions/{bad}", headers=bob.headers)).status == 404
    listed = await http.get("/api/submissions", headers=bob.headers)
    assert (await listed.json())["items"] == []


async def test_list_filters_by_problem_verdict_and_mode(http, make_account_on, aplusb):
    me, other = await make_account_on(), await make_account_on()
    ac = await submit(http, me, problem=aplusb, language="python", code=GOOD)
    wa = await submit(http, me, problem=aplusb, language="python", code=WRONG_ON_NEGATIVES)
    run = await execute(http, me, language="python", code="print(input())", stdin="hi\n")
    await submit(http, other, problem=aplusb, language="python", code=GOOD)

    async def ids(**query) -> list[int]:
        resp = await http.get("/api/submissions", params=query, headers=me.headers)
        assert resp.status == 200, await resp.text()
        return [item["id"] for item in (await resp.json())["items"]]

    assert await ids() == [run["id"], wa["id"], ac["id"]]  # newest first, mine only
    assert await ids(problem=aplusb) == [wa["id"], ac["id"]]
    assert await ids(verdict="AC") == [run["id"], ac["id"]]
    assert await ids(verdict="WA") == [wa["id"]]
    assert await ids(mode="run") == [run["id"]]
    assert await ids(mode="submit", verdict="AC") == [ac["id"]]
    assert await ids(problem="no-such") == []
    assert await ids(per_page="2") == [run["id"], wa["id"]]
    assert await ids(per_page="2", page="2") == [ac["id"]]
    for bad in ({"verdict": "XX"}, {"mode": "debug"}, {"page": "0"}, {"colour": "red"}):
        resp = await http.get("/api/submissions", params=bad, headers=me.headers)
        assert resp.status == 422 and (await resp.json())["error"]["code"] == "validation_error"


async def test_openapi_declares_both_success_statuses(http):
    doc = await (await http.get("/api/openapi.json")).json()
    for path in ("/api/execute", "/api/submissions"):
        assert {"200", "202"} <= set(doc["paths"][path]["post"]["responses"])
