"""The coach's full reply text for hint, review and interview modes."""

from __future__ import annotations

import textwrap

from coach.models import CoachContext, InterviewFeedback, VisibleTestResult
from coach.offline.render import compose, render_feedback, reply, review

CODE = textwrap.dedent(
    """\
    n = int(input())
    a = list(map(int, input().split()))
    best = 0
    for i in range(n):
        for j in range(i, n):
            best = max(best, sum(a[i:j + 1]))
    print(best)
    """
)


def context(**changes) -> CoachContext:
    base = {
        "problem_title": "Best Streak",
        "problem_statement": "Find the largest sum of a contiguous run.",
        "hints": ["Think about the best run ending at i.", "Would you extend a negative sum?"],
        "constraints": "1 ≤ n ≤ 2·10^5\n-10^9 ≤ a_i ≤ 10^9",
        "code": CODE,
        "tests": [
            VisibleTestResult(
                name="Example 1", verdict="AC", input="3\n1 2 3\n", expected="6\n", actual="6\n"
            ),
            VisibleTestResult(
                name="Example 2", verdict="WA", input="3\n-1 -2 -3\n", expected="-1\n", actual="0\n"
            ),
        ],
    }
    base.update(changes)
    return CoachContext(**base)


def test_hint_mode_gives_one_hint():
    text = reply("hint", context())
    assert text.startswith("**Hint 1:** Think about the best run ending at i.")
    assert "From the problem's hints" in text
    assert "Would you extend" not in text
    result = compose("hint", context(), hints_given=1)
    assert result.hint is not None and result.hint.number == 2


def test_solution_requests_are_refused_with_a_hint():
    text = reply("hint", context(), "Just give me the full solution code please", hints_given=0)
    assert "won't write the solution" in text
    assert "**Hint 1:**" in text
    assert "```" not in text


def test_review_covers_tests_failure_and_complexity():
    text = reply("review", context())
    assert text.startswith("## Review of your Python solution for 'Best Streak'")
    assert "Visible tests: 1 of 2 passed. Failing: Example 2 (WA)." in text
    assert "First difference: Line 1, column 1: expected `-1`, got `0`." in text
    assert "**Complexity: O(n^3)**" in text
    assert "Suggested next step: Think about the best run ending at i." in text


def test_review_explains_a_real_crash(run_python):
    code = "n = int(input())\nvalues = list(map(int, input().split()))\nprint(values[n])\n"
    result = run_python(code, stdin="2\n5 6\n")
    crashed = VisibleTestResult(
        name="Example 1",
        verdict="RE",
        input="2\n5 6\n",
        expected="11\n",
        stderr=result.stderr,
        exit_code=result.returncode,
    )
    text = reply("review", context(code=code, tests=[crashed]))
    assert "**Runtime error: IndexError on line 3**" in text
    assert "Failing line: `print(values[n])`" in text


def test_review_of_solved_problem():
    solved = context(
        code="import sys\nd=sys.stdin.read().split()\nprint(max(map(int,d[1:])))\n",
        tests=[VisibleTestResult(name="Example 1", verdict="AC", expected="3\n", actual="3\n")],
        solved=True,
    )
    text = review(solved)
    assert "The problem is solved." in text
    assert "**Complexity: O(n)**" in text
    assert "different approach" in text


def test_review_without_code_or_tests():
    text = review(CoachContext(problem_title="X"))
    assert "No visible test results yet" in text
    assert "no code yet" in text


def test_focused_questions():
    ctx = context()
    assert "**Complexity: O(n^3)**" in reply("hint", ctx, "Why is my code so slow? I get TLE")
    assert reply("review", ctx, "why is my answer wrong on example 2?").startswith(
        "**Example 2** (WA)"
    )
    no_crash = reply("hint", ctx, "what does this error mean?")
    assert no_crash.startswith("None of your visible test results shows a crash.")
    glossary = reply("hint", ctx, "What is a prefix sum?")
    assert glossary.startswith("**prefix sums**")
    edges = reply("hint", ctx, "what edge cases should I test?")
    assert "n = 1" in edges


def test_same_input_same_reply():
    assert reply("review", context()) == reply("review", context())


def test_interview_mode_round_trip():
    first = compose("interview", interview_kind="technical", interview_topic="stacks", seed=5)
    assert first.interview is not None and "Question 1 of 3" in first.text
    state = first.interview
    turns = 0
    result = first
    while result.feedback is None and turns < 20:
        result = compose(
            "interview",
            question="A stack; push opening brackets, pop and match. O(n).",
            interview=state,
        )
        state = result.interview
        turns += 1
    assert result.feedback is not None
    assert "That's the end of the interview" in result.text
    assert f"## Interview feedback: {result.feedback.score}/10" in result.text


def test_interview_can_be_ended_early():
    started = compose("interview", interview_kind="behavioral", seed=1)
    ended = compose("interview", question="end interview", interview=started.interview)
    assert ended.feedback is not None
    assert ended.interview.finished
    assert "No real answer" in ended.text


def test_render_feedback():
    text = render_feedback(
        InterviewFeedback(
            score=7, strengths=["Clear"], improvements=["Edge cases"], improvement_areas=["edges"]
        )
    )
    assert text.splitlines()[0] == "## Interview feedback: 7/10"
    assert "Strengths:\n- Clear" in text
    assert "To improve:\n- Edge cases" in text
    assert "Focus areas: edges." in text
