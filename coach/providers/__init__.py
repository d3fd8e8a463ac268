"""Provider selection: the offline coach by default, OpenAI or Gemini when configured.

SDK modules are imported only for the provider in use, so a server on the
offline coach never loads them (and runs without them installed).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel

from coach.exceptions import ProviderNotConfigured
from coach.providers.base import ChatMessage, Prompt, Provider, RetryPolicy, Usage

T = TypeVar("T", bound=BaseModel)

PROVIDERS = ("offline", "openai", "gemini")


@dataclass(frozen=True)
class ProviderConfig:
    """What selecting and building a provider needs (read from realtime's settings).

    provider: "offline", "openai" or "gemini". model: None for the backend's default.
    """

    provider: str = "offline"
    model: str | None = None
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    gemini_api_key: str | None = None
    gemini_base_url: str | None = None
    policy: RetryPolicy = field(default_factory=RetryPolicy)


def create_provider(config: ProviderConfig) -> Provider:
    """Build the configured provider; ProviderNotConfigured names what is missing."""
    if config.provider == "openai":
        from coach.providers.openai_chat import OpenAIProvider

        return OpenAIProvider(
            api_key=config.openai_api_key or "",
            model=config.model,
            base_url=config.openai_base_url,
            policy=config.policy,
        )
    if config.provider == "gemini":
        from coach.providers.gemini import GeminiProvider

        return GeminiProvider(
            api_key=config.gemini_api_key or "",
            model=config.model,
            base_url=config.gemini_base_url,
            policy=config.policy,
        )
    if config.provider == "offline":
        from coach.providers.offline import OfflineProvider

        return OfflineProvider(config.policy)
    raise ProviderNotConfigured(
        f"unknown AI provider {config.provider!r}; choose one of {', '.join(PROVIDERS)}"
    )


class UnavailableProvider(Provider):
    """Stands in for a misconfigured provider: every call reports why (judging keeps running)."""

    name = "unavailable"

    def __init__(self, error: ProviderNotConfigured, wanted: str) -> None:
        super().__init__(wanted)
        self.error = error

    async def _stream_once(self, prompt: Prompt) -> AsyncIterator[str]:  # type: ignore[override]
        raise self.error
        yield ""  # pragma: no cover - makes this an async generator

    async def complete_json(self, prompt: Prompt, schema: type[T], usage: Usage | None = None) -> T:
        raise self.error


__all__ = [
    "PROVIDERS",
    "ChatMessage",
    "Prompt",
    "Provider",
    "ProviderConfig",
    "RetryPolicy",
    "UnavailableProvider",
    "Usage",
    "create_provider",
]
