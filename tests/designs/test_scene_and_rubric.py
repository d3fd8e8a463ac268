"""Reading a drawn scene and scoring it against a rubric: pure functions, no server."""

from __future__ import annotations

from designs.rubric import Component, Connection, review
from designs.scene import read_scene
from tests.designs.scenes import SceneBuilder

COMPONENTS = (
    Component("Load balancer", ("lb", "nginx"), 2, "spreads the traffic"),
    Component("Cache", ("redis", "memcached"), 2, "keeps hot reads off the database"),
    Component("Database", ("postgres", "sql"), 3, "keeps the data"),
    Component("CDN", (), 1, "serves static files near users"),
)
LINKS = (
    Connection("Load balancer", "Cache", "reads check the cache first"),
    Connection("Cache", "Database", "misses fall through"),
)


def test_labels_come_from_bound_text_and_arrows_from_bindings() -> None:
    b = SceneBuilder()
    b.box("Nginx LB", 0, 0)
    b.box("Redis cache", 300, 0)
    b.arrow("Nginx LB", "Redis cache", label="GET /x")
    graph = read_scene(b.elements)
    assert sorted(n.label for n in graph.nodes) == ["Nginx LB", "Redis cache"]
    (edge,) = graph.edges
    assert (
        graph.label_of(edge.source) == "Nginx LB" and graph.label_of(edge.target) == "Redis cache"
    )
    assert edge.label == "GET /x"
    assert "arrow: Nginx LB -> Redis cache (GET /x)" in graph.describe()


def test_an_arrow_that_did_not_snap_is_matched_by_where_its_ends_lie() -> None:
    b = SceneBuilder()
    b.box("API", 0, 0)
    b.box("Postgres", 300, 0)
    b.arrow("API", "Postgres", bound=False)
    (edge,) = read_scene(b.elements).edges
    assert edge.source != edge.target


def test_deleted_elements_and_dangling_arrows_are_ignored() -> None:
    b = SceneBuilder()
    b.box("API", 0, 0)
    b.box("Gone", 300, 0)
    b.arrow("API", "Gone")
    for e in b.elements:
        if e["id"].startswith(("box-2", "text-2")):
            e["isDeleted"] = True
    graph = read_scene(b.elements)
    assert [n.label for n in graph.nodes] == ["API"]
    assert graph.edges == ()


def test_free_text_is_a_note_unless_an_arrow_points_at_it() -> None:
    b = SceneBuilder()
    b.box("API", 0, 0)
    b.elements.append({"id": "t1", "type": "text", "text": "Users", "x": -300, "y": 0})
    b.elements.append({"id": "t2", "type": "text", "text": "TODO: sharding", "x": 0, "y": 500})
    b.elements.append(
        {
            "id": "a1",
            "type": "arrow",
            "x": -250,
            "y": 10,
            "points": [[0, 0], [250, 20]],
            "startBinding": {"elementId": "t1"},
            "endBinding": {"elementId": b.elements[0]["id"]},
        }
    )
    graph = read_scene(b.elements)
    assert {n.label for n in graph.nodes} == {"API", "Users"}
    assert len(graph.edges) == 1
    assert graph.notes == ("TODO: sharding",)


def test_malformed_elements_do_not_break_reading() -> None:
    graph = read_scene(
        [
            "not an element",
            {"type": "rectangle"},  # no id
            {"id": "a", "type": "arrow", "points": "nope"},
            {"id": "b", "type": "arrow", "points": [[0, 0]]},
            {"id": "c", "type": "rectangle", "x": "left", "width": None},
        ]
    )
    assert [n.id for n in graph.nodes] == ["c"] and graph.edges == ()


def full_scene() -> SceneBuilder:
    b = SceneBuilder()
    b.box("CDN", 0, 300)
    b.box("Load balancer (nginx)", 0, 0)
    b.box("Redis", 300, 0)
    b.box("Postgres primary", 600, 0)
    b.arrow("Load balancer (nginx)", "Redis")
    b.arrow("Redis", "Postgres primary")
    return b


def test_a_complete_diagram_scores_full_marks() -> None:
    result = review(read_scene(full_scene().elements), COMPONENTS, LINKS)
    assert result.score == 100
    assert result.missing_components == ()
    assert not any(i.startswith("Add a") for i in result.improvements)


def test_missing_parts_cost_their_weight_and_are_named() -> None:
    b = SceneBuilder()
    b.box("Load balancer", 0, 0)
    b.box("Redis", 300, 0)
    b.arrow("Load balancer", "Redis")
    result = review(read_scene(b.elements), COMPONENTS, LINKS)
    # components 4/8 of weight -> 0.75 * 0.5; links 1/2 -> 0.25 * 0.5
    assert result.score == 50
    assert result.missing_components == ("Database", "CDN")
    assert any("database" in i.lower() for i in result.improvements)


def test_right_boxes_without_arrows_do_not_pass() -> None:
    b = full_scene()
    b.elements = [e for e in b.elements if e["type"] != "arrow"]
    result = review(read_scene(b.elements), COMPONENTS, LINKS)
    assert result.score == 75
    assert any("arrows" in i for i in result.improvements)
    assert any(i.startswith("Connect the load balancer") for i in result.improvements)


def test_names_match_whole_words_only() -> None:
    b = SceneBuilder()
    b.box("Blob storage", 0, 0)  # "lb" inside a word is not a load balancer
    b.box("SQLite? no: sql database", 300, 0)
    result = review(read_scene(b.elements), COMPONENTS, ())
    assert "Load balancer" in result.missing_components
    assert "Database" not in result.missing_components


def test_an_empty_canvas_scores_zero_with_advice() -> None:
    result = review(read_scene([]), COMPONENTS, LINKS)
    assert result.score == 0 and len(result.missing_components) == 4
    assert result.improvements and result.strengths == ()


def test_unlabelled_shapes_are_pointed_out() -> None:
    b = full_scene()
    b.box("", 900, 0, key="blank")
    result = review(read_scene(b.elements), COMPONENTS, LINKS)
    assert result.score == 100
    assert any("unlabelled" in i for i in result.improvements)
