"""What an Excalidraw scene says as a diagram: labelled boxes and the arrows between them.

Excalidraw stores a shape's label as a separate text element whose
`containerId` is the shape, and an arrow's ends as `startBinding` /
`endBinding` pointing at the shapes it snapped to. An arrow drawn near a shape
without snapping is matched by where its end lies (inside the shape's box, with
a small margin), because people rarely notice whether it snapped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

CONNECTOR_TYPES = frozenset({"arrow", "line"})
NON_NODE_TYPES = CONNECTOR_TYPES | frozenset({"freedraw", "image", "selection"})
END_MARGIN = 12.0  # px around a shape within which an unbound arrow end counts as touching it


@dataclass(frozen=True)
class Node:
    id: str
    label: str  # "" for a shape nobody labelled


@dataclass(frozen=True)
class Edge:
    source: str  # node ids
    target: str
    label: str = ""


@dataclass(frozen=True)
class SceneGraph:
    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    notes: tuple[str, ...] = field(default=())  # free text not inside any shape

    def label_of(self, node_id: str) -> str:
        return next((n.label for n in self.nodes if n.id == node_id), "")

    @property
    def unlabelled(self) -> int:
        return sum(1 for n in self.nodes if not n.label)

    def describe(self) -> str:
        """The diagram as plain lines, for a model prompt and for people reading logs."""
        lines = [f"- box: {n.label}" for n in self.nodes if n.label]
        if self.unlabelled:
            lines.append(f"- {self.unlabelled} unlabelled shape(s)")
        for e in self.edges:
            a, b = self.label_of(e.source) or "?", self.label_of(e.target) or "?"
            lines.append(f"- arrow: {a} -> {b}" + (f" ({e.label})" if e.label else ""))
        lines.extend(f"- note: {text}" for text in self.notes)
        return "\n".join(lines) or "(an empty canvas)"


def live_elements(elements: Iterable[Any]) -> list[dict[str, Any]]:
    """Elements still on the canvas (Excalidraw keeps deleted ones, flagged, for sync)."""
    return [
        e
        for e in elements
        if isinstance(e, dict) and isinstance(e.get("id"), str) and not e.get("isDeleted")
    ]


def _text(element: Mapping[str, Any]) -> str:
    raw = element.get("text") or element.get("originalText") or ""
    return " ".join(str(raw).split())


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _box(element: Mapping[str, Any]) -> tuple[float, float, float, float]:
    x, y = _number(element.get("x")), _number(element.get("y"))
    w, h = _number(element.get("width")), _number(element.get("height"))
    return min(x, x + w), min(y, y + h), max(x, x + w), max(y, y + h)


def _ends(arrow: Mapping[str, Any]) -> tuple[tuple[float, float], tuple[float, float]] | None:
    points = arrow.get("points")
    if not isinstance(points, list) or len(points) < 2:
        return None
    try:
        first = (float(points[0][0]), float(points[0][1]))
        last = (float(points[-1][0]), float(points[-1][1]))
    except (TypeError, ValueError, IndexError):
        return None
    x, y = _number(arrow.get("x")), _number(arrow.get("y"))
    return (x + first[0], y + first[1]), (x + last[0], y + last[1])


def read_scene(elements: Iterable[Any]) -> SceneGraph:
    """The diagram of a scene's elements (see the module docstring)."""
    live = live_elements(elements)
    by_id = {e["id"]: e for e in live}
    labels: dict[str, list[str]] = {}
    notes: list[str] = []
    for e in live:
        if e.get("type") != "text":
            continue
        container = e.get("containerId")
        if isinstance(container, str) and container in by_id:
            labels.setdefault(container, []).append(_text(e))
        elif _text(e):
            notes.append(_text(e))
    shapes = [e for e in live if e.get("type") not in NON_NODE_TYPES and e.get("type") != "text"]
    nodes = [
        Node(e["id"], " ".join(filter(None, [*labels.get(e["id"], []), _text(e)]))) for e in shapes
    ]
    # A free text is a node of its own when an arrow points at it (a label without a box).
    texts = {
        e["id"]: e
        for e in live
        if e.get("type") == "text" and not by_id.get(str(e.get("containerId")))
    }
    node_ids = {n.id for n in nodes}

    def end_node(binding: Any, point: tuple[float, float] | None) -> str | None:
        if isinstance(binding, dict):
            target = binding.get("elementId")
            if target in node_ids:
                return target
            if target in texts:
                return target
        if point is None:
            return None
        px, py = point
        hits = []
        for e in shapes:
            x0, y0, x1, y1 = _box(e)
            if (
                x0 - END_MARGIN <= px <= x1 + END_MARGIN
                and y0 - END_MARGIN <= py <= y1 + END_MARGIN
            ):
                hits.append(((x1 - x0) * (y1 - y0), e["id"]))
        return min(hits)[1] if hits else None  # the smallest box: a box drawn inside a group

    edges: list[Edge] = []
    used_texts: set[str] = set()
    for e in live:
        if e.get("type") not in CONNECTOR_TYPES:
            continue
        ends = _ends(e)
        start = end_node(e.get("startBinding"), ends[0] if ends else None)
        end = end_node(e.get("endBinding"), ends[1] if ends else None)
        if start is None or end is None or start == end:
            continue
        for side in (start, end):
            if side in texts:
                used_texts.add(side)
        edges.append(Edge(start, end, " ".join(labels.get(e["id"], []))))
    for text_id in sorted(used_texts):
        label = _text(texts[text_id])
        nodes.append(Node(text_id, label))
        if label in notes:
            notes.remove(label)
    return SceneGraph(tuple(nodes), tuple(edges), tuple(notes))
