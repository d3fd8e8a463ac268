"""Pure pieces of the coach: the solution guardrail on a stream, JSON repair input, retry
policy and provider retries, offline chunking, context building, generation trimming."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from pydantic import BaseModel

from coach.context import constraints_of, visible_results
from coach.exceptions import CoachError, ProviderError, ProviderNotConfigured, unavailable_error
from coach.generation.request import Limits
from coach.generation.trim import trim
from coach.guardrails import SolutionFilter
from coach.models import InterviewFeedback
from coach.offline.templates import generate
from coach.providers import ProviderConfig, create_provider
from coach.providers.base import Prompt, Provider, RetryPolicy, Usage
from coach.providers.offline import chunks
from coach.providers.structured import InvalidJson, parse_json
from coach.runtime import build_coach
from coach.streams import ActiveStream, StreamRegistry
from storage.models import Submission

SOLUTION = "```python\n" + "".join(f"line{i} = {i}\n" for i in range(12)) + "```\n"
REPLY = f"Look at this:\n{SOLUTION}and a short one:\n```\nx = 1\n```\nDone `inline` ok.\n"


def _stream(text: str, size: int, enabled: bool = True) -> tuple[str, int]:
    guard = SolutionFilter(enabled=enabled)
    out = "".join(guard.feed(text[i : i + size]) for i in range(0, len(text), size))
    return out + guard.finish(), guard.withheld


@pytest.mark.parametrize("size", [1, 2, 3, 7, 50, 10_000])
def test_long_code_blocks_are_withheld_however_the_stream_is_split(size):
    shown, withheld = _stream(REPLY, size)
    assert "line11" not in shown and "line0" not in shown and withheld == 1
    assert "withheld" in shown and "```\nx = 1\n```" in shown  # short blocks pass
    assert shown.startswith("Look at this:\n") and shown.endswith("Done `inline` ok.\n")


def test_solved_problems_pass_code_and_unclosed_blocks_are_judged_at_the_end():
    assert _stream(REPLY, 5, enabled=False) == (REPLY, 0)
    cut, withheld = _stream("Try:\n" + SOLUTION[:-4], 4)  # the stream stops mid-block
    assert "line5" not in cut and withheld == 1
    short, _ = _stream("Try:\n```\na = 1\n", 3)
    assert short == "Try:\n```\na = 1\n"


def test_plain_text_passes_through_immediately():
    guard = SolutionFilter()
    assert guard.feed("Hello") == "Hello" and guard.feed(" wor") == " wor"
    assert guard.feed("ld\n``") == "ld\n"  # a possible fence is held back...
    assert guard.feed("not a fence") == "``not a fence"  # ...until it is clearly not one


class Feedback(BaseModel):
    score: int


def test_parse_json_accepts_fences_and_explains_failures():
    assert parse_json('Sure!\n```json\n{"score": 3}\n```', Feedback).score == 3
    assert parse_json('prefix {"score": 4} suffix', Feedback).score == 4
    with pytest.raises(InvalidJson, match="no JSON object"):
        parse_json("no braces here", Feedback)
    with pytest.raises(InvalidJson, match="not valid JSON"):
        parse_json("{score: 3}", Feedback)
    with pytest.raises(InvalidJson, match="score"):
        parse_json('{"score": "many"}', Feedback)
    with pytest.raises(InvalidJson, match="less than or equal to 10"):
        parse_json('{"score": 11}', InterviewFeedback)


def test_retry_policy_backs_off_with_a_cap():
    policy = RetryPolicy(retries=4, backoff=1, max_backoff=5)
    assert [policy.delay(k, None) for k in range(5)] == [1, 2, 4, 5, None]
    assert policy.delay(0, 3) == 3  # the provider's Retry-After when longer
    assert policy.delay(0, 60) is None  # too long to wait: report it instead


class Scripted(Provider):
    """Fails with the scripted errors first, then streams."""

    name = "scripted"

    def __init__(self, errors: list[ProviderError], policy: RetryPolicy) -> None:
        super().__init__("scripted-model", policy)
        self.errors = errors
        self.calls = 0

    async def _stream_once(self, prompt: Prompt) -> AsyncIterator[str]:  # type: ignore[override]
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        for piece in ("a", "b"):
            yield piece


async def test_provider_retries_retryable_errors_then_reports():
    fast = RetryPolicy(retries=2, backoff=0.01)
    ok = Scripted([unavailable_error("HTTP 503"), unavailable_error("HTTP 502")], fast)
    usage = Usage()
    assert await ok.complete(Prompt(system="s" * 40), usage) == "ab"
    assert ok.calls == 3 and usage.calls == 3 and usage.tokens == 31  # (3*40 + 2) / 4
    down = Scripted([unavailable_error("x")] * 3, fast)
    with pytest.raises(ProviderError, match="unavailable"):
        await down.complete(Prompt(system="s"))
    assert down.calls == 3
    refused = Scripted([ProviderError("ai_rejected", "bad key")], fast)
    with pytest.raises(ProviderError, match="bad key"):
        await refused.complete(Prompt(system="s"))
    assert refused.calls == 1  # not retryable


async def test_a_silent_stream_times_out():
    class Silent(Provider):
        async def _stream_once(self, prompt: Prompt) -> AsyncIterator[str]:  # type: ignore[override]
            await asyncio.sleep(10)
            yield "late"

    with pytest.raises(ProviderError) as raised:
        await Silent("m", RetryPolicy(timeout=0.05, retries=0)).complete(Prompt(system="s"))
    assert raised.value.code == "ai_timeout"


def test_offline_chunks_rebuild_the_text():
    text = "Hello  world,\nthis is\tthe offline coach.\n\n- item\n"
    pieces = chunks(text)
    assert "".join(pieces) == text and len(pieces) == 3


def test_missing_keys_give_a_clear_error_and_an_unavailable_coach():
    with pytest.raises(ProviderNotConfigured, match="OPENAI_API_KEY"):
        create_provider(ProviderConfig(provider="openai"))
    with pytest.raises(ProviderNotConfigured, match="GEMINI_API_KEY"):
        create_provider(ProviderConfig(provider="gemini"))
    assert create_provider(ProviderConfig()).name == "offline"
    coach = build_coach(
        None,  # type: ignore[arg-type]
        ProviderConfig(provider="openai"),
        emit=None,  # type: ignore[arg-type]
        judge=lambda: None,  # type: ignore[arg-type,return-value]
        contest_guard=lambda: None,
        daily_tokens=0,
    )
    assert coach.status.startswith("unavailable") and "OPENAI_API_KEY" in coach.status


async def test_unavailable_provider_reports_every_call():
    coach = build_coach(
        None,  # type: ignore[arg-type]
        ProviderConfig(provider="gemini"),
        emit=None,  # type: ignore[arg-type]
        judge=lambda: None,  # type: ignore[arg-type,return-value]
        contest_guard=lambda: None,
        daily_tokens=0,
    )
    with pytest.raises(ProviderError) as raised:
        await coach.provider.complete(Prompt(system="s"))
    assert raised.value.code == "ai_not_configured"


def test_context_keeps_visible_tests_only():
    row = Submission(
        verdict="WA",
        tests=[
            {
                "index": 0,
                "verdict": "AC",
                "hidden": False,
                "name": "01",
                "input": "1 2\n",
                "expected": "3\n",
                "actual": "3\n",
            },
            {"index": 1, "verdict": "WA", "hidden": True, "time_ms": 1, "memory_kb": 1},
            {"index": 2, "verdict": "WA", "name": "x", "input": "no hidden flag"},
        ],
    )
    results = visible_results(row)
    assert [r.name for r in results] == ["01"] and results[0].expected == "3\n"
    compile_error = Submission(verdict="CE", compile_output="Main.java:3: error", tests=[])
    assert visible_results(compile_error)[0].verdict == "CE"


def test_constraints_are_read_from_the_statement():
    bank = "# T\n\nStory.\n\n## Constraints\n\n- `1 ≤ n ≤ 10^5`\n\n## Examples\n\n1\n"
    assert constraints_of(bank) == "- `1 ≤ n ≤ 10^5`"
    bold = "Story.\n\n**Constraints**\n\nn <= 100\n\n**Note**\n\nx"
    assert constraints_of(bold) == "n <= 100"
    assert constraints_of("no section") == ""


def test_trim_keeps_examples_small_tests_and_a_few_large_ones():
    problem = generate("arrays", "hard", seed=5)
    limits = Limits(max_large_tests=1, max_input_bytes=64 * 1024)
    trimmed = trim(problem, limits)
    assert trimmed.examples == problem.examples
    assert all(len(t.encode()) <= limits.max_input_bytes for t in trimmed.test_inputs)
    large = trimmed.test_inputs[trimmed.small_test_count :]
    assert len(large) <= 1 and len(trimmed.examples) + len(trimmed.test_inputs) <= 14
    assert not set(e.input for e in trimmed.examples) & set(trimmed.test_inputs)


@pytest.mark.parametrize(("asked", "kept"), [(1000.0, 10.0), (0.01, 0.5), (2.0, 2.0)])
def test_trim_clamps_a_models_time_limit(asked, kept):
    """Validation runs the reference under this limit: a model's 1000 s must not reach the judge."""
    problem = generate("arrays", "easy", seed=1).model_copy(update={"time_limit_seconds": asked})
    assert trim(problem, Limits()).time_limit_seconds == kept


async def test_closing_the_coach_stops_conversation_streams(tmp_path):
    """Shutdown cancels the replies the conversations started (they share one registry)."""
    from coach.streams import ActiveStream
    from storage.database import Database

    async def emit(event, payload, user_id) -> None:
        return None

    db = Database(f"sqlite+aiosqlite:///{tmp_path}/c.db")
    coach = build_coach(
        db, ProviderConfig(), emit, judge=lambda: None, contest_guard=lambda: None, daily_tokens=0
    )
    streams = coach.conversations.streams
    assert streams.reserve(1)
    stream = streams.start(ActiveStream(1, 1, 1), asyncio.sleep(3600))
    await coach.close()
    await db.close()
    assert stream.task is not None and stream.task.cancelled()


async def test_registry_refuses_work_once_closed():
    """After shutdown began nobody would cancel a new task, so none may start."""
    registry = StreamRegistry()
    await registry.close()

    async def work() -> None:
        raise AssertionError("must never run")

    job = work()
    with pytest.raises(CoachError) as refused:
        registry.spawn(job, name="late")
    assert refused.value.code == "shutting_down" and job.cr_frame is None  # closed, not leaked
    stream = ActiveStream(session_id=1, message_id=1, user_id=1)
    job = work()
    with pytest.raises(CoachError):
        registry.start(stream, job)
    assert stream.task is None and registry.get(1) is None


TILDE_SOLUTION = "~~~~python\n" + "".join(f"t{i} = {i}\n" for i in range(8)) + "~~~\n~~~~\n"
INDENTED_SOLUTION = (
    "".join(f"    i{i} = {i}\n" for i in range(4))
    + "\n"
    + "".join(f"\tj{i} = {i}\n" for i in range(4))
)


@pytest.mark.parametrize("size", [1, 3, 8, 10_000])
def test_tilde_fences_and_indented_code_are_withheld_too(size):
    # A ~~~~ fence is closed only by ~~~~ or longer: the "~~~" line is inside it.
    shown, withheld = _stream(f"Here:\n{TILDE_SOLUTION}after\n", size)
    assert "t0" not in shown and "t7" not in shown and withheld == 1
    assert shown.startswith("Here:\n") and shown.endswith("after\n")
    # Indented code (after a blank line), with a blank line inside the block.
    shown, withheld = _stream(f"Code:\n\n{INDENTED_SOLUTION}\nThat's it.\n", size)
    assert "i0" not in shown and "j3" not in shown and withheld == 1
    assert shown.startswith("Code:\n\n") and shown.endswith("\nThat's it.\n")
    # Short indented code passes; so does a long nested list and a lazy continuation.
    short = "See:\n\n    x = 1\n    y = 2\n\ndone\n"
    assert _stream(short, size) == (short, 0)
    nested = "Steps:\n\n" + "".join(f"    - step {i} explained at length\n" for i in range(9))
    assert _stream(nested, size) == (nested, 0)
    lazy = "A paragraph\n" + "".join(f"    continued {i}\n" for i in range(9))
    assert _stream(lazy, size) == (lazy, 0)
