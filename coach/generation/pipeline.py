"""Draft, validate, retry (bounded), store: only a problem that passed validation is kept."""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from coach.budget import TokenBudget
from coach.exceptions import CoachError
from coach.generation.prompts import generation_prompt
from coach.generation.request import GenerationRequest, Limits
from coach.generation.store import store
from coach.generation.trim import trim
from coach.generation.validate import ProblemRejected, ValidationReport, validate
from coach.models import GeneratedProblem
from coach.providers.base import Provider, Usage
from judging.backend import JudgeBackend
from storage.database import Database
from storage.models import Problem

log = logging.getLogger(__name__)

Progress = Callable[..., Awaitable[None]]
"""progress(stage, **details): generating, validating, cross_checking, rejected, storing."""


async def no_progress(stage: str, **details: Any) -> None:
    return None


@dataclass(frozen=True)
class Generated:
    problem: Problem
    report: ValidationReport
    attempts: int


class ProblemGenerator:
    """judge: returns the judge to validate with (looked up per call, it starts after us)."""

    def __init__(
        self,
        db: Database,
        provider: Provider,
        judge: Callable[[], JudgeBackend],
        budget: TokenBudget,
        limits: Limits | None = None,
    ) -> None:
        self.db = db
        self.provider = provider
        self.judge = judge
        self.budget = budget
        self.limits = limits or Limits()

    async def generate(
        self, user_id: int, request: GenerationRequest, progress: Progress = no_progress
    ) -> Generated:
        """Generate until a draft validates (at most `limits.attempts`), store it, return it.

        Raises CoachError `generation_failed` (422) with the last rejection reason,
        or the provider's error when the model cannot be reached.
        """
        await self.budget.check(user_id)
        seed = request.seed if request.seed is not None else random.randrange(1 << 30)
        rejected: str | None = None
        feedback: str | None = None
        usage = Usage()
        try:
            for attempt in range(1, self.limits.attempts + 1):
                await progress("generating", attempt=attempt)
                draft = await self._draft(request, seed + attempt - 1, feedback, usage)
                try:
                    validated = await validate(
                        trim(draft, self.limits), self.judge(), self.limits, progress
                    )
                except ProblemRejected as exc:
                    rejected = exc.reason
                    feedback = f"{exc.reason}. {exc.detail}".strip() if exc.detail else exc.reason
                    log.info("generated draft rejected (attempt %d): %s", attempt, exc.reason)
                    await progress("rejected", attempt=attempt, reason=exc.reason)
                    continue
                await progress("storing", attempt=attempt)
                async with self.db.session() as session:
                    problem = await store(session, validated, user_id)
                return Generated(problem, validated.report, attempt)
        finally:
            await self.budget.charge(user_id, usage.tokens)
        raise CoachError(
            "generation_failed",
            f"no valid problem after {self.limits.attempts} attempts; last problem: {rejected}",
            retry_after=5,
            status=422,
        )

    async def _draft(
        self, request: GenerationRequest, seed: int, feedback: str | None, usage: Usage
    ) -> GeneratedProblem:
        prompt = generation_prompt(request, self.limits, seed, feedback)
        draft = await self.provider.complete_json(prompt, GeneratedProblem, usage)
        return draft.model_copy(update={"difficulty": request.difficulty})
