"""Helpers for coach socket tests: start sessions, ask, and wait for the streamed reply."""

from __future__ import annotations

from typing import Any

from tests.inbox import Inbox

COACH_EVENTS = ("ai:token", "ai:feedback", "ai:error", "ai:generate:progress")
CODE_EVENTS = ("code:progress", "code:result", "code:error")


def inbox_for_coach() -> Inbox:
    return Inbox()


def handlers(inbox: Inbox) -> dict[str, Any]:
    return inbox.handlers(*COACH_EVENTS, *CODE_EVENTS)


async def call(sio: Any, event: str, payload: Any, within: float = 20) -> dict[str, Any]:
    return await sio.call(event, payload, timeout=within)


async def final_token(inbox: Inbox, message_id: int, within: float = 30) -> dict[str, Any]:
    """The `done: true` ai:token of a message."""
    return await inbox.wait_for(
        "ai:token", lambda e: e["message_id"] == message_id and e["done"], within=within
    )


def deltas(inbox: Inbox, message_id: int) -> list[str]:
    return [
        e["delta"]
        for e in inbox.events["ai:token"]
        if e["message_id"] == message_id and not e["done"]
    ]


async def start(sio: Any, **payload: Any) -> dict[str, Any]:
    ack = await call(sio, "ai:session:start", payload)
    assert ack["ok"] is True, ack
    return ack


async def ask(sio: Any, inbox: Inbox, session_id: int, content: str) -> dict[str, Any]:
    """Ask and wait for the whole reply; returns the final ai:token event."""
    ack = await call(sio, "ai:question", {"session_id": session_id, "content": content})
    assert ack["ok"] is True, ack
    return await final_token(inbox, ack["message_id"])


async def run_code(
    sio: Any, inbox: Inbox, problem: str, code: str, session: int | None = None, mode: str = "run"
) -> dict[str, Any]:
    """Judge code for real (visible tests in run mode) and wait for code:result."""
    payload: dict[str, Any] = {"problem": problem, "language": "python", "code": code, "mode": mode}
    if session is not None:
        payload["session"] = session
    ack = await call(sio, "code:execute", payload)
    assert ack["ok"] is True, ack
    return await inbox.wait_for(
        "code:result", lambda e: e["submission_id"] == ack["submission_id"], within=60
    )


async def open_practice(sio: Any, problem: str, code: str) -> int:
    """Open a practice session and autosave `code` into it; returns its id."""
    ack = await call(sio, "session:open", {"problem": problem, "language": "python"})
    assert ack["ok"] is True, ack
    session = ack["session"]
    saved = await call(
        sio,
        "session:autosave",
        {
            "session": session["id"],
            "code": code,
            "language": "python",
            "base_revision": session["revision"],
        },
    )
    assert saved["ok"] is True, saved
    return session["id"]
