"""Turn the offline coach's analyses into the text of one coach reply.

`compose` returns the whole reply (plus the interview state and feedback
when in interview mode); the provider layer streams the text in chunks,
so nothing here knows about sockets or streaming.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.models import CoachContext, CoachMode, InterviewFeedback, VisibleTestResult
from coach.offline import mock_interview as interviews
from coach.offline import mock_interview_feedback
from coach.offline.complexity import check_complexity, render_complexity
from coach.offline.diagnosis import explain_failed_test
from coach.offline.error_explanations import explain_error, render_error
from coach.offline.glossary import explain_term
from coach.offline.hints import Hint, code_hints, next_hint
from coach.offline.mock_interview import InterviewState
from coach.offline.tracebacks import normalize_language

_WANTS_SOLUTION = re.compile(
    r"(full|whole|complete|entire|working|final) (solution|code|answer|program)|give me the (code|"
    r"solution|answer)"
    r"|write (it|the (code|solution)|the program) for me|solve it for me|just (tell|show|give) me|"
    r"paste the",
    re.I,
)
_ASKS_SPEED = re.compile(
    r"slow|\btle\b|time limit|faster|speed|optimi[sz]|efficien|too long|complexity of (my|this)|"
    r"my (code'?s? )?complexity",
    re.I,
)
_ASKS_ERROR = re.compile(
    r"error|exception|crash|traceback|segfault|segmentation|runtime|stack ?trace|compil|doesn'?t "
    r"(run|compile)",
    re.I,
)
_ASKS_WRONG = re.compile(
    r"wrong|\bwa\b|fail|expected|differ|mismatch|not (pass|accepted|correct)|incorrect", re.I
)
_ASKS_EDGES = re.compile(r"edge case|corner case|what (else )?(should|could) i test", re.I)
_ABOUT_OWN_CODE = re.compile(r"\bmy\b|\bmine\b|this code|my code|\bi\b", re.I)
_LANGUAGE_NAMES = {
    "python": "Python",
    "cpp": "C++",
    "c": "C",
    "java": "Java",
    "javascript": "JavaScript",
}
_WANTS_END = re.compile(r"^\s*(end|stop|finish|quit)( the)?( interview)?\s*[.!]?\s*$", re.I)


@dataclass(frozen=True)
class CoachReply:
    """A complete reply; `interview`/`feedback` are set only in interview mode."""

    text: str
    hint: Hint | None = None
    interview: InterviewState | None = None
    feedback: InterviewFeedback | None = None


def reply(
    mode: CoachMode, context: CoachContext, question: str = "", *, hints_given: int = 0
) -> str:
    """The reply text for hint/review mode (see `compose` for interviews and details)."""
    return compose(mode, context, question, hints_given=hints_given).text


def compose(
    mode: CoachMode,
    context: CoachContext | None = None,
    question: str = "",
    *,
    hints_given: int = 0,
    interview: InterviewState | None = None,
    interview_kind: str = "technical",
    interview_topic: str | None = None,
    seed: int = 0,
) -> CoachReply:
    """Build the coach's reply for one user message.

    mode: "hint" (next step only), "review" (look at the whole attempt) or "interview".
    context: the problem and the user's attempt (not needed for interviews).
    question: what the user typed; in interview mode, the answer to the last question.
    hints_given: hints this user already received for the problem (the hint ladder position).
    interview: the running interview's state; None in interview mode starts a new one
        of `interview_kind` / `interview_topic` chosen by `seed`.
    """
    if mode == "interview":
        return _interview_reply(question, interview, interview_kind, interview_topic, seed)
    context = context or CoachContext()
    if _WANTS_SOLUTION.search(question):
        hint = next_hint(context.hints, hints_given, context=context)
        text = (
            "I won't write the solution for you: the point is that you can write it next time too. "
            f"Here is the next step instead.\n\n{_hint_text(hint)}"
        )
        return CoachReply(text, hint=hint)
    focused = _focused_answer(context, question)
    if focused is not None:
        return CoachReply(focused)
    if mode == "hint":
        hint = next_hint(context.hints, hints_given, context=context)
        return CoachReply(_hint_text(hint), hint=hint)
    return CoachReply(review(context, hints_given))


def review(context: CoachContext, hints_given: int = 0) -> str:
    """A full review of the attempt: test results, failures, crashes, complexity, next step."""
    title = f" for '{context.problem_title}'" if context.problem_title else ""
    language = _LANGUAGE_NAMES.get(normalize_language(context.language), context.language)
    parts = [f"## Review of your {language} solution{title}", _test_summary(context)]
    crashed = _first(context.tests, "RE", "CE")
    if crashed is not None:
        explanation = explain_error(
            crashed.stderr,
            context.language,
            exit_code=crashed.exit_code,
            signal=crashed.signal,
            code=context.code,
        )
        if explanation is not None:
            parts.append(render_error(explanation))
    wrong = _first(context.tests, "WA")
    if wrong is not None:
        parts.append(explain_failed_test(wrong, context.language))
    if any(test.verdict.upper() == "TLE" for test in context.tests):
        parts.append(
            "A visible test hit the time limit: either a loop never ends on that input, or the "
            "algorithm is too slow. The complexity estimate below tells you which is more likely."
        )
    if context.code.strip():
        parts.append(
            render_complexity(
                check_complexity(
                    context.code, context.constraints, context.time_limit_seconds, context.language
                )
            )
        )
    else:
        parts.append(
            "There is no code yet, so there is nothing to review. Ask for a hint to get started."
        )
    if context.solved:
        parts.append(
            "Next: explain to yourself why the solution is correct on every input the constraints "
            "allow, and compare its complexity with the limits above. Then try a different "
            "approach to the same problem."
        )
    elif context.code.strip():
        hint = next_hint(context.hints, hints_given, context=context)
        parts.append(f"Suggested next step: {hint.text}")
    return "\n\n".join(part.strip() for part in parts if part and part.strip()) + "\n"


def render_feedback(feedback: InterviewFeedback) -> str:
    """Render interview feedback as markdown."""
    lines = [f"## Interview feedback: {feedback.score}/10"]
    if feedback.strengths:
        lines += ["", "Strengths:"] + [f"- {item}" for item in feedback.strengths]
    if feedback.improvements:
        lines += ["", "To improve:"] + [f"- {item}" for item in feedback.improvements]
    if feedback.improvement_areas:
        lines += ["", f"Focus areas: {', '.join(feedback.improvement_areas)}."]
    return "\n".join(lines) + "\n"


def _hint_text(hint: Hint) -> str:
    if hint.source == "exhausted":
        return hint.text
    more = f" Ask again for another one ({hint.remaining} left)." if hint.remaining else ""
    return f"**Hint {hint.number}:** {hint.text}\n\n_{_source_label(hint)}{more}_"


def _source_label(hint: Hint) -> str:
    return {
        "problem": "From the problem's hints.",
        "code": "Based on your code and test results.",
        "strategy": "A general problem-solving step.",
    }.get(hint.source, "")


def _focused_answer(context: CoachContext, question: str) -> str | None:
    """Answer a specific question (what is X, why slow, why crash, why wrong) directly."""
    if not question.strip():
        return None
    term = explain_term(question)
    if term is not None and not _ABOUT_OWN_CODE.search(question):
        name, text = term
        return f"**{name}**: {text}\n"
    if _ASKS_SPEED.search(question) and context.code.strip():
        report = check_complexity(
            context.code, context.constraints, context.time_limit_seconds, context.language
        )
        return render_complexity(report)
    if _ASKS_ERROR.search(question):
        crashed = _first(context.tests, "RE", "CE") or _first_with_stderr(context.tests)
        if crashed is None:
            return (
                "None of your visible test results shows a crash. Run the code on the examples "
                "and ask again with the failing run, or paste the error message.\n"
            )
        explanation = explain_error(
            crashed.stderr,
            context.language,
            exit_code=crashed.exit_code,
            signal=crashed.signal,
            code=context.code,
        )
        if explanation is not None:
            return render_error(explanation)
    if _ASKS_WRONG.search(question):
        wrong = _first(context.tests, "WA")
        if wrong is not None:
            return explain_failed_test(wrong, context.language)
    if _ASKS_EDGES.search(question):
        edges = [
            text
            for text in code_hints(context)
            if "case" in text.lower() or "values" in text.lower()
        ]
        if edges:
            return "\n".join(f"- {text}" for text in edges) + "\n"
    if term is not None:
        name, text = term
        return f"**{name}**: {text}\n"
    return None


def _first(tests: list[VisibleTestResult], *verdicts: str) -> VisibleTestResult | None:
    return next((test for test in tests if test.verdict.upper() in verdicts), None)


def _first_with_stderr(tests: list[VisibleTestResult]) -> VisibleTestResult | None:
    return next(
        (test for test in tests if test.stderr.strip() or test.signal or test.exit_code), None
    )


def _test_summary(context: CoachContext) -> str:
    if not context.tests:
        return "No visible test results yet: run your code on the examples first."
    passed = sum(1 for test in context.tests if test.verdict.upper() in ("AC", "OK", "PASSED"))
    failed = [test for test in context.tests if test.verdict.upper() not in ("AC", "OK", "PASSED")]
    text = f"Visible tests: {passed} of {len(context.tests)} passed."
    if failed:
        text += (
            " Failing: "
            + ", ".join(f"{test.name or 'test'} ({test.verdict})" for test in failed[:5])
            + "."
        )
    if context.solved:
        text += " The problem is solved."
    return text


def _interview_reply(
    text: str, state: InterviewState | None, kind: str, topic: str | None, seed: int
) -> CoachReply:
    if state is None:
        state, message = interviews.start(kind, topic, seed)
        return CoachReply(message, interview=state)
    if state.finished or _WANTS_END.match(text):
        finished = state.model_copy(update={"finished": True})
        feedback = mock_interview_feedback.finish(finished)
        return CoachReply(render_feedback(feedback), interview=finished, feedback=feedback)
    state, message = interviews.answer(state, text)
    if message is not None:
        return CoachReply(message, interview=state)
    feedback = mock_interview_feedback.finish(state)
    closing = "That's the end of the interview. Thank you!\n\n"
    return CoachReply(closing + render_feedback(feedback), interview=state, feedback=feedback)
