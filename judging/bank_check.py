"""Check a problem bank by judging every reference solution on every test.

A problem passes when each of its reference solutions gets AC on all tests
using at most `headroom` of the time limit, so a bank problem is never
accidentally tight for the language its author used.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from judging.backend import JudgeBackend
from judging.request import CheckerSpec, JudgeRequest, TestCase
from storage.problem_package import ProblemPackage


@dataclass(frozen=True)
class SolutionCheck:
    slug: str
    language: str
    verdict: str
    max_time_ms: int
    limit_ms: int
    problem: str | None = None  # why it failed, if it did

    @property
    def ok(self) -> bool:
        return self.problem is None


def request_for(package: ProblemPackage, language: str, source: str) -> JudgeRequest:
    return JudgeRequest(
        language=language,
        source=source,
        tests=[TestCase(t.name, t.input, t.expected, t.hidden) for t in package.tests],
        time_limit_s=package.time_limit,
        memory_limit_mb=package.memory_limit,
        checker=CheckerSpec(
            package.checker,
            dict(package.checker_options),
            source=package.checker_source,
            language=package.checker_language,
        ),
        mode="submit",
    )


async def check_package(
    judge: JudgeBackend, package: ProblemPackage, *, headroom: float = 0.5
) -> list[SolutionCheck]:
    checks = []
    limit_ms = int(package.time_limit * 1000)
    for language, source in sorted(package.solutions.items()):
        result = await judge.judge(request_for(package, language, source))
        problem = None
        if result.verdict != "AC":
            failing = next((t for t in result.tests if t.verdict != "AC"), None)
            where = f" on test {failing.name or failing.index}" if failing else ""
            problem = f"{result.verdict}{where}"
            if result.compile_message:
                problem += f": {result.compile_message[:300]}"
        elif result.time_ms > headroom * limit_ms:
            problem = f"too slow: {result.time_ms} ms > {headroom:.0%} of {limit_ms} ms"
        checks.append(
            SolutionCheck(
                package.slug, language, str(result.verdict), result.time_ms, limit_ms, problem
            )
        )
    return checks


async def check_bank(
    judge: JudgeBackend,
    packages: Iterable[ProblemPackage],
    *,
    headroom: float = 0.5,
    on_check: Callable[[SolutionCheck], Awaitable[None] | None] | None = None,
) -> list[SolutionCheck]:
    """Every reference of every package; `on_check` sees each result as it lands."""
    results = []
    for package in packages:
        for check in await check_package(judge, package, headroom=headroom):
            results.append(check)
            if on_check is not None:
                maybe = on_check(check)
                if maybe is not None:
                    await maybe
    return results
