"""The offline reviewer: a design's expected components and links matched against the drawing.

A component is found when one of its names appears, as whole words, in a box's
label ("Redis cache" finds `cache`); a link is found when an arrow joins a box
of one component to a box of the other, either way round. Components carry
three quarters of the score (by weight), links the rest, so a diagram of the
right boxes with no arrows cannot pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from designs.scene import SceneGraph

COMPONENT_SHARE = 0.75
_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Component:
    name: str
    aliases: tuple[str, ...]  # other names that count (lowercase words)
    weight: int
    why: str  # why a design needs it: shown when it is missing


@dataclass(frozen=True)
class Connection:
    source: str  # component names
    target: str
    why: str


@dataclass(frozen=True)
class Review:
    score: int  # 0-100
    strengths: tuple[str, ...]
    improvements: tuple[str, ...]
    missing_components: tuple[str, ...]


def words(text: str) -> str:
    """Lowercase words separated by single spaces, padded so phrases match on word edges."""
    return f" {_NON_WORD.sub(' ', text.lower()).strip()} "


def names_of(component: Component) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words(n) for n in (component.name, *component.aliases) if n.strip()))


def matching_nodes(graph: SceneGraph, component: Component) -> set[str]:
    names = names_of(component)
    found = set()
    for node in graph.nodes:
        label = words(node.label)
        if any(name in label for name in names):
            found.add(node.id)
    return found


def review(
    graph: SceneGraph, components: tuple[Component, ...], connections: tuple[Connection, ...]
) -> Review:
    """Score a drawing against its design's rubric (see the module docstring)."""
    if not graph.nodes:
        return Review(
            0,
            (),
            ("Draw the main components as labelled boxes and join them with arrows.",),
            tuple(c.name for c in components),
        )
    where = {c.name: matching_nodes(graph, c) for c in components}
    present = [c for c in components if where[c.name]]
    missing = [c for c in components if not where[c.name]]
    total = sum(c.weight for c in components) or 1
    component_ratio = sum(c.weight for c in present) / total

    linked: list[Connection] = []
    unlinked: list[Connection] = []
    for link in connections:
        a, b = where.get(link.source, set()), where.get(link.target, set())
        joined = any(
            (e.source in a and e.target in b) or (e.source in b and e.target in a)
            for e in graph.edges
        )
        (linked if joined else unlinked).append(link)
    if connections:
        link_ratio = len(linked) / len(connections)
        ratio = COMPONENT_SHARE * component_ratio + (1 - COMPONENT_SHARE) * link_ratio
    else:
        ratio = component_ratio
    score = round(100 * ratio)

    strengths = [f"Includes a {c.name.lower()}: {c.why}" for c in present]
    strengths += [f"Connects the {c.source.lower()} to the {c.target.lower()}." for c in linked]
    improvements = [f"Add a {c.name.lower()}: {c.why}" for c in missing]
    improvements += [
        f"Connect the {c.source.lower()} and the {c.target.lower()}: {c.why}"
        for c in unlinked
        if where.get(c.source) and where.get(c.target)
    ]
    if graph.unlabelled:
        improvements.append(
            f"Label the {graph.unlabelled} unlabelled shape(s) so a reviewer knows what they are."
        )
    if not graph.edges:
        improvements.append("Draw arrows for how requests and data flow between the boxes.")
    return Review(score, tuple(strengths), tuple(improvements), tuple(c.name for c in missing))
