"""Small Excalidraw scenes built in code, the way the editor saves them."""

from __future__ import annotations

from typing import Any


class SceneBuilder:
    """Boxes with bound labels and arrows bound (or only drawn) between them."""

    def __init__(self) -> None:
        self.elements: list[dict[str, Any]] = []
        self._boxes: dict[str, dict[str, Any]] = {}

    def box(self, label: str, x: float, y: float, *, key: str | None = None) -> str:
        key = key or label
        box_id, text_id = f"box-{len(self.elements)}", f"text-{len(self.elements)}"
        box = {
            "id": box_id,
            "type": "rectangle",
            "x": x,
            "y": y,
            "width": 200,
            "height": 80,
            "isDeleted": False,
            "boundElements": [{"id": text_id, "type": "text"}] if label else [],
        }
        self.elements.append(box)
        if label:
            self.elements.append(
                {
                    "id": text_id,
                    "type": "text",
                    "x": x + 10,
                    "y": y + 30,
                    "width": 180,
                    "height": 20,
                    "text": label,
                    "originalText": label,
                    "containerId": box_id,
                    "isDeleted": False,
                }
            )
        self._boxes[key] = box
        return box_id

    def arrow(self, source: str, target: str, *, bound: bool = True, label: str = "") -> str:
        a, b = self._boxes[source], self._boxes[target]
        start = (a["x"] + a["width"], a["y"] + a["height"] / 2)
        end = (b["x"], b["y"] + b["height"] / 2)
        arrow_id = f"arrow-{len(self.elements)}"
        arrow: dict[str, Any] = {
            "id": arrow_id,
            "type": "arrow",
            "x": start[0],
            "y": start[1],
            "width": end[0] - start[0],
            "height": end[1] - start[1],
            "points": [[0, 0], [end[0] - start[0], end[1] - start[1]]],
            "isDeleted": False,
        }
        if bound:
            arrow["startBinding"] = {"elementId": a["id"], "focus": 0, "gap": 4}
            arrow["endBinding"] = {"elementId": b["id"], "focus": 0, "gap": 4}
        self.elements.append(arrow)
        if label:
            self.elements.append(
                {
                    "id": f"label-{arrow_id}",
                    "type": "text",
                    "text": label,
                    "containerId": arrow_id,
                    "isDeleted": False,
                }
            )
        return arrow_id

    def scene(self) -> dict[str, Any]:
        return {
            "elements": self.elements,
            "appState": {"viewBackgroundColor": "#ffffff"},
            "files": {},
        }
