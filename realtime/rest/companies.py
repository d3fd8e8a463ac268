"""Companies: what to practise for each, and your preparation progress.

Solved counts and per-topic figures are SQL aggregates over your submissions;
weak topics are those with under half of the company's problems solved.
"""

from __future__ import annotations

from realtime.keys import CONTENT, DATABASE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import NotFoundError
from realtime.schemas.learning import (
    CompanyDesignOut,
    CompanyEnvelope,
    CompanyList,
    CompanyOut,
    CompanyProblemOut,
    CompanyProgress,
    CompanyQuizOut,
    CompanySummary,
    TopicOut,
)
from storage.learning_progress import weak_topics
from storage.repositories import design_sessions as design_repo
from storage.repositories import learning as learning_repo
from storage.repositories import quizzes as quiz_repo

routes = EndpointTable()
TAGS = ("companies",)


@routes.get("/api/companies", response=CompanyList, tags=TAGS)
async def list_companies(call: Call) -> CompanyList:
    """Every company with your progress (problems solved, quizzes passed)."""
    companies = sorted(call.app[CONTENT].companies.values(), key=lambda c: c.name.lower())
    async with call.app[DATABASE].session() as s:
        solved = await learning_repo.solved_slugs(
            s, call.user.id, {p for c in companies for p in c.problems}
        )
        passed = await quiz_repo.passed_quizzes(
            s, call.user.id, {q for c in companies for q in c.quizzes}
        )
    return CompanyList(
        items=[
            CompanySummary(
                slug=c.slug,
                name=c.name,
                description=c.description,
                progress=CompanyProgress(
                    solved=len(solved & set(c.problems)),
                    total=len(c.problems),
                    quizzes_passed=len(passed & set(c.quizzes)),
                    quizzes_total=len(c.quizzes),
                ),
            )
            for c in companies
        ]
    )


@routes.get("/api/companies/{slug}", response=CompanyEnvelope, tags=TAGS, errors=(404,))
async def get_company(call: Call) -> CompanyEnvelope:
    """One company: process notes, its problems, quizzes and system-design problems, your
    progress and weak topics."""
    raw = call.path["slug"]
    catalog = call.app[CONTENT]
    company = catalog.companies.get(raw) if len(raw) <= 80 else None
    if company is None:
        raise NotFoundError(f"company '{raw[:80]}' not found", code="company_not_found")
    async with call.app[DATABASE].session() as s:
        solved = await learning_repo.solved_slugs(s, call.user.id, company.problems)
        refs = await learning_repo.problem_refs(s, company.problems)
        topics = await learning_repo.topic_progress(s, call.user.id, company.problems)
        stats = await quiz_repo.stats(s, call.user.id)
        design_stats = await design_repo.stats(s, call.user.id)
    designs = [
        CompanyDesignOut(
            slug=slug,
            title=catalog.designs[slug].title,
            difficulty=catalog.designs[slug].difficulty,
            best_score=design_stats[slug].best_score if slug in design_stats else None,
        )
        for slug in company.designs
    ]
    quizzes = [
        CompanyQuizOut(
            slug=slug,
            title=catalog.quizzes[slug].title,
            passed=bool(stats.get(slug) and stats[slug].passed),
            best_score=stats[slug].best_score if slug in stats else None,
        )
        for slug in company.quizzes
    ]
    problems = [
        CompanyProblemOut(
            slug=slug,
            title=refs[slug].title if slug in refs else None,
            difficulty=refs[slug].difficulty if slug in refs else None,
            available=slug in refs,
            solved=slug in solved,
        )
        for slug in company.problems
    ]
    return CompanyEnvelope(
        company=CompanyOut(
            **CompanyOut.head(company),
            progress=CompanyProgress(
                solved=len(solved),
                total=len(company.problems),
                quizzes_passed=sum(q.passed for q in quizzes),
                quizzes_total=len(quizzes),
            ),
            process=company.process,
            problems=problems,
            quizzes=quizzes,
            designs=designs,
            topics=[TopicOut.of(t) for t in topics],
            weak_topics=[TopicOut.of(t) for t in weak_topics(topics)],
        )
    )
