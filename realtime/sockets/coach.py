"""Coach events: `ai:session:start`, `ai:question`, `ai:cancel`, `ai:session:end`, `ai:generate`.

Acks answer at once; replies stream to the user's room as `ai:token`, results
as `ai:feedback`, failures as `ai:error`, generation as `ai:generate:progress`.
Also the coach's cleanup context (opened after the judge, whose sandbox
validates generated problems).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web

from coach.conversation import StartRequest
from coach.exceptions import CoachError
from coach.generation.request import GenerationRequest
from coach.providers import ProviderConfig, RetryPolicy
from coach.runtime import Coach, build_coach
from realtime.config import Settings
from realtime.keys import DATABASE, SERVICES, SETTINGS
from realtime.relays.coach import CoachCancelRelay
from realtime.schemas.coach import AiGenerate, AiQuestion, AiSessionRef, AiSessionStart
from realtime.services.execution import EXECUTION
from realtime.sockets.editor import rate_limit
from realtime.sockets.router import EventError, EventRouter, SocketCall
from realtime.sockets.server import SIO, user_room

COACH = web.AppKey("coach", Coach)
router = EventRouter()


def provider_config(settings: Settings) -> ProviderConfig:
    def secret(value: Any) -> str | None:
        return value.get_secret_value() if value is not None else None

    return ProviderConfig(
        provider=settings.effective_ai_provider,
        model=settings.ai_model,
        openai_api_key=secret(settings.openai_api_key),
        openai_base_url=settings.openai_base_url,
        gemini_api_key=secret(settings.gemini_api_key),
        gemini_base_url=settings.gemini_base_url,
        policy=RetryPolicy(
            timeout=settings.ai_timeout_seconds,
            retries=settings.ai_retries,
            backoff=settings.ai_backoff_seconds,
        ),
    )


async def coach_ctx(app: web.Application) -> AsyncIterator[None]:
    """Open the coach (provider, streams); on shutdown cancel streams and close the provider."""
    sio = app[SIO]

    async def emit(event: str, payload: dict[str, Any], user_id: int) -> None:
        await sio.emit(event, payload, room=user_room(user_id))

    coach = build_coach(
        app[DATABASE],
        provider_config(app[SETTINGS]),
        emit,
        judge=lambda: app[EXECUTION].judge,
        contest_guard=lambda: app[SERVICES].get("contest_guard"),
        daily_tokens=app[SETTINGS].ai_daily_tokens,
    )
    app[COACH] = coach
    app[SERVICES]["health_probes"]["coach"] = lambda: coach.status
    stop, listener = asyncio.Event(), None
    redis = app[SERVICES].get("redis")
    if redis is not None:  # scaled mode: a cancel may arrive at another process
        relay = CoachCancelRelay(redis, f"{app[SETTINGS].socketio_channel}:coach", coach.streams)
        coach.conversations.remote_cancel = relay.publish
        listener = asyncio.create_task(relay.run(stop), name="coach-cancel-relay")
    yield
    stop.set()
    if listener is not None:
        await listener
    await coach.close()


def refused(exc: CoachError) -> EventError:
    details = {"retry_after": round(exc.retry_after, 1)} if exc.retry_after is not None else None
    return EventError(exc.code, exc.message, details)


log = logging.getLogger(__name__)


@router.on("ai:session:start", AiSessionStart)
async def start(call: SocketCall) -> dict[str, Any]:
    data: AiSessionStart = call.data
    # An interview opens with a model call; other sessions only store a row.
    await rate_limit(call, "ai" if data.mode == "interview" else "coach_session")
    request = StartRequest(
        mode=data.mode,
        problem=data.problem,
        practice_session=data.session,
        interview_type=data.interview_type,
        company=data.company,
    )
    try:
        return await call.app[COACH].conversations.start(call.user_id, call.role, request)
    except CoachError as exc:
        raise refused(exc) from exc


@router.on("ai:question", AiQuestion)
async def question(call: SocketCall) -> dict[str, Any]:
    data: AiQuestion = call.data
    await rate_limit(call, "ai")
    try:
        ack = await call.app[COACH].conversations.ask(call.user_id, data.session_id, data.content)
    except CoachError as exc:
        raise refused(exc) from exc
    return {"session_id": data.session_id, **ack}


@router.on("ai:cancel", AiSessionRef)
async def cancel(call: SocketCall) -> dict[str, Any]:
    data: AiSessionRef = call.data
    try:
        ack = await call.app[COACH].conversations.cancel(call.user_id, data.session_id)
    except CoachError as exc:
        raise refused(exc) from exc
    return {"session_id": data.session_id, **ack}


@router.on("ai:session:end", AiSessionRef)
async def end(call: SocketCall) -> dict[str, Any]:
    data: AiSessionRef = call.data
    try:
        return await call.app[COACH].conversations.end(call.user_id, data.session_id)
    except CoachError as exc:
        raise refused(exc) from exc


@router.on("ai:generate", AiGenerate)
async def generate(call: SocketCall) -> dict[str, Any]:
    """Ack with a generation_id; progress and the result arrive as `ai:generate:progress`."""
    from realtime.rest.coach import generated_out  # the REST module owns the response shape

    await rate_limit(call, "generate")
    coach = call.app[COACH]
    try:
        await coach.budget.check(call.user_id)
    except CoachError as exc:
        raise refused(exc) from exc
    request = GenerationRequest.model_validate(call.data.model_dump())
    generation_id = uuid.uuid4().hex[:12]
    room = user_room(call.user_id)

    async def progress(stage: str, **details: Any) -> None:
        payload = {"generation_id": generation_id, "stage": stage, **details}
        await call.sio.emit("ai:generate:progress", payload, room=room)

    async def fail(exc: CoachError) -> None:
        await progress("failed", error=exc.payload())
        await call.sio.emit(
            "ai:error", {"generation_id": generation_id, **exc.payload()}, room=room
        )

    async def run() -> None:
        try:
            result = await coach.generator.generate(call.user_id, request, progress)
            out = await generated_out(call.app, result)
        except CoachError as exc:
            await fail(exc)
            return
        except Exception:  # storage, judge plumbing...: the client must still hear the end
            log.exception("problem generation %s failed", generation_id)
            await fail(
                CoachError(
                    "generation_error",
                    "problem generation failed on the server; try again",
                    retry_after=10,
                    status=500,
                )
            )
            return
        await progress("done", **out.model_dump(mode="json"))

    coach.streams.spawn(run(), name=f"coach-generate-{generation_id}")
    return {"generation_id": generation_id}
