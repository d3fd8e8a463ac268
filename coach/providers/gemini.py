"""Google Gemini through the `google-genai` SDK's async streaming (streamGenerateContent, SSE)."""

from __future__ import annotations

import re
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
    import aiohttp
    from google import genai
    from google.genai import errors as genai_errors
    from google.genai import types as genai_types
except ImportError:  # pragma: no cover - exercised only without the SDK
    genai = None  # type: ignore[assignment]

DEFAULT_MODEL = "gemini-2.0-flash"
_DELAY = re.compile(r"^\s*(\d+(?:\.\d+)?)s\s*$")


class GeminiProvider(Provider):
    """Streams `client.aio.models.generate_content_stream`; SDK retries are off (ours apply).

    api_key: GEMINI_API_KEY. base_url: GEMINI_BASE_URL (tests point it at a
    loopback server); None means Google's endpoint.
    """

    name = "gemini"

    def __init__(
        self,
        *,
        api_key: str,
        model: str | None = None,
        base_url: str | None = None,
        policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(model or DEFAULT_MODEL, policy)
        if genai is None:
            raise ProviderNotConfigured(
                "CODEARENA_AI_PROVIDER=gemini needs the 'google-genai' package "
                "(pip install google-genai)"
            )
        if not api_key:
            raise ProviderNotConfigured("CODEARENA_AI_PROVIDER=gemini needs GEMINI_API_KEY")
        options = genai_types.HttpOptions(
            base_url=base_url,
            # milliseconds; a backstop only, our per-delta timeout fires first
            timeout=int((self.policy.total_timeout + 5) * 1000),
            # one attempt: otherwise the SDK sleeps 1-10 s on connection errors by itself
            retry_options=genai_types.HttpRetryOptions(attempts=1),
        )
        self._client = genai.Client(api_key=api_key, http_options=options)

    async def close(self) -> None:
        await self._client.aio.aclose()

    def _request(self, prompt: Prompt) -> dict[str, Any]:
        contents = [
            genai_types.Content(
                role="model" if m.role == "assistant" else "user",
                parts=[genai_types.Part(text=m.content)],
            )
            for m in prompt.messages
        ]
        config = genai_types.GenerateContentConfig(
            system_instruction=prompt.system,
            max_output_tokens=prompt.max_output_tokens,
            response_mime_type="application/json" if prompt.json_schema is not None else None,
        )
        return {"model": self.model, "contents": contents, "config": config}

    async def _stream_once(self, prompt: Prompt) -> AsyncIterator[str]:  # type: ignore[override]
        try:
            chunks = await self._client.aio.models.generate_content_stream(**self._request(prompt))
            try:
                async for chunk in chunks:
                    for text in _texts(chunk):
                        yield text
            finally:
                # Closing the generator chain releases (and, mid-body, closes) the connection.
                await chunks.aclose()
        except genai_errors.APIError as exc:
            raise translate(exc) from None
        except (aiohttp.ClientError, ConnectionError) as exc:
            raise unavailable_error(type(exc).__name__) from None
        except TimeoutError:
            raise timeout_error(None) from None


def _texts(chunk: Any) -> list[str]:
    """Text parts of a streamed chunk (reading `.text` warns on non-text parts)."""
    texts: list[str] = []
    for candidate in chunk.candidates or ():
        content = candidate.content
        for part in (content.parts if content else None) or ():
            if part.text and not part.thought:
                texts.append(part.text)
    return texts


def translate(exc: Any) -> ProviderError:
    code = int(getattr(exc, "code", 0) or 0)
    if code == 429:
        return rate_limited_error(retry_delay(getattr(exc, "details", None)))
    if code in (408, 504):
        return timeout_error(None)
    if code >= 500 or code == 0:
        return unavailable_error(f"HTTP {code}" if code else "stream error")
    return rejected_error(f"HTTP {code}")


def retry_delay(details: Any) -> float | None:
    """The `retryDelay` of a google.rpc.RetryInfo in an error body, in seconds."""
    error = details.get("error", details) if isinstance(details, dict) else None
    for item in (error or {}).get("details", []) if isinstance(error, dict) else []:
        if isinstance(item, dict) and "retryDelay" in item:
            match = _DELAY.match(str(item["retryDelay"]))
            if match:
                return float(match.group(1))
    return None
