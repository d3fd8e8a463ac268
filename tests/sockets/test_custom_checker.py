"""A problem with many right answers, judged by its own checker program in the sandbox:
authored over REST (references judged with the checker), submitted over Socket.IO, and
the checker never shown to anyone."""

from __future__ import annotations

from tests.inbox import Inbox
from tests.realtime.test_problems_api import problem_body

CODE_EVENTS = ("code:progress", "code:result", "code:error", "code:timeout")
# Print any x, y >= 0 with x + y = n. The stored answers use x = 0; the checker accepts all.
CHECKER = """# checker-marker-7f3a: never shown
import sys
n = int(open(sys.argv[1]).read())
got = open(sys.argv[2]).read().split()
if len(got) != 2 or not all(t.isdigit() for t in got):
    print("print two non-negative integers")
    sys.exit(1)
if int(got[0]) + int(got[1]) != n:
    print("they do not add up to n")
    sys.exit(1)
"""
HALVES = "n = int(input())\nprint(n // 2, n - n // 2)\n"
ZERO_FIRST = "n = int(input())\nprint(0, n)\n"
OFF_BY_ONE = "n = int(input())\nprint(1, n)\n"
TESTS = [
    {"input": "5\n", "output": "0 5\n", "hidden": False},
    {"input": "10\n", "output": "0 10\n", "hidden": True},
    {"input": "7\n", "output": "0 7\n", "hidden": True},
]


def body(slug: str = "split-any-way", **overrides):
    return problem_body(
        slug,
        **{
            "tests": TESTS,
            "checker": "custom",
            "checker_program": {"language": "python", "source": CHECKER},
            "reference_solutions": {"python": HALVES},
            **overrides,
        },
    )


async def test_any_right_answer_is_accepted_and_the_checker_stays_secret(
    http, connect, make_account_on
):
    author = await make_account_on("author")
    # The reference prints other answers than the stored ones: only the checker passes it.
    resp = await http.post("/api/problems", json=body(), headers=author.headers)
    assert resp.status == 201, await resp.text()
    assert "checker-marker" not in await resp.text()
    resp = await http.post(
        "/api/problems",
        json=body(slug="split-wrong", reference_solutions={"python": OFF_BY_ONE}),
        headers=author.headers,
    )
    assert resp.status == 422
    assert (await resp.json())["error"]["code"] == "reference_rejected"

    learner = await make_account_on()
    for who in (author, learner):
        resp = await http.get("/api/problems/split-any-way", headers=who.headers)
        text = await resp.text()
        assert resp.status == 200 and "checker-marker" not in text
        assert (await resp.json())["problem"]["checker"] == "custom"

    inbox = Inbox()
    sio = await connect(learner.token, on=inbox.handlers(*CODE_EVENTS))
    verdicts = {}
    for name, code in (("zero", ZERO_FIRST), ("halves", HALVES), ("wrong", OFF_BY_ONE)):
        ack = await sio.call(
            "code:execute",
            {"problem": "split-any-way", "language": "python", "code": code, "mode": "submit"},
            timeout=10,
        )
        assert ack["ok"], ack
        result = await inbox.wait_for(
            "code:result", lambda e, sid=ack["submission_id"]: e["submission_id"] == sid, within=60
        )
        verdicts[name] = result["verdict"]
        assert "checker-marker" not in repr(result)
    assert verdicts == {"zero": "AC", "halves": "AC", "wrong": "WA"}


async def test_checker_program_goes_with_checker_custom_only(http, make_account_on):
    author = await make_account_on("author")
    for bad in (
        body(checker_program=None),  # custom without a program
        body(checker="tokens"),  # a program without custom
        body(checker_program={"language": "java", "source": CHECKER}),  # no Java checkers
        body(checker_program={"language": "python", "source": ""}),
        body(checker_program={"language": "python", "source": "x" * (64 * 1024 + 1)}),
        body(checker_program={"language": "python", "source": CHECKER, "extra": 1}),
    ):
        resp = await http.post("/api/problems", json=bad, headers=author.headers)
        assert resp.status == 422, bad
        assert (await resp.json())["error"]["code"]
    learner = await make_account_on()
    resp = await http.post("/api/problems", json=body(), headers=learner.headers)
    assert resp.status == 403
    resp = await http.post(
        "/api/problems",
        json=body(checker_program={"language": "python", "source": "import sys; sys.exit(3)"}),
        headers=author.headers,
    )
    assert resp.status == 422  # a broken checker is the author's to fix
    assert (await resp.json())["error"]["code"] == "checker_failed"
