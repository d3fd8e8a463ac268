"""System-design sessions over Socket.IO: `design:open`, `design:autosave`, moves, `design:submit`.

The rules and error codes are the REST endpoints' (realtime/services/designs.py);
docs/system-design.md lists the payloads and acks.
"""

from __future__ import annotations

from typing import Any

from realtime.schemas.designs import DesignSessionOut
from realtime.services import designs as service
from realtime.sockets.payloads import DesignAutosave, DesignOpen, SessionRef
from realtime.sockets.router import EventRouter, SocketCall

router = EventRouter()


def _view(row: Any) -> dict[str, Any]:
    return DesignSessionOut.of(row).model_dump(mode="json")


@router.on("design:open", DesignOpen)
async def open_session(call: SocketCall) -> dict[str, Any]:
    data: DesignOpen = call.data
    row, created = await service.open_session(call.app, call.user_id, data.design)
    return {"session": _view(row), "created": created}


@router.on("design:autosave", DesignAutosave)
async def autosave(call: SocketCall) -> dict[str, Any]:
    data: DesignAutosave = call.data
    result = await service.save_scene(
        call.app, call.user_id, data.session, data.scene, data.base_revision, data.time_spent
    )
    return {
        "revision": result.session.revision,
        "saved": result.changed,
        "snapshot": result.snapshot,
    }


def _mover(action: str) -> Any:
    async def handle(call: SocketCall) -> dict[str, Any]:
        data: SessionRef = call.data
        return {"session": _view(await service.move(call.app, call.user_id, data.session, action))}

    handle.__name__ = f"design_{action}"
    return handle


for _action in ("pause", "resume", "abandon"):
    router.on(f"design:{_action}", SessionRef)(_mover(_action))


@router.on("design:submit", SessionRef)
async def submit(call: SocketCall) -> dict[str, Any]:
    data: SessionRef = call.data
    done = await service.submit(call.app, call.user_id, data.session)
    return {
        "session": _view(done.session),
        "review": done.review.model_dump(mode="json") if done.review else None,
        "unreviewed": done.unreviewed,
    }
