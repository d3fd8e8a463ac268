"""Learning paths for a user: load results and the bank, plan, and let the provider narrate."""

from __future__ import annotations

import logging

from coach.budget import TokenBudget
from coach.exceptions import CoachError
from coach.learning.narrative import narrative_prompt, offline_narrative
from coach.learning.plan import LearningPlan, PlannedProblem, build_plan
from coach.learning.stats import ProblemRef, Results, tally
from coach.providers.base import Provider, Usage
from storage.database import Database
from storage.models import Problem
from storage.repositories import coach as coach_repo

log = logging.getLogger(__name__)


def ref(problem: Problem) -> ProblemRef:
    return ProblemRef(
        problem.id,
        problem.slug,
        problem.title,
        problem.difficulty,
        tuple(problem.labels_of("topic")),
    )


class LearningPaths:
    def __init__(self, db: Database, provider: Provider, budget: TokenBudget) -> None:
        self.db = db
        self.provider = provider
        self.budget = budget

    async def _load(self, user_id: int) -> tuple[Results, list[ProblemRef]]:
        async with self.db.session() as session:
            submits = await coach_repo.judged_submits(session, user_id)
            ids = sorted({pid for pid, _ in submits})
            seen = await coach_repo.problems_by_id(session, ids)
            bank = await coach_repo.problems_by_id(session, public_only=True)
        problems = {p.id: ref(p) for p in [*seen, *bank]}
        return tally(submits, problems), [ref(p) for p in bank]

    async def plan(
        self,
        user_id: int,
        *,
        max_steps: int = 6,
        per_step: int = 3,
        hours_per_week: float = 5.0,
        narrate: bool = True,
    ) -> LearningPlan:
        """The user's plan; the narrative falls back to the offline text if the model fails."""
        results, bank = await self._load(user_id)
        plan = build_plan(
            results, bank, max_steps=max_steps, per_step=per_step, hours_per_week=hours_per_week
        )
        if narrate:
            plan.narrative = await self._narrate(user_id, plan)
        return plan

    async def _narrate(self, user_id: int, plan: LearningPlan) -> str:
        data = plan.model_dump(mode="json")
        if self.provider.name == "offline":
            return offline_narrative(data)
        usage = Usage()
        try:
            await self.budget.check(user_id)
            text = await self.provider.complete(narrative_prompt(data), usage)
            return text.strip() or offline_narrative(data)
        except CoachError as exc:
            log.warning("learning-path narrative fell back to offline text: %s", exc.code)
            return offline_narrative(data)
        finally:
            await self.budget.charge(user_id, usage.tokens)

    async def recommended(self, user_id: int, limit: int = 5) -> list[PlannedProblem]:
        """The next problems to try: the plan's problems in order, without narrative."""
        plan = await self.plan(user_id, max_steps=limit, per_step=2, narrate=False)
        return [p for step in plan.steps for p in step.problems][:limit]
