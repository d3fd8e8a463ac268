"""Problem generation validated by running code in the real judge: outputs come from the
reference, never the model; failing drafts are rejected; every offline template passes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from coach.generation.request import Limits
from coach.generation.trim import trim
from coach.generation.validate import ProblemRejected, validate
from coach.models import Example, GeneratedProblem, SourceCode
from coach.offline.templates import DIFFICULTIES, TEMPLATES, generate_from
from judging.pipeline import Judge

SUM = "n = int(input())\nprint(sum(map(int, input().split())))\n"
BRUTE = "n = int(input())\nt = 0\nfor v in input().split():\n    t += int(v)\nprint(t)\n"


async def no_progress(stage: str, **details: object) -> None:
    return None


@pytest.fixture
async def judge() -> AsyncIterator[Judge]:
    async with Judge() as j:
        yield j


def draft(reference: str = SUM, **update: object) -> GeneratedProblem:
    problem = GeneratedProblem(
        title="List Total",
        statement="Print the sum of n integers.\n\n## Input\n\nn, then n integers.\n",
        difficulty="easy",
        topics=["arrays", "math"],
        constraints="1 <= n <= 1000",
        examples=[
            Example(input="3\n1 2 3\n", output="7\n", explanation="1 + 2 + 3 = 7"),  # wrong
            Example(input="1\n5\n", output="5\n", explanation="one value"),
        ],
        reference_solution=SourceCode(source=reference),
        brute_force_solution=SourceCode(source=BRUTE),
        test_inputs=["2\n-1 1\n", "4\n0 0 0 0\n", "3\n1000 -1000 7\n", "2\n9 9\n"],
        small_test_count=4,
        hints=["Add them up."],
        time_limit_seconds=1.0,
    )
    return problem.model_copy(update=update)


async def test_wrong_example_output_is_corrected_by_running_the_reference(judge):
    validated = await validate(trim(draft(), Limits()), judge, Limits(), no_progress)
    first, second = validated.problem.examples
    assert first.output == "6\n" and first.explanation is None  # corrected, wrong story dropped
    assert second.output == "5\n" and second.explanation == "one value"
    assert validated.report.corrected_examples == [1]
    assert validated.report.brute_force_checked == 6
    outputs = {t.input: t.output for t in validated.tests}
    assert outputs["2\n-1 1\n"] == "0\n" and outputs["3\n1000 -1000 7\n"] == "7\n"
    assert [t.hidden for t in validated.tests] == [False, False, True, True, True, True]


CRASH = "n = int(input())\nv = list(map(int, input().split()))\nprint(sum(v) // (v[0] + 1))\n"
SLOW = "n = int(input())\nv = input().split()\nwhile n == 4:\n    pass\nprint(sum(map(int, v)))\n"
QUIET = "n = int(input())\nv = input().split()\nif n != 4:\n    print(sum(map(int, v)))\n"
OFF_BY_ONE = "n = int(input())\nprint(sum(map(int, input().split())) + (n == 2))\n"


@pytest.mark.parametrize(
    ("reference", "reason"),
    [
        (CRASH, "got RE on test 3"),  # -1 + 1 == 0: ZeroDivisionError
        (SLOW, "got TLE on test 4"),
        (QUIET, "printed nothing on test 4"),
        ("def broken(:\n", "does not compile"),  # the judge syntax-checks Python first
        (OFF_BY_ONE, "brute force and the reference disagree"),
    ],
    ids=["crash", "timeout", "no-output", "syntax-error", "brute-force-disagrees"],
)
async def test_failing_reference_is_rejected(judge, reference, reason):
    with pytest.raises(ProblemRejected) as raised:
        await validate(trim(draft(reference), Limits()), judge, Limits(), no_progress)
    assert reason in raised.value.reason
    assert "Traceback" not in raised.value.reason  # stderr goes to the model only (detail)


async def test_offline_generation_validates_every_template(judge):
    limits = Limits()
    for index, template in enumerate(TEMPLATES):
        difficulty = DIFFICULTIES[index % len(DIFFICULTIES)]
        problem = trim(generate_from(template, difficulty, seed=index), limits)
        validated = await validate(problem, judge, limits, no_progress)
        report = validated.report
        assert report.tests >= limits.min_tests, template.id
        assert report.brute_force_checked >= 3, template.id
        assert all(e.output and e.output.strip() for e in validated.problem.examples)
        assert not report.corrected_examples  # templates never write outputs themselves
        assert sum(len(t.input.encode()) for t in validated.tests) <= limits.max_total_bytes
        assert len(validated.tests) <= limits.max_tests
