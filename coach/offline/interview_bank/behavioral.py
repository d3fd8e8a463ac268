"""Behavioral questions, scored for STAR structure, ownership, impact and reflection."""

from __future__ import annotations

from coach.offline.interview_bank.base import Question, make_question

_STAR = ("missing:star:result", "How did it end? What was the result, ideally in numbers?")
_OWN = ("missing:ownership", "You said 'we' a lot. What did you personally do?")
_LEARN = ("missing:reflection", "Looking back, what would you do differently?")

BEHAVIORAL: tuple[Question, ...] = (
    make_question(
        "beh-conflict",
        "Conflict with a teammate",
        "Tell me about a time you disagreed with a teammate. What happened?",
        [
            (
                "understood their view",
                r"listen|understand|perspective|point of view|their (side|reasons|concerns)",
            ),
            ("used facts or a shared goal", r"data|evidence|benchmark|test|goal|customer|user"),
            ("reached a resolution", r"agree|compromise|resolv|decid|aligned"),
        ],
        [_STAR, _OWN, _LEARN],
    ),
    make_question(
        "beh-failure",
        "A failure",
        "Describe a time you made a mistake or a project failed. What did you do about it?",
        [
            (
                "took responsibility",
                r"my (mistake|fault|responsibility)|i (own|admitted|took responsibility)|i was "
                r"wrong",
            ),
            ("fixed the immediate problem", r"fix|rollback|roll back|patch|recover"),
            (
                "prevented it happening again",
                r"prevent|process|test|checklist|postmortem|post-mortem|root cause",
            ),
        ],
        [_STAR, _LEARN, _OWN],
    ),
    make_question(
        "beh-deadline",
        "A tight deadline",
        "Tell me about a time you had to deliver under a tight deadline.",
        [
            ("prioritised", r"priorit|scope|cut|must.?have|mvp"),
            ("communicated early", r"communicat|told|informed|update|stakeholder|manager"),
            ("delivered", r"deliver|shipped|launched|on time|met the deadline"),
        ],
        [_STAR, ("missing:tradeoffs", "What did you decide not to do, and why?"), _LEARN],
    ),
    make_question(
        "beh-proud",
        "A project you are proud of",
        "What project are you most proud of, and what was your part in it?",
        [
            ("technical depth", r"design|architect|algorithm|optimi|implement|built"),
            ("impact", r"user|customer|faster|revenue|adoption|used by|impact"),
        ],
        [_OWN, ("missing:metrics", "How did you measure its success?"), _LEARN],
    ),
    make_question(
        "beh-feedback",
        "Critical feedback",
        "Tell me about a time you received critical feedback. How did you respond?",
        [
            ("listened without defending", r"listen|asked|clarif|understood"),
            ("changed behaviour", r"chang|improv|started|stopped|practic"),
            ("followed up", r"follow(ed)? up|check(ed)? in|asked again|later"),
        ],
        [_STAR, ("missing:metrics", "How did you know you had improved?"), _LEARN],
    ),
    make_question(
        "beh-influence",
        "Influence without authority",
        "Describe a time you convinced others to adopt your idea without being their manager.",
        [
            ("understood their incentives", r"concern|incentive|goal|understand|listen"),
            ("evidence or prototype", r"data|prototype|demo|proof|benchmark|example"),
            ("built support", r"ally|support|buy.?in|convinc|persuad"),
        ],
        [_STAR, _OWN, _LEARN],
    ),
    make_question(
        "beh-learning",
        "Learning fast",
        "Tell me about a time you had to learn a new technology quickly.",
        [
            ("learning plan", r"plan|documentation|docs|course|tutorial|read"),
            ("learned by doing", r"built|prototype|practic|small project|experiment"),
            ("asked for help", r"asked|mentor|colleague|expert|help"),
        ],
        [
            _STAR,
            ("missing:metrics", "How quickly were you productive, and how did you know?"),
            _LEARN,
        ],
    ),
    make_question(
        "beh-disagree-decision",
        "Disagreeing with a decision",
        "Tell me about a time you disagreed with a decision made by your manager or team lead.",
        [
            ("raised it respectfully", r"raised|1:1|one.on.one|private|respectful|asked"),
            ("argued with evidence", r"data|evidence|risk|example"),
            ("disagree and commit", r"commit|went along|supported|accepted|agreed"),
        ],
        [_STAR, _OWN, _LEARN],
    ),
)
