"""Validate a drafted problem by running code in the judge; model-written outputs are not trusted.

1. (optional) the draft's generator program produces extra inputs;
2. the reference solution runs on every input (expected=None): its outputs
   become the expected outputs; a crash, timeout, CE or a run over half the
   time limit rejects the draft;
3. example outputs the model wrote are compared with the reference's; a
   disagreement is corrected (and reported), the reference being the authority;
4. the brute force, when given, runs on the small inputs against those
   outputs; any disagreement rejects the draft.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from coach.exceptions import CoachError
from coach.generation.request import Limits
from coach.generation.trim import normalized
from coach.models import Example, GeneratedProblem, SourceCode
from judging.backend import JudgeBackend
from judging.errors import UnknownLanguage
from judging.request import JudgeRequest, TestCase
from judging.results import DATA_LIMIT, JudgeResult
from judging.verdicts import Verdict

MEMORY_MB = 256
Progress = Callable[..., Awaitable[None]]


class ProblemRejected(Exception):
    """The draft failed validation.

    reason: safe to show the user. detail: extra evidence for the model's next
    attempt only (stderr can quote reference-solution lines, which never leave
    the server).
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ValidatedTest:
    input: str
    output: str
    hidden: bool
    explanation: str = ""


@dataclass
class ValidationReport:
    tests: int = 0
    examples: int = 0
    corrected_examples: list[int] = field(default_factory=list)
    dropped_tests: int = 0
    brute_force_checked: int = 0
    generated_inputs: int = 0
    reference_max_ms: int = 0


@dataclass(frozen=True)
class ValidatedProblem:
    problem: GeneratedProblem  # examples carry the reference's outputs
    tests: list[ValidatedTest]
    report: ValidationReport


def same_tokens(a: str, b: str) -> bool:
    """Whitespace-token equality, the judge's default checker."""
    return a.split() == b.split()


def _truncated(text: str | None) -> bool:
    return text is not None and len(text) > DATA_LIMIT


async def _run(
    judge: JudgeBackend,
    code: SourceCode,
    inputs: Sequence[str],
    expected: Sequence[str] | None,
    time_limit: float,
) -> JudgeResult:
    tests = [
        TestCase(
            f"{i + 1:02d}",
            text.encode(),
            None if expected is None else expected[i].encode(),
            hidden=False,
        )
        for i, text in enumerate(inputs)
    ]
    task = JudgeRequest(
        language=code.language,
        source=code.source,
        tests=tests,
        time_limit_s=time_limit,
        memory_limit_mb=MEMORY_MB,
        mode="submit",
    )
    try:
        result = await judge.judge(task)
    except UnknownLanguage as exc:
        raise ProblemRejected(f"unknown language {code.language!r} for a solution") from exc
    if result.verdict == Verdict.IE:
        raise CoachError(
            "judge_unavailable",
            "the judge failed while validating; try again later",
            retry_after=30,
            status=503,
        )
    return result


async def _generated_inputs(
    judge: JudgeBackend, problem: GeneratedProblem, limits: Limits
) -> list[str]:
    """Run the draft's generator: stdin is a test number, stdout one test input."""
    if not problem.generator_source:
        return []
    code = SourceCode(language="python", source=problem.generator_source)
    numbers = [f"{k}\n" for k in range(1, limits.generated_tests + 1)]
    result = await _run(judge, code, numbers, None, 5.0)
    if result.verdict != Verdict.AC:
        raise ProblemRejected(f"the test generator failed ({result.verdict})")
    return [
        normalized(t.actual or "")
        for t in result.tests
        if t.actual and t.actual.strip() and not _truncated(t.actual)
    ]


def small_set(problem: GeneratedProblem) -> set[str]:
    """Inputs small enough for the brute force: the examples and the first small tests."""
    return {e.input for e in problem.examples} | set(
        problem.test_inputs[: problem.small_test_count]
    )


async def validate(
    problem: GeneratedProblem, judge: JudgeBackend, limits: Limits, progress: Progress
) -> ValidatedProblem:
    """Run the checks in the module docstring; raises ProblemRejected with a reason."""
    report = ValidationReport()
    examples = list(problem.examples)
    if not examples:
        raise ProblemRejected("the problem has no examples")
    extra = await _generated_inputs(judge, problem, limits)
    report.generated_inputs = len(extra)
    example_inputs = [e.input for e in examples]
    rest = [t for t in [*problem.test_inputs, *extra] if t not in example_inputs]
    inputs = (example_inputs + list(dict.fromkeys(rest)))[: limits.max_tests]

    await progress("validating", tests=len(inputs))
    limit = problem.time_limit_seconds
    result = await _run(judge, problem.reference_solution, inputs, None, limit)
    if result.verdict == Verdict.CE:
        raise ProblemRejected(
            "the reference solution does not compile",
            detail=(result.compile_message or "")[:300],
        )
    outputs: list[str | None] = []
    for index, test in enumerate(result.tests):
        label = "example" if index < len(examples) else "test"
        if test.verdict != Verdict.AC:
            raise ProblemRejected(
                f"the reference solution got {test.verdict} on {label} {index + 1}",
                detail=(test.stderr or "").strip()[-300:],
            )
        if test.time_ms > limit * 1000 / 2:
            raise ProblemRejected(
                f"the reference solution took {test.time_ms} ms on {label} {index + 1}, more "
                f"than half the {limit:g} s limit"
            )
        report.reference_max_ms = max(report.reference_max_ms, test.time_ms)
        output = test.actual or ""
        if not output.strip():
            raise ProblemRejected(f"the reference solution printed nothing on {label} {index + 1}")
        if _truncated(output):
            if index < len(examples):
                raise ProblemRejected(f"example {index + 1} has an output too long to show")
            outputs.append(None)  # too big to store: drop the test, keep the problem
            continue
        outputs.append(output)

    fixed: list[Example] = []
    for index, example in enumerate(examples):
        produced = outputs[index] or ""
        if example.output is not None and not same_tokens(example.output, produced):
            report.corrected_examples.append(index + 1)
            # the explanation described the wrong answer, so it goes too
            fixed.append(example.model_copy(update={"output": produced, "explanation": None}))
        else:
            fixed.append(example.model_copy(update={"output": produced}))

    kept = [(text, out) for text, out in zip(inputs, outputs, strict=True) if out is not None]
    report.dropped_tests = len(inputs) - len(kept)
    if len(kept) < limits.min_tests:
        raise ProblemRejected(f"only {len(kept)} usable tests (at least {limits.min_tests} needed)")

    if problem.brute_force_solution is not None and any(t in small_set(problem) for t, _ in kept):
        small = small_set(problem)
        checks = [(text, out) for text, out in kept if text in small][: limits.brute_tests]
        await progress("cross_checking", tests=len(checks))
        brute = await _run(
            judge,
            problem.brute_force_solution,
            [c[0] for c in checks],
            [c[1] for c in checks],
            max(limit, 2.0) * 2,
        )
        if brute.verdict == Verdict.CE:
            raise ProblemRejected("the brute-force solution does not compile")
        for index, test in enumerate(brute.tests):
            if test.verdict != Verdict.AC:
                raise ProblemRejected(
                    f"the brute force and the reference disagree on small test {index + 1} "
                    f"(brute force: {test.verdict})"
                )
        report.brute_force_checked = len(checks)

    example_set = set(example_inputs)
    explanations = {e.input: e.explanation or "" for e in fixed}
    tests = [
        ValidatedTest(
            text, out, hidden=text not in example_set, explanation=explanations.get(text, "")
        )
        for text, out in kept
    ]
    report.tests = len(tests)
    report.examples = len(fixed)
    return ValidatedProblem(problem.model_copy(update={"examples": fixed}), tests, report)
