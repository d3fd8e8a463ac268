"""Which judge a process uses, from settings: the local sandbox or a Judge0 server."""

from __future__ import annotations

from dataclasses import replace

from judging.backend import JudgeBackend
from judging.judge0 import Judge0Judge
from judging.pipeline import Judge
from judging.sandbox import Sandbox
from judging.sandbox_policy import DEFAULT_POLICY
from realtime.config import Settings


def local_judge(settings: Settings, concurrency: int | None = None) -> Judge:
    """The sandboxed judge (CODEARENA_BWRAP names bubblewrap if not /usr/bin/bwrap).

    concurrency: runs at once (default: CODEARENA_JUDGE_CONCURRENCY, else the core count).
    """
    policy = DEFAULT_POLICY
    if settings.sandbox_bwrap:
        policy = replace(policy, bwrap=settings.sandbox_bwrap)
    sandbox = Sandbox(policy, allow_unsandboxed=settings.allow_unsandboxed)
    return Judge(sandbox, concurrency=concurrency or settings.judge_concurrency)


def make_judge(settings: Settings, concurrency: int | None = None) -> JudgeBackend:
    """The local sandboxed judge, or a Judge0 client when JUDGE_BACKEND=judge0."""
    if settings.judge_backend == "judge0":
        if not settings.judge0_url:
            raise ValueError("JUDGE_BACKEND=judge0 needs JUDGE0_URL")
        token = settings.judge0_token.get_secret_value() if settings.judge0_token else None
        return Judge0Judge(
            settings.judge0_url, auth_token=token, timeout_s=settings.judge_timeout_seconds
        )
    return local_judge(settings, concurrency)
