"""Learning-module and company shapes, with the caller's progress."""

from __future__ import annotations

from pydantic import BaseModel

from storage.company_package import Company
from storage.learning_progress import ModuleProgress
from storage.module_package import LearningModule, ModuleItem
from storage.repositories.learning import ProblemRef, TopicProgress


class ProgressOut(BaseModel):
    done: int
    total: int
    completed: bool


class ModuleSummary(BaseModel):
    slug: str
    title: str
    summary: str
    order: int
    prerequisites: list[str]
    prerequisites_met: bool
    progress: ProgressOut

    @classmethod
    def of(cls, module: LearningModule, progress: ModuleProgress) -> ModuleSummary:
        return cls(
            slug=module.slug,
            title=module.title,
            summary=module.summary,
            order=module.order,
            prerequisites=list(module.prerequisites),
            prerequisites_met=progress.prerequisites_met,
            progress=ProgressOut(
                done=progress.done, total=progress.total, completed=progress.completed
            ),
        )


class ItemOut(BaseModel):
    """One item; ``markable``: the learner marks it done (text and examples)."""

    id: str
    kind: str
    title: str
    body: str | None
    code: str | None
    language: str | None
    problem: str | None
    problem_available: bool | None  # the problem is in this server's catalogue
    difficulty: str | None
    quiz: str | None
    markable: bool
    done: bool

    @classmethod
    def of(
        cls,
        item: ModuleItem,
        done: bool,
        problems: dict[str, ProblemRef],
        quiz_titles: dict[str, str],
    ) -> ItemOut:
        ref = problems.get(item.problem) if item.kind == "problem" else None
        title = item.title
        if item.kind == "problem" and not title:
            title = ref.title if ref else item.problem
        if item.kind == "quiz" and not title:
            title = quiz_titles.get(item.quiz, item.quiz)
        return cls(
            id=item.id,
            kind=item.kind,
            title=title,
            body=item.body if item.kind in ("text", "example") else None,
            code=item.code if item.kind == "example" else None,
            language=item.language if item.kind == "example" else None,
            problem=item.problem or None,
            problem_available=(ref is not None) if item.kind == "problem" else None,
            difficulty=ref.difficulty if ref else None,
            quiz=item.quiz or None,
            markable=item.kind in ("text", "example"),
            done=done,
        )


class ModuleOut(ModuleSummary):
    items: list[ItemOut]


class ModuleList(BaseModel):
    items: list[ModuleSummary]


class ModuleEnvelope(BaseModel):
    module: ModuleOut


class CompanyProgress(BaseModel):
    solved: int
    total: int
    quizzes_passed: int
    quizzes_total: int


class CompanySummary(BaseModel):
    slug: str
    name: str
    description: str
    progress: CompanyProgress


class CompanyProblemOut(BaseModel):
    slug: str
    title: str | None
    difficulty: str | None
    available: bool
    solved: bool


class CompanyQuizOut(BaseModel):
    slug: str
    title: str
    passed: bool
    best_score: float | None


class CompanyDesignOut(BaseModel):
    slug: str
    title: str
    difficulty: str
    best_score: int | None  # your best reviewed score (0-100)


class TopicOut(BaseModel):
    topic: str
    total: int
    solved: int
    failed_submissions: int

    @classmethod
    def of(cls, row: TopicProgress) -> TopicOut:
        return cls(
            topic=row.topic,
            total=row.total,
            solved=row.solved,
            failed_submissions=row.failed_submissions,
        )


class CompanyOut(CompanySummary):
    process: str
    problems: list[CompanyProblemOut]
    quizzes: list[CompanyQuizOut]
    designs: list[CompanyDesignOut] = []  # system-design problems
    topics: list[TopicOut]
    weak_topics: list[TopicOut]

    @staticmethod
    def head(company: Company) -> dict[str, str]:
        return {"slug": company.slug, "name": company.name, "description": company.description}


class CompanyList(BaseModel):
    items: list[CompanySummary]


class CompanyEnvelope(BaseModel):
    company: CompanyOut
