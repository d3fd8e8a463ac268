"""OpenAI, or any OpenAI-compatible server, through the official SDK's streaming chat API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from coach.exceptions import (
    ProviderError,
    ProviderNotConfigured,
    rate_limited_error,
    rejected_error,
    timeout_error,
    unavailable_error,
)
from coach.providers.base import Prompt, Provider, RetryPolicy

try:  # optional dependency: only needed when this provider is selected
    import openai
except ImportError:  # pragma: no cover - exercised only without the SDK
    openai = None  # type: ignore[assignment]

DEFAULT_MODEL = "gpt-4o-mini"


class OpenAIProvider(Provider):
    """Streams `chat.completions.create(stream=True)`; the SDK's own retries are off (ours apply).

    api_key: the key (OPENAI_API_KEY). base_url: OPENAI_BASE_URL, e.g. a local
    vLLM/Ollama server or a test server; None means api.openai.com.
    """

    name = "openai"

    def __init__(
        self,
        *,
        api_key: str,
        model: str | None = None,
        base_url: str | None = None,
        policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(model or DEFAULT_MODEL, policy)
        if openai is None:
            raise ProviderNotConfigured(
                "CODEARENA_AI_PROVIDER=openai needs the 'openai' package (pip install openai)"
            )
        if not api_key:
            raise ProviderNotConfigured("CODEARENA_AI_PROVIDER=openai needs OPENAI_API_KEY")
        self._client = openai.AsyncOpenAI(
            api_key=api_key,
            base_url=base_url,
            max_retries=0,
            # Our per-delta timeout fires first; this only bounds a stuck connect.
            timeout=self.policy.timeout + 5,
        )

    async def close(self) -> None:
        await self._client.close()

    def _request(self, prompt: Prompt) -> dict[str, Any]:
        messages = [{"role": "system", "content": prompt.system}] + [
            {"role": m.role, "content": m.content} for m in prompt.messages
        ]
        request: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "stream": True,
            "max_tokens": prompt.max_output_tokens,
        }
        if prompt.json_schema is not None:
            request["response_format"] = {"type": "json_object"}
        return request

    async def _stream_once(self, prompt: Prompt) -> AsyncIterator[str]:  # type: ignore[override]
        try:
            stream = await self._client.chat.completions.create(**self._request(prompt))
            async with stream:  # leaving it (also by cancellation) closes the connection
                async for chunk in stream:
                    for choice in chunk.choices or ():
                        text = choice.delta.content if choice.delta else None
                        if text:
                            yield text
        except openai.APIError as exc:
            raise translate(exc) from None


def translate(exc: Exception) -> ProviderError:
    """Map an SDK exception to our error, without echoing response bodies."""
    if isinstance(exc, openai.APITimeoutError):
        return timeout_error(None)
    if isinstance(exc, openai.APIConnectionError):
        return unavailable_error("connection failed")
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if status == 429:
            return rate_limited_error(retry_after(exc.response.headers))
        if status == 408:
            return timeout_error(None)
        if status >= 500 or status == 409:
            return unavailable_error(f"HTTP {status}")
        return rejected_error(f"HTTP {status}")
    return unavailable_error("stream interrupted")


def retry_after(headers: Any) -> float | None:
    """Seconds from `retry-after-ms` or `retry-after` (numeric form only)."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        raw = headers.get(name) if headers is not None else None
        if raw:
            try:
                return max(0.0, float(raw) * scale)
            except ValueError:
                continue
    return None
