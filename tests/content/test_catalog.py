"""The shipped content loads and is right; broken content is refused with a clear message."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from content import MODULES_DIR
from realtime.commands.judge import content_summary
from storage.content_catalog import find_cycle, load_catalog
from storage.quiz_grading import normalize_output
from storage.quiz_package import ContentError

CATALOG = load_catalog()


def test_the_shipped_catalog_is_complete() -> None:
    assert len(CATALOG.quizzes) >= 6 and len(CATALOG.modules) >= 5
    assert len(CATALOG.companies) >= 5
    for quiz in CATALOG.quizzes.values():
        assert 6 <= len(quiz.questions) <= 10, quiz.slug
        assert {q.kind for q in quiz.questions} >= {"single", "true_false"}, quiz.slug
    for module in CATALOG.modules.values():
        kinds = {i.kind for i in module.items}
        assert kinds >= {"text", "problem", "quiz"}, module.slug
    orders = [m.order for m in CATALOG.modules.values()]
    assert orders == sorted(orders)


PYTHON_OUTPUT_QUESTIONS = [
    pytest.param(q, id=f"{quiz.slug}-{q.number}")
    for quiz in CATALOG.quizzes.values()
    for q in quiz.questions
    if q.kind == "code_output" and q.language == "python"
]


@pytest.mark.parametrize("question", PYTHON_OUTPUT_QUESTIONS)
def test_python_output_answers_are_what_the_code_prints(question) -> None:
    run = subprocess.run(
        [sys.executable, "-I", "-c", question.code], capture_output=True, text=True, timeout=30
    )
    assert run.returncode == 0, run.stderr
    assert normalize_output(run.stdout) == normalize_output(question.answer)


@pytest.mark.parametrize(
    "example", sorted(MODULES_DIR.glob("*/*.py")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_worked_examples_run(example: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-I", str(example)], capture_output=True, text=True, timeout=30
    )
    assert run.returncode == 0 and run.stdout.strip(), run.stderr


QUIZ = """slug = "{slug}"
title = "Q"
description = "d"
time_limit = 60
pass_mark = 50

[[questions]]
kind = "single"
prompt = "p"
choices = ["a", "b"]
answer = "{answer}"
explanation = "e"
"""


def _content(tmp_path: Path, *, quiz_answer: str = "a", modules=(), company=None) -> Path:
    (tmp_path / "quizzes" / "q").mkdir(parents=True)
    (tmp_path / "quizzes" / "q" / "quiz.toml").write_text(QUIZ.format(slug="q", answer=quiz_answer))
    for slug, prerequisites, items in modules:
        folder = tmp_path / "modules" / slug
        folder.mkdir(parents=True)
        (folder / "intro.md").write_text("# Intro\n")
        body = (
            f'slug = "{slug}"\ntitle = "M"\nsummary = "s"\norder = 1\n'
            f"prerequisites = {list(prerequisites)!r}\n".replace("'", '"')
        )
        for item in items:
            body += "\n[[items]]\n" + "".join(f'{k} = "{v}"\n' for k, v in item.items())
        (folder / "module.toml").write_text(body)
    if company is not None:
        folder = tmp_path / "companies" / "co"
        folder.mkdir(parents=True)
        (folder / "company.toml").write_text(company)
        (folder / "process.md").write_text("Notes.\n")
    return tmp_path


TEXT = {"id": "intro", "kind": "text", "title": "Intro", "file": "intro.md"}


def test_a_good_tree_loads(tmp_path: Path) -> None:
    root = _content(
        tmp_path,
        modules=[
            ("m1", [], [TEXT, {"id": "p", "kind": "problem", "problem": "x"}]),
            ("m2", ["m1"], [TEXT, {"id": "q", "kind": "quiz", "quiz": "q"}]),
        ],
        company='slug = "co"\nname = "Co"\ndescription = "d"\nproblems = ["x"]\nquizzes = ["q"]\n',
    )
    catalog = load_catalog(root, problem_slugs={"x"})
    assert list(catalog.modules) == ["m1", "m2"] and catalog.companies["co"].quizzes == ("q",)


@pytest.mark.parametrize(
    ("modules", "company", "message"),
    [
        (
            [("m1", [], [{"id": "p", "kind": "problem", "problem": "nope"}])],
            None,
            "module 'm1', item 'p': unknown problem 'nope'",
        ),
        (
            [("m1", [], [{"id": "z", "kind": "quiz", "quiz": "nope"}])],
            None,
            "module 'm1', item 'z': unknown quiz 'nope'",
        ),
        ([("m1", ["m9"], [TEXT])], None, "module 'm1': unknown prerequisite module 'm9'"),
        (
            [("a", ["c"], [TEXT]), ("b", ["a"], [TEXT]), ("c", ["b"], [TEXT])],
            None,
            "module prerequisites form a cycle: a -> c -> b -> a",
        ),
        ([("m1", ["m1"], [TEXT])], None, "a module cannot be its own prerequisite"),
        ([("m1", [], [TEXT, TEXT])], None, "duplicate item id(s): intro"),
        (
            [("m1", [], [{**TEXT, "file": "missing.md"}])],
            None,
            "file 'missing.md' not found",
        ),
        (
            [("m1", [], [{**TEXT, "file": "../../quizzes/q/quiz.toml"}])],
            None,
            "'file' must be a path inside the module folder",
        ),
        ([("m1", [], [{**TEXT, "kind": "video"}])], None, "kind 'video' is not one of"),
        (
            [],
            'slug = "co"\nname = "Co"\ndescription = "d"\nproblems = ["x", "y"]\n',
            "company 'co': unknown problem(s) y",
        ),
        (
            [],
            'slug = "co"\nname = "Co"\ndescription = "d"\nproblems = ["x"]\nquizzes = ["nope"]\n',
            "company 'co': unknown quiz(zes) nope",
        ),
        ([], 'slug = "other"\nname = "Co"\ndescription = "d"\nproblems = ["x"]\n', "folder name"),
        (
            [],
            'slug = "co"\nname = "Co"\nproblems = ["x"]\n',
            "missing required key(s): description",
        ),
    ],
)
def test_broken_content_is_refused_with_a_clear_error(
    tmp_path: Path, modules, company, message: str
) -> None:
    root = _content(tmp_path, modules=modules, company=company)
    with pytest.raises(ContentError) as err:
        load_catalog(root, problem_slugs={"x"})
    assert message in str(err.value)


def test_a_quiz_answer_must_be_one_of_its_choices(tmp_path: Path) -> None:
    root = _content(tmp_path, quiz_answer="c")
    with pytest.raises(ContentError, match=r"quiz\.toml: question 1: answer 'c' is not one of"):
        load_catalog(root, problem_slugs=set())


@pytest.mark.parametrize(
    ("replace", "message"),
    [
        (("time_limit = 60", "time_limit = 0"), "'time_limit' must be a whole number"),
        (("pass_mark = 50", "pass_mark = 101"), "'pass_mark' must be a whole number"),
        (('kind = "single"', 'kind = "essay"'), "kind 'essay' is not one of"),
        (('explanation = "e"', 'explanation = ""'), "'explanation' must be a non-empty string"),
        (('choices = ["a", "b"]', 'choices = ["a", "a"]'), "'choices' contains duplicates"),
        (("pass_mark = 50", "pass_mark = 50\ncolour = 1"), "unknown key(s): colour"),
        (("pass_mark = 50", "pass_mark = 50\n["), "invalid TOML"),
    ],
)
def test_quiz_format_errors(tmp_path: Path, replace: tuple[str, str], message: str) -> None:
    root = _content(tmp_path)
    path = root / "quizzes" / "q" / "quiz.toml"
    path.write_text(path.read_text().replace(*replace))
    with pytest.raises(ContentError) as err:
        load_catalog(root, problem_slugs=set())
    assert message in str(err.value) and str(path) in str(err.value)


def test_find_cycle() -> None:
    assert find_cycle({"a": ("b",), "b": (), "c": ("a", "b")}) is None
    assert find_cycle({"a": ("b",), "b": ("a",)}) == ["a", "b", "a"]


def test_problems_validate_checks_the_bundled_content_too() -> None:
    summary = content_summary()
    assert summary.startswith("content ok:") and f"{len(CATALOG.quizzes)} quizzes" in summary


# The tables each SQL output question describes in its prompt.
SQL_SETUP = {
    ("sql-basics", 4): "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (2), (NULL);",
    ("sql-basics", 7): (
        "CREATE TABLE scores (name TEXT, points INTEGER);"
        "INSERT INTO scores VALUES ('ana', 10), ('ana', 5), ('bo', 7);"
    ),
}


def test_sql_output_answers_are_what_sqlite_returns() -> None:
    questions = [
        (quiz.slug, q)
        for quiz in CATALOG.quizzes.values()
        for q in quiz.questions
        if q.kind == "code_output" and q.language == "sql"
    ]
    assert {(slug, q.number) for slug, q in questions} == set(SQL_SETUP)
    for slug, question in questions:
        db = sqlite3.connect(":memory:")
        db.executescript(SQL_SETUP[(slug, question.number)])
        rows = db.execute(question.code).fetchall()
        printed = "\n".join(" ".join(str(v) for v in row) for row in rows)
        assert normalize_output(printed) == normalize_output(question.answer), (slug, question)
