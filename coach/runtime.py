"""The coach as one object the web process opens at start and closes at shutdown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from coach.budget import TokenBudget
from coach.contest_guard import ContestGuard
from coach.conversation import Conversations
from coach.design_review import DesignReviewer
from coach.exceptions import ProviderNotConfigured
from coach.generation.pipeline import ProblemGenerator
from coach.generation.request import Limits
from coach.learning.service import LearningPaths
from coach.providers import ProviderConfig, UnavailableProvider, create_provider
from coach.providers.base import Provider
from coach.replies import EmitToUser
from coach.streams import StreamRegistry
from judging.backend import JudgeBackend
from storage.database import Database

log = logging.getLogger(__name__)


@dataclass
class Coach:
    provider: Provider
    budget: TokenBudget
    streams: StreamRegistry
    conversations: Conversations
    generator: ProblemGenerator
    paths: LearningPaths
    designs: DesignReviewer
    problem: str | None = None  # why the configured provider is unavailable, if it is

    @property
    def status(self) -> str:
        """For the health check: the provider in use, or what is wrong with it."""
        return f"unavailable: {self.problem}" if self.problem else self.provider.name

    async def close(self) -> None:
        await self.streams.close()
        await self.provider.close()


def build_coach(
    db: Database,
    config: ProviderConfig,
    emit: EmitToUser,
    *,
    judge: Callable[[], JudgeBackend],
    contest_guard: Callable[[], ContestGuard | None],
    daily_tokens: int,
    limits: Limits | None = None,
) -> Coach:
    """Wire the coach; a misconfigured provider is logged and reported per call, not fatal."""
    problem = None
    try:
        provider = create_provider(config)
    except ProviderNotConfigured as exc:
        log.error("AI coach unavailable: %s", exc.message)
        provider = UnavailableProvider(exc, config.provider)
        problem = exc.message
    budget = TokenBudget(db, daily_tokens, metered=provider.metered)
    streams = StreamRegistry()
    return Coach(
        provider=provider,
        budget=budget,
        streams=streams,
        conversations=Conversations(db, provider, emit, budget, contest_guard, streams),
        generator=ProblemGenerator(db, provider, judge, budget, limits),
        paths=LearningPaths(db, provider, budget),
        designs=DesignReviewer(provider, budget),
        problem=problem,
    )
