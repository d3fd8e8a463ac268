"""Coach events: `ai:session:start`, `ai:question`, `ai:cancel`, `ai:session:end`, `ai:generate`.

Acks answer at once; replies stream to the user's room as `ai:token`, results
as `ai:feedback`, failures as `ai:error`, generation as `ai:generate:progress`.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from coach.conversation import StartRequest
from coach.exceptions import CoachError
from coach.generation.request import GenerationRequest
from realtime.keys import COACH
from realtime.rest.coach import generated_out
from realtime.schemas.coach import AiGenerate, AiQuestion, AiSessionRef, AiSessionStart
from realtime.sockets.editor import rate_limit
from realtime.sockets.router import EventRouter, SocketCall
from rooms.events import user_room

router = EventRouter()
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
    return await call.app[COACH].conversations.start(call.user_id, call.role, request)


@router.on("ai:question", AiQuestion)
async def question(call: SocketCall) -> dict[str, Any]:
    data: AiQuestion = call.data
    await rate_limit(call, "ai")
    ack = await call.app[COACH].conversations.ask(call.user_id, data.session_id, data.content)
    return {"session_id": data.session_id, **ack}


@router.on("ai:cancel", AiSessionRef)
async def cancel(call: SocketCall) -> dict[str, Any]:
    data: AiSessionRef = call.data
    ack = await call.app[COACH].conversations.cancel(call.user_id, data.session_id)
    return {"session_id": data.session_id, **ack}


@router.on("ai:session:end", AiSessionRef)
async def end(call: SocketCall) -> dict[str, Any]:
    data: AiSessionRef = call.data
    return await call.app[COACH].conversations.end(call.user_id, data.session_id)


@router.on("ai:generate", AiGenerate)
async def generate(call: SocketCall) -> dict[str, Any]:
    """Ack with a generation_id; progress and the result arrive as `ai:generate:progress`."""
    await rate_limit(call, "generate")
    coach = call.app[COACH]
    await coach.budget.check(call.user_id)
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
            out = await generated_out(call.app, result)  # the REST module owns the shape
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
