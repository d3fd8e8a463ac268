"""POST /api/problems/generate with a model behind the real OpenAI SDK: a draft whose
reference crashes is regenerated, a wrong example output is corrected, only the
validated problem is stored, private, and nothing secret is returned."""

from __future__ import annotations

import json

import pytest

from coach.models import GeneratedProblem
from tests.coach.loopback import Reply
from tests.coach.test_generation import CRASH, SUM, draft


@pytest.fixture
def provider() -> str:
    return "openai"  # generation through one SDK is enough; both are tested for streaming


def _model_answer(problem: GeneratedProblem) -> Reply:
    text = problem.model_dump_json()
    return Reply(tokens=[text[i : i + 200] for i in range(0, len(text), 200)])


async def test_generate_endpoint_stores_only_a_validated_problem(model, http, make_account_on):
    crashing = draft(CRASH + "# REF-MARK-1\n")
    good = draft(SUM + "# REF-MARK-2\n")
    model.queue(_model_answer(crashing), _model_answer(good))
    me, other = await make_account_on(), await make_account_on()
    body = {"topic": "arrays", "difficulty": "easy", "skill_level": "beginner"}
    resp = await http.post("/api/problems/generate", json=body, headers=me.headers)
    assert resp.status == 201, await resp.text()
    raw = await resp.text()
    out = json.loads(raw)
    problem, validation = out["problem"], out["validation"]
    assert validation["attempts"] == 2 and validation["corrected_examples"] == [1]
    assert problem["source"] == "ai" and problem["visibility"] == "private"
    assert problem["author_id"] == me.id and problem["difficulty"] == "easy"
    assert [e["output"] for e in problem["examples"]] == ["6\n", "5\n"]
    assert "REF-MARK" not in raw and "1000 -1000 7" not in raw  # no reference, no hidden tests
    assert "## Constraints" in problem["statement"]
    assert "the reference solution got RE on test 3" in model.prompts[1]  # fed back to the model

    mine = await http.get(f"/api/problems/{problem['slug']}", headers=me.headers)
    assert mine.status == 200
    theirs = await http.get(f"/api/problems/{problem['slug']}", headers=other.headers)
    assert theirs.status == 404

    model.queue(*[_model_answer(crashing)] * 3)
    failed = await http.post("/api/problems/generate", json=body, headers=me.headers)
    assert failed.status == 422
    error = (await failed.json())["error"]
    assert error["code"] == "generation_failed" and "REF-MARK" not in error["message"]
