"""The provider interface: stream text deltas, or produce JSON validated by a pydantic model.

Following python-socketio's manager ladder, the base class holds everything
shared (timeouts, retries with capped backoff, usage metering, JSON repair
rounds) and a backend implements one hook, `_stream_once`, which streams one
completion and maps its SDK's errors to `ProviderError`.
"""

from __future__ import annotations

import asyncio
import logging
import math
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

from pydantic import BaseModel

from coach.exceptions import ProviderError, invalid_output_error, timeout_error
from coach.intents import Intent
from coach.providers.structured import InvalidJson, parse_json, schema_text
from loops import capped_delay

log = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
CHARS_PER_TOKEN = 4  # the usual rule of thumb; one meter for every provider


@dataclass(frozen=True)
class ChatMessage:
    role: Literal["user", "assistant"]
    content: str


@dataclass(frozen=True)
class Prompt:
    """One request to a provider.

    system: instructions and policy. messages: the conversation, oldest first.
    intent: the structured request the offline coach answers from.
    json_schema: set when the answer must be a JSON object of this model.
    """

    system: str
    messages: tuple[ChatMessage, ...] = ()
    intent: Intent | None = None
    json_schema: type[BaseModel] | None = None
    max_output_tokens: int = 1500

    @property
    def size(self) -> int:
        """Characters sent, for the token meter."""
        return len(self.system) + sum(len(m.content) for m in self.messages)

    def with_messages(self, *extra: ChatMessage) -> Prompt:
        return replace(self, messages=(*self.messages, *extra))


@dataclass
class Usage:
    """Characters in and out of a provider across attempts; tokens are estimated from them."""

    prompt_chars: int = 0
    output_chars: int = 0
    calls: int = 0

    @property
    def tokens(self) -> int:
        return math.ceil((self.prompt_chars + self.output_chars) / CHARS_PER_TOKEN)


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait and how often to retry.

    timeout: seconds allowed for the first delta and between deltas.
    total_timeout: seconds allowed for a whole completion.
    retries: extra attempts after a retryable failure, only before the first
        delta (what a user already saw cannot be taken back).
    backoff / max_backoff: delay before retry k is min(max_backoff, backoff * 2^k),
        or the provider's Retry-After when longer; a Retry-After above
        max_backoff is not waited for but reported.
    json_attempts: rounds of "that JSON was invalid, here is why" before giving up.
    """

    timeout: float = 30.0
    total_timeout: float = 300.0
    retries: int = 2
    backoff: float = 0.5
    max_backoff: float = 8.0
    json_attempts: int = 3

    def delay(self, attempt: int, retry_after: float | None) -> float | None:
        """Seconds to wait before retry number `attempt` (0-based), None for no retry."""
        if attempt >= self.retries:
            return None
        wait = capped_delay(self.backoff, self.max_backoff, attempt)  # no jitter: one user's retry
        if retry_after is not None:
            if retry_after > self.max_backoff:
                return None
            wait = max(wait, retry_after)
        return wait


class Provider(ABC):
    """Base of every backend; see the module docstring."""

    name = "base"
    metered = True  # each token costs money, so the daily budget applies

    def __init__(self, model: str, policy: RetryPolicy | None = None) -> None:
        self.model = model
        self.policy = policy or RetryPolicy()

    async def close(self) -> None:  # noqa: B027 - optional hook: most backends hold nothing
        """Release connections; called once at shutdown."""

    @abstractmethod
    def _stream_once(self, prompt: Prompt) -> AsyncIterator[str]:
        """Stream one completion's text deltas; raise ProviderError on failure."""

    async def stream(self, prompt: Prompt, usage: Usage | None = None) -> AsyncIterator[str]:
        """Yield the reply's text deltas as they arrive.

        prompt: what to ask. usage: a meter to add characters in and out to.
        Retryable failures before the first delta are retried with capped
        backoff; later failures and exhausted retries raise ProviderError.
        Closing the iterator (or cancelling its task) closes the HTTP request.
        """
        attempt = 0
        while True:
            produced = False
            source = self._stream_once(prompt)
            timed = self._timed(source)
            if usage is not None:
                usage.prompt_chars += prompt.size
                usage.calls += 1
            try:
                async for delta in timed:
                    produced = True
                    if usage is not None:
                        usage.output_chars += len(delta)
                    yield delta
                return
            except ProviderError as exc:
                wait = (
                    None if produced or not exc.retryable else self.policy.delay(attempt, exc.wait)
                )
                if wait is None:
                    raise
                log.warning(
                    "%s: %s (attempt %d), retrying in %.1f s",
                    self.name,
                    exc.code,
                    attempt + 1,
                    wait,
                )
                attempt += 1
            finally:
                # Close both now, not at garbage collection: closing the backend's
                # iterator is what closes its HTTP connection.
                await timed.aclose()  # type: ignore[attr-defined]
                await source.aclose()  # type: ignore[attr-defined]
            await asyncio.sleep(wait)

    async def _timed(self, source: AsyncIterator[str]) -> AsyncIterator[str]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.policy.total_timeout
        while True:
            budget = min(self.policy.timeout, deadline - loop.time())
            if budget <= 0:
                raise timeout_error(self.policy.total_timeout)
            try:
                async with asyncio.timeout(budget):
                    delta = await anext(source)
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise timeout_error(self.policy.timeout) from None
            if delta:
                yield delta

    async def complete(self, prompt: Prompt, usage: Usage | None = None) -> str:
        """The whole reply text (the stream, collected)."""
        parts = [delta async for delta in self.stream(prompt, usage)]
        return "".join(parts)

    async def complete_json(self, prompt: Prompt, schema: type[T], usage: Usage | None = None) -> T:
        """A reply parsed and validated as `schema`.

        An invalid reply is sent back to the model with the validation error,
        up to `policy.json_attempts` rounds; then ProviderError ai_invalid_output.
        """
        prompt = replace(
            prompt,
            json_schema=schema,
            system=f"{prompt.system}\n\nReply with one JSON object only, no prose, matching "
            f"this JSON schema:\n{schema_text(schema)}",
        )
        reason = ""
        for _ in range(max(1, self.policy.json_attempts)):
            text = await self.complete(prompt, usage)
            try:
                return parse_json(text, schema)
            except InvalidJson as exc:
                reason = exc.summary
                log.info("%s: invalid JSON answer (%s); asking again", self.name, reason)
                prompt = prompt.with_messages(
                    ChatMessage("assistant", text[:8000]),
                    ChatMessage(
                        "user",
                        f"That reply was not valid: {reason}. Reply again with only the "
                        "corrected JSON object.",
                    ),
                )
        raise invalid_output_error(reason)


def describe(error: BaseException) -> str:
    """A short, secret-free description of an SDK exception for logs and messages."""
    return type(error).__name__


__all__ = [
    "ChatMessage",
    "Prompt",
    "Provider",
    "ProviderError",
    "RetryPolicy",
    "Usage",
    "describe",
]
