"""The coach's few exception classes; the realtime layer turns them into acks and JSON errors."""

from __future__ import annotations

from typing import Any


class CoachError(Exception):
    """A refused or failed coach request; `code` is the wire error code.

    retry_after: seconds after which trying again makes sense (None: do not retry
    as is, change the request first).
    """

    status = 400

    def __init__(
        self,
        code: str,
        message: str,
        *,
        retry_after: float | None = None,
        status: int | None = None,
        details: Any = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry_after = retry_after
        self.details = details
        if status is not None:
            self.status = status

    def payload(self) -> dict[str, Any]:
        """The `{code, message, retry_after?}` shape sent to clients."""
        data: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.retry_after is not None:
            data["retry_after"] = round(self.retry_after, 1)
        return data


class ProviderError(CoachError):
    """The model provider failed: timeout, rate limit, server error, unusable output.

    retryable: whether the same request may succeed later; the provider layer
    retries these itself (with capped backoff) before giving up.
    retry_after: the hint given to the user once retries are exhausted.
    wait: seconds the provider itself asked for (Retry-After), used for backoff.
    """

    status = 502

    def __init__(
        self,
        code: str,
        message: str,
        *,
        retryable: bool = False,
        retry_after: float | None = None,
        wait: float | None = None,
    ) -> None:
        super().__init__(code, message, retry_after=retry_after)
        self.retryable = retryable
        self.wait = wait


class ProviderNotConfigured(ProviderError):
    """The selected provider cannot run here (missing SDK or API key)."""

    status = 503

    def __init__(self, message: str) -> None:
        super().__init__("ai_not_configured", message)


def timeout_error(seconds: float | None) -> ProviderError:
    within = f" within {seconds:g} s" if seconds else " in time"
    return ProviderError(
        "ai_timeout",
        f"the AI provider did not answer{within}; try again in a moment",
        retryable=True,
        retry_after=5,
    )


def rate_limited_error(retry_after: float | None) -> ProviderError:
    wait = max(1.0, retry_after) if retry_after is not None else 20.0
    return ProviderError(
        "ai_rate_limited",
        f"the AI provider is rate limiting requests; try again in about {wait:.0f} s",
        retryable=True,
        retry_after=wait,
        wait=retry_after,
    )


def unavailable_error(detail: str) -> ProviderError:
    return ProviderError(
        "ai_unavailable",
        f"the AI provider is unavailable ({detail}); try again in a moment",
        retryable=True,
        retry_after=10,
    )


def rejected_error(detail: str) -> ProviderError:
    """A 4xx other than 429: retrying the same request would fail the same way."""
    return ProviderError("ai_rejected", f"the AI provider refused the request ({detail})")


def invalid_output_error(detail: str) -> ProviderError:
    return ProviderError(
        "ai_invalid_output",
        f"the AI provider returned unusable output ({detail}); try again",
        retry_after=2,
    )


def shutting_down_error() -> CoachError:
    return CoachError(
        "shutting_down",
        "the server is restarting; try again in a moment",
        retry_after=5,
        status=503,
    )


def stream_in_progress_error() -> CoachError:
    """One reply per session at a time, in this process or another."""
    return CoachError(
        "stream_in_progress",
        "a reply is still streaming in this session; wait for it or send ai:cancel",
        status=409,
    )
