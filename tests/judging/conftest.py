"""Fixtures for the judging suite: a sandbox and a judge, skipped only where bwrap can't run.

On CI (CI=true) a missing sandbox fails the suite instead of skipping it.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from judging.errors import SandboxUnavailable
from judging.pipeline import Judge
from judging.request import TestCase
from judging.sandbox import Sandbox
from judging.sandbox_policy import SandboxPolicy

ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
HERE = Path(__file__).parent
# Our own unprivileged uid, so host-side checks ("no process of the sandbox uid is left")
# never see other judges running on the same machine (the server's own tests, say).
TEST_UID = 60000 + os.getpid() % 5000
TEST_POLICY = SandboxPolicy(run_uid=TEST_UID, run_gid=TEST_UID)

APLUSB_TESTS = [
    TestCase("01", b"1 2\n", b"3\n"),
    TestCase("02", b"10 -4\n", b"6\n"),
    TestCase("03", b"1000000000 1000000000\n", b"2000000000\n", hidden=True),
    TestCase("04", b"-7 -8\n", b"-15\n", hidden=True),
]


async def started_sandbox(**kwargs: object) -> Sandbox:
    kwargs.setdefault("policy", TEST_POLICY)
    sandbox = Sandbox(**kwargs)  # type: ignore[arg-type]
    try:
        await sandbox.start()
    except SandboxUnavailable as exc:
        if ON_CI:
            pytest.fail(f"sandbox unavailable on CI: {exc}")
        pytest.skip(f"sandbox unavailable here: {exc}")
    return sandbox


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    box = await started_sandbox()
    yield box
    await box.close()


@pytest.fixture
async def judge(sandbox: Sandbox) -> AsyncIterator[Judge]:
    async with Judge(sandbox) as j:
        yield j
