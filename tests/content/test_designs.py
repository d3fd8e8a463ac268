"""The shipped system-design problems load, their references meet their own rubric, and a
broken design folder is refused with a message naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from content import DESIGNS_DIR
from designs.rubric import review
from designs.scene import read_scene
from storage.content_catalog import build_catalog, load_catalog
from storage.design_package import iter_designs, load_design
from storage.quiz_package import ContentError

DESIGNS = list(iter_designs())


def test_at_least_six_designs_ship_and_companies_may_list_them() -> None:
    assert len(DESIGNS) >= 6
    assert {d.kind for d in DESIGNS} == {"system_design"}
    assert {d.difficulty for d in DESIGNS} >= {"easy", "medium", "hard"}
    catalog = load_catalog()
    assert set(catalog.designs) == {d.slug for d in DESIGNS}
    listed = {slug for c in catalog.companies.values() for slug in c.designs}
    assert listed and listed <= set(catalog.designs)


@pytest.mark.parametrize("design", DESIGNS, ids=lambda d: d.slug)
def test_each_reference_meets_its_rubric_and_a_sketch_does_not(design) -> None:
    scene = json.loads((DESIGNS_DIR / design.slug / "reference.excalidraw").read_text())
    graph = read_scene(scene["elements"])
    full = review(graph, design.components, design.connections)
    assert full.score == 100 and full.missing_components == (), full
    # Two boxes of the reference, no arrows: far from a pass.
    texts = [e for e in scene["elements"] if e["type"] == "text" and e.get("containerId")][:2]
    keep = {t["id"] for t in texts} | {t["containerId"] for t in texts}
    sketch = review(
        read_scene([e for e in scene["elements"] if e["id"] in keep]),
        design.components,
        design.connections,
    )
    assert sketch.score < 50
    assert len(sketch.missing_components) >= len(design.components) - 2


@pytest.mark.parametrize("design", DESIGNS, ids=lambda d: d.slug)
def test_no_alias_is_shared_by_two_components(design) -> None:
    seen: dict[str, str] = {}
    for component in design.components:
        for name in (component.name.lower(), *component.aliases):
            assert seen.setdefault(name, component.name) == component.name, name


GOOD = """
slug = "tiny"
title = "Tiny"
difficulty = "easy"
summary = "A small design."
estimated_minutes = 20
requirements = ["Serve requests."]
constraints = ["10 requests a second."]
hints = ["Start with one box."]

[[components]]
name = "API"
why = "Takes the requests."

[[components]]
name = "Database"
aliases = ["postgres"]
why = "Keeps the data."

[[components]]
name = "Cache"
weight = 2
why = "Saves reads."

[[connections]]
from = "API"
to = "Database"
why = "Writes."
"""


def write(tmp_path: Path, toml: str, statement: str | None = "Draw it.") -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir(exist_ok=True)
    (folder / "design.toml").write_text(toml)
    if statement is not None:
        (folder / "statement.md").write_text(statement)
    return folder


def test_a_well_formed_folder_loads(tmp_path: Path) -> None:
    design = load_design(write(tmp_path, GOOD))
    assert [c.name for c in design.components] == ["API", "Database", "Cache"]
    assert design.components[2].weight == 2 and design.components[1].aliases == ("postgres",)
    assert design.connections[0].source == "API"


@pytest.mark.parametrize(
    ("toml", "statement", "message"),
    [
        (GOOD, None, "missing statement.md"),
        (GOOD, "  ", "statement is empty"),
        (GOOD.replace('"easy"', '"trivial"'), "x", "'difficulty' must be one of"),
        (GOOD.replace("estimated_minutes = 20", "estimated_minutes = 2"), "x", "from 10 to 180"),
        (GOOD.replace('slug = "tiny"', 'slug = "other"'), "x", "does not match folder"),
        (GOOD.replace('from = "API"', 'from = "Queue"'), "x", "'Queue' is not one of"),
        (GOOD.replace("weight = 2", "weight = 9"), "x", "'weight' must be a whole number"),
        (GOOD.replace('name = "Cache"', 'name = "API"'), "x", "share a name"),
        (GOOD.replace('hints = ["Start with one box."]', "hints = []"), "x", "at least 1"),
        (GOOD + '\nsecret = "x"\n', "x", "unknown key(s): secret"),
        (GOOD.split("[[components]]")[0] + "components = []\n", "x", "at least 3"),
        ("slug = ", "x", "invalid TOML"),
    ],
)
def test_broken_folders_are_refused_by_name(tmp_path: Path, toml, statement, message) -> None:
    with pytest.raises(ContentError, match="tiny") as info:
        load_design(write(tmp_path, toml, statement))
    assert message in str(info.value)


def test_a_design_may_not_take_a_bank_problems_slug(tmp_path: Path) -> None:
    design = load_design(write(tmp_path, GOOD))
    with pytest.raises(ContentError, match="slug of a bank problem"):
        build_catalog([], [], [], {"tiny"}, [design])
