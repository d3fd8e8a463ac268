"""Payload models for client -> server events (validated before any handler runs)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBytes

from realtime.schemas.designs import Scene
from storage.languages import LanguageId

MAX_CODE_CHARS = 64 * 1024
MAX_STDIN_CHARS = 256 * 1024
Slug = str


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_STDIN_CHARS)


class CodeExecute(Payload):
    problem: Slug | None = Field(None, max_length=80)
    language: str = Field(min_length=1, max_length=32)
    code: str = Field(min_length=1, max_length=MAX_CODE_CHARS)
    mode: Literal["run", "submit"] = "run"
    stdin: str | None = Field(None, max_length=MAX_STDIN_CHARS)
    room: str | None = Field(None, max_length=64)
    session: int | None = Field(None, ge=1)


class SessionOpen(Payload):
    problem: Slug = Field(min_length=1, max_length=80)
    language: LanguageId = "python"


class SessionAutosave(Payload):
    session: int = Field(ge=1)
    code: str = Field(max_length=MAX_CODE_CHARS)
    language: LanguageId
    base_revision: int = Field(ge=0)
    time_spent: int = Field(0, ge=0, le=10 * 365 * 24 * 3600)


class SessionRef(Payload):
    session: int = Field(ge=1)


class SessionSubmit(Payload):
    session: int = Field(ge=1)
    language: LanguageId | None = None


class DesignOpen(Payload):
    design: Slug = Field(min_length=1, max_length=80)


class DesignAutosave(Payload):
    """`scene` is checked like the REST body (realtime/schemas/designs.Scene)."""

    session: int = Field(ge=1)
    scene: Scene
    base_revision: int = Field(ge=0)
    time_spent: int = Field(0, ge=0, le=10 * 365 * 24 * 3600)


RoomId = str


class RoomJoin(Payload):
    room: RoomId = Field(min_length=1, max_length=64)
    invite_code: str | None = Field(None, max_length=64)
    spectator: bool = False


class RoomRef(Payload):
    room: RoomId = Field(min_length=1, max_length=64)


class RoomChat(Payload):
    room: RoomId = Field(min_length=1, max_length=64)
    text: str = Field(min_length=1, max_length=1000)


class DocFrame(Payload):
    """`doc:sync` / `doc:update` / `doc:awareness`: `data` is binary (y-protocols bytes)."""

    room: RoomId = Field(min_length=1, max_length=64)
    data: StrictBytes  # a JSON string is refused: Yjs frames travel as Socket.IO binary


class RoomProblem(Payload):
    room: RoomId = Field(min_length=1, max_length=64)
    problem: Slug = Field(min_length=1, max_length=80)
