"""System-design shapes. No model here carries a design's rubric before a session is reviewed."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from storage.design_package import DesignProblem
from storage.models import DesignSession, DesignSnapshot
from storage.repositories.design_sessions import DesignStats

MAX_ELEMENTS = 5000
SessionStatus = Literal["active", "paused", "submitted", "abandoned"]


class SceneElement(BaseModel):
    """One Excalidraw element: its id and type are checked, the rest is kept as drawn."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1, max_length=100)
    type: str = Field(min_length=1, max_length=32)
    isDeleted: bool = False


class Scene(BaseModel):
    """An Excalidraw scene as `serializeAsJSON` writes it (its header keys are accepted)."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["excalidraw"] | None = None
    version: int | None = None
    source: str | None = Field(None, max_length=300)
    elements: list[SceneElement] = Field(default_factory=list, max_length=MAX_ELEMENTS)
    appState: dict[str, Any] = Field(default_factory=dict)
    files: dict[str, dict[str, Any]] = Field(default_factory=dict, max_length=100)

    @model_validator(mode="after")
    def _unique_ids(self) -> Scene:
        ids = [e.id for e in self.elements]
        if len(set(ids)) != len(ids):
            raise ValueError("two elements share an id")
        return self

    def stored(self) -> dict[str, Any]:
        """What a session keeps: elements, appState, files."""
        return {
            "elements": [e.model_dump() for e in self.elements],
            "appState": self.appState,
            "files": self.files,
        }


def scene_size(scene: dict[str, Any]) -> int:
    return len(json.dumps(scene, separators=(",", ":"), ensure_ascii=False).encode())


class DesignSummary(BaseModel):
    slug: str
    kind: str
    title: str
    difficulty: str
    summary: str
    estimated_minutes: int
    topics: list[str]
    sessions: int
    best_score: int | None
    open_session: int | None

    @classmethod
    def of(cls, d: DesignProblem, stats: DesignStats | None) -> DesignSummary:
        return cls(
            slug=d.slug,
            kind=d.kind,
            title=d.title,
            difficulty=d.difficulty,
            summary=d.summary,
            estimated_minutes=d.estimated_minutes,
            topics=list(d.topics),
            sessions=stats.sessions if stats else 0,
            best_score=stats.best_score if stats else None,
            open_session=stats.open_session if stats else None,
        )


class DesignOut(DesignSummary):
    """The brief: statement, requirements, constraints and hints (not the rubric)."""

    statement: str
    requirements: list[str]
    constraints: list[str]
    hints: list[str]

    @classmethod
    def full(cls, d: DesignProblem, stats: DesignStats | None) -> DesignOut:
        return cls(
            **DesignSummary.of(d, stats).model_dump(),
            statement=d.statement,
            requirements=list(d.requirements),
            constraints=list(d.constraints),
            hints=list(d.hints),
        )


class DesignList(BaseModel):
    items: list[DesignSummary]


class DesignEnvelope(BaseModel):
    design: DesignOut


class ReviewOut(BaseModel):
    score: int
    strengths: list[str]
    improvements: list[str]
    missing_components: list[str]
    reviewed_by: str
    reviewed_at: datetime

    @classmethod
    def of(cls, row: DesignSession) -> ReviewOut | None:
        """The session's stored review, if it has one."""
        if row.evaluation is None or row.evaluated_at is None:
            return None
        return cls(
            **row.evaluation, reviewed_by=row.evaluated_by or "", reviewed_at=row.evaluated_at
        )


class DesignSessionOut(BaseModel):
    id: int
    design: str
    revision: int
    status: str
    time_spent: int
    scene: dict[str, Any]
    review: ReviewOut | None
    created_at: datetime
    updated_at: datetime
    paused_at: datetime | None
    ended_at: datetime | None

    @classmethod
    def of(cls, row: DesignSession, *, with_scene: bool = True) -> DesignSessionOut:
        return cls(
            id=row.id,
            design=row.design_slug,
            revision=row.revision,
            status=row.status,
            time_spent=row.time_spent_seconds,
            scene=dict(row.scene) if with_scene else {},
            review=ReviewOut.of(row),
            created_at=row.created_at,
            updated_at=row.updated_at,
            paused_at=row.paused_at,
            ended_at=row.ended_at,
        )


class DesignSessionEnvelope(BaseModel):
    session: DesignSessionOut
    created: bool = False


class DesignSessionQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: SessionStatus | None = None
    design: str | None = Field(None, max_length=80)
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=100)


class DesignSessionList(BaseModel):
    """Sessions without their scenes (open one for its scene)."""

    items: list[DesignSessionOut]
    page: int
    per_page: int


class SceneSave(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scene: Scene
    base_revision: int = Field(ge=0)
    time_spent: int = Field(0, ge=0, le=10 * 365 * 24 * 3600)


class SceneSaved(BaseModel):
    revision: int
    saved: bool
    snapshot: bool


class ReviewEnvelope(BaseModel):
    """A submit's answer: the session, and its review or why there is none yet."""

    session: DesignSessionOut
    review: ReviewOut | None
    unreviewed: dict[str, Any] | None = None


class DesignSnapshotOut(BaseModel):
    revision: int
    scene: dict[str, Any]
    created_at: datetime

    @classmethod
    def of(cls, row: DesignSnapshot) -> DesignSnapshotOut:
        return cls(revision=row.revision, scene=dict(row.scene), created_at=row.created_at)


class DesignSnapshotList(BaseModel):
    session_id: int
    items: list[DesignSnapshotOut]


class RoomScene(BaseModel):
    room: str
    elements: list[dict[str, Any]]
    diagram: str  # the boxes and arrows read from it, one per line
