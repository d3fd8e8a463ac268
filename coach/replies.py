"""Streaming one coach reply: provider deltas -> guardrail -> `ai:token` events -> stored message.

The reply ends in exactly one of three ways, each recorded on the message and
announced once: complete (final `ai:token` with `done: true` and the whole
text), cancelled (the same, with `cancelled: true` and the text shown so far),
or failed (`ai:error` with a code, a message and a retry hint, then the same
final `ai:token` with `status: "error"` and the partial text, which is kept).
So every reply ends with exactly one `done: true` token, whatever happened.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from dataclasses import dataclass, field
from typing import Any

from coach.budget import TokenBudget
from coach.exceptions import CoachError, ProviderError
from coach.guardrails import SolutionFilter
from coach.providers.base import Prompt, Provider, Usage
from coach.streams import ActiveStream
from storage.database import Database
from storage.repositories import coach as coach_repo

log = logging.getLogger(__name__)

EmitToUser = Callable[[str, dict[str, Any], int], Awaitable[None]]
"""emit(event, payload, user_id): deliver one server event to all of a user's tabs."""

Event = tuple[str, dict[str, Any]]


@dataclass
class PreparedReply:
    """What `prepare` hands the streamer: the prompt and whether the user already solved it."""

    prompt: Prompt
    solved: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


Prepare = Callable[[], Awaitable[PreparedReply]]
Finish = Callable[[PreparedReply, str], Awaitable[list[Event]]]
"""finish(prepared, text) -> events to send after the final token (e.g. ai:feedback)."""


async def safe_emit(emit: EmitToUser, event: str, payload: dict[str, Any], user_id: int) -> None:
    """A failed emit (socket layer trouble) is logged; the reply is still stored."""
    try:
        await emit(event, payload, user_id)
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("could not emit %s to user %s", event, user_id)


class ReplyStreamer:
    def __init__(
        self, db: Database, provider: Provider, emit: EmitToUser, budget: TokenBudget
    ) -> None:
        self.db = db
        self.provider = provider
        self.emit = emit
        self.budget = budget

    async def run(self, stream: ActiveStream, prepare: Prepare, finish: Finish) -> None:
        """Stream one reply into `stream` (see the module docstring for how it ends)."""
        usage = Usage()
        guard = SolutionFilter()
        status, error = "complete", None
        events: list[Event] = []
        prepared: PreparedReply | None = None
        try:
            prepared = await prepare()
            guard.enabled = not prepared.solved
            async with aclosing(self.provider.stream(prepared.prompt, usage)) as deltas:
                async for delta in deltas:
                    await self._show(stream, guard.feed(delta))
            await self._show(stream, guard.finish())
            events = await finish(prepared, stream.text)
        except asyncio.CancelledError:
            status = "cancelled"
            await self._show(stream, guard.finish())
            raise
        except CoachError as exc:
            status, error = "error", exc
        except Exception:
            log.exception("coach reply failed (session %s)", stream.session_id)
            status = "error"
            error = CoachError(
                "ai_failed", "the coach failed on our side; try again", retry_after=5
            )
        finally:
            # Shielded: a second cancel (a double click on stop, ai:session:end) must not
            # interrupt the ending, or the message would stay "streaming" and block the session.
            async def end() -> None:
                await self._record(stream, status, error, usage, guard, prepared)
                await self._announce(stream, status, error)
                for name, payload in events:
                    await safe_emit(self.emit, name, payload, stream.user_id)

            ending = asyncio.ensure_future(end())
            interrupted = False
            while not ending.done():
                try:
                    await asyncio.shield(ending)
                except asyncio.CancelledError:
                    interrupted = True
            if interrupted and status != "cancelled":
                raise asyncio.CancelledError

    async def _show(self, stream: ActiveStream, text: str) -> None:
        if not text:
            return
        stream.shown.append(text)
        payload = {
            "session_id": stream.session_id,
            "message_id": stream.message_id,
            "delta": text,
            "done": False,
        }
        await safe_emit(self.emit, "ai:token", payload, stream.user_id)

    async def _record(
        self,
        stream: ActiveStream,
        status: str,
        error: CoachError | None,
        usage: Usage,
        guard: SolutionFilter,
        prepared: PreparedReply | None,
    ) -> None:
        meta: dict[str, Any] = {
            "provider": self.provider.name,
            "model": self.provider.model,
            "tokens": usage.tokens,
            **(prepared.meta if prepared else {}),
        }
        if guard.withheld:
            meta["withheld_code_blocks"] = guard.withheld
        if error is not None:
            meta["error"] = error.payload()
        try:
            async with self.db.session() as session:  # one transaction: message, tokens, budget
                await coach_repo.finish_message(
                    session, stream.message_id, content=stream.text, status=status, meta=meta
                )
                await coach_repo.add_session_tokens(session, stream.session_id, usage.tokens)
                await self.budget.charge_in(session, stream.user_id, usage.tokens)
        except Exception:
            log.exception("could not store coach message %s", stream.message_id)

    async def _announce(self, stream: ActiveStream, status: str, error: CoachError | None) -> None:
        base = {"session_id": stream.session_id, "message_id": stream.message_id}
        if error is not None:
            payload = {
                **base,
                **error.payload(),
                "retryable": error.retry_after is not None
                or (isinstance(error, ProviderError) and error.retryable),
                "content": stream.text,
            }
            await safe_emit(self.emit, "ai:error", payload, stream.user_id)
        payload = {**base, "delta": "", "done": True, "content": stream.text, "status": status}
        if status == "cancelled":
            payload["cancelled"] = True
        await safe_emit(self.emit, "ai:token", payload, stream.user_id)
