"""Authored problems are checked like generated ones: every reference solution is judged.

Before a problem with reference solutions is stored (created or replaced), each
reference runs on every test, hidden ones included, as `codearena problems validate`
does: it must get AC on each test within half the time limit. Otherwise the write is
refused with every failing test listed, so an author never publishes a problem whose
own answer is wrong. A problem without reference solutions is stored as before.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from judging.backend import JudgeBackend
from judging.request import CheckerSpec, JudgeRequest, TestCase
from judging.verdicts import Verdict
from storage.repositories.problems import ProblemDraft

HEADROOM = 0.5
"""A reference may use at most this share of the time limit (as `problems validate`)."""


@dataclass(frozen=True)
class ReferenceFailure:
    language: str
    test: int | None  # 1-based, in the body's order; None for a compile error
    hidden: bool
    verdict: str
    detail: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


class ReferenceRejected(Exception):
    """At least one reference solution failed a test."""

    def __init__(self, failures: list[ReferenceFailure]) -> None:
        super().__init__(f"{len(failures)} failing test(s)")
        self.failures = failures


class CheckerBroken(Exception):
    """The problem's own checker program did not compile, crashed or broke its contract."""

    message = (
        "the checker program failed: it must build, finish within its limits and exit "
        "0 (accept) or 1/2 (reject) on every test"
    )


class CannotValidate(Exception):
    """The judge cannot run here (or not this language), so nothing can be checked."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _request(draft: ProblemDraft, language: str, source: str) -> JudgeRequest:
    fields = draft.fields
    return JudgeRequest(
        language=language,
        source=source,
        tests=[
            TestCase(t.name, t.input.encode(), t.expected.encode(), t.hidden)
            for t in draft.tests or ()
        ],
        time_limit_s=float(fields.get("time_limit", 2.0)),
        memory_limit_mb=int(fields.get("memory_limit", 256)),
        checker=CheckerSpec(
            fields.get("checker", "tokens"),
            dict(fields.get("checker_options", {})),
            source=fields.get("checker_source"),
            language=fields.get("checker_language"),
        ),
        mode="submit",
    )


async def check_references(judge: JudgeBackend, draft: ProblemDraft) -> None:
    """Judge each reference on every test; raise ReferenceRejected listing the failures."""
    if not draft.solutions or not draft.tests:
        return
    if judge.unavailable is not None:
        raise CannotValidate(
            "judge_unavailable",
            f"reference solutions cannot be checked here: {judge.unavailable}",
        )
    statuses = await judge.available_languages()
    for language in sorted(draft.solutions):
        status = statuses.get(language)
        if status is None or not status.available:
            why = status.reason if status else "unknown language"
            raise CannotValidate(
                "language_unavailable",
                f"a {language} reference solution cannot be checked on this server: {why}",
            )
    limit_ms = int(float(draft.fields.get("time_limit", 2.0)) * 1000)
    failures: list[ReferenceFailure] = []
    for language, source in sorted(draft.solutions.items()):
        result = await judge.judge(_request(draft, language, source))
        if result.verdict == Verdict.IE:
            if draft.fields.get("checker") == "custom":
                raise CheckerBroken()
            raise CannotValidate("judge_unavailable", "the judge failed; try again later")
        if result.verdict == Verdict.CE:
            detail = (result.compile_message or "")[:300]
            failures.append(ReferenceFailure(language, None, False, "CE", detail))
            continue
        for report in result.tests:
            number = report.index + 1
            if report.verdict != Verdict.AC:
                failures.append(
                    ReferenceFailure(language, number, report.hidden, str(report.verdict), "")
                )
            elif report.time_ms > HEADROOM * limit_ms:
                failures.append(
                    ReferenceFailure(
                        language,
                        number,
                        report.hidden,
                        "AC",
                        f"too slow: {report.time_ms} ms, over {HEADROOM:.0%} of {limit_ms} ms",
                    )
                )
    if failures:
        raise ReferenceRejected(failures)
