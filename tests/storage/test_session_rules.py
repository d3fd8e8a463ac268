"""The pure rules both kinds of session (code and design) share."""

from __future__ import annotations

import pytest

from storage.repositories.sessions import InvalidTransition, content_hash, next_status


def test_the_content_hash_ignores_key_order_and_sees_any_change() -> None:
    assert content_hash({"a": 1, "b": [1, 2]}) == content_hash({"b": [1, 2], "a": 1})
    assert content_hash({"a": 1}) != content_hash({"a": 2})
    assert content_hash({"python": "x"}) != content_hash({"python": "x "})


def test_the_content_hash_of_a_code_map_is_the_one_stored_before() -> None:
    # Rows written by earlier releases hold this hash; changing the encoding
    # would make every unchanged autosave look changed once.
    assert content_hash({"python": "print(1)\n"}) == (
        "10e3f15fd2ac1f811b2f599615a6defb8a904afe4c7e7f3e9063319df5adbf52"
    )


@pytest.mark.parametrize(
    ("current", "action", "target"),
    [
        ("active", "pause", "paused"),
        ("paused", "resume", "active"),
        ("active", "resume", "active"),
        ("paused", "abandon", "abandoned"),
        ("active", "submit", "submitted"),
    ],
)
def test_legal_moves(current: str, action: str, target: str) -> None:
    assert next_status(current, action) == target


@pytest.mark.parametrize(
    ("current", "action"),
    [("submitted", "pause"), ("abandoned", "resume"), ("submitted", "submit")],
)
def test_illegal_moves_name_the_move_and_the_status(current: str, action: str) -> None:
    with pytest.raises(InvalidTransition) as caught:
        next_status(current, action)
    assert (caught.value.action, caught.value.status) == (action, current)
