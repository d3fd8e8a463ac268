"""Reviewing a submitted system design: the provider scores the drawing, the session keeps it.

Apart from the session's autosave rules because a review has its own failure
path: a provider that is down or a spent budget leaves the session submitted
without a review, and asking again (`POST .../review`) retries.
"""

from __future__ import annotations

from coach.budget import TokenBudget
from coach.intents import DesignIntent
from coach.models import DesignEvaluation
from coach.prompts import design_review_prompt
from coach.providers.base import Provider, Usage
from designs.scene import read_scene
from storage.design_package import DesignProblem
from storage.models import DesignSession


class DesignReviewer:
    def __init__(self, provider: Provider, budget: TokenBudget) -> None:
        self.provider = provider
        self.budget = budget

    @property
    def name(self) -> str:
        return self.provider.name

    async def review(self, row: DesignSession, problem: DesignProblem) -> DesignEvaluation:
        """Score the session's scene; CoachError when the provider or the budget says no.

        A model's `missing_components` is kept to the rubric's names, so the
        client can trust them as a checklist.
        """
        await self.budget.check(row.user_id)
        graph = read_scene((row.scene or {}).get("elements") or [])
        prompt = design_review_prompt(DesignIntent(problem=problem, graph=graph))
        usage = Usage()
        try:
            found = await self.provider.complete_json(prompt, DesignEvaluation, usage)
        finally:
            await self.budget.charge(row.user_id, usage.tokens)
        names = {c.name.lower(): c.name for c in problem.components}
        missing = [names[m.lower()] for m in found.missing_components if m.lower() in names]
        return found.model_copy(update={"missing_components": list(dict.fromkeys(missing))})
