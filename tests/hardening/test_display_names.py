"""User-visible names are NFKC-normalised and refuse control and invisible characters."""

from __future__ import annotations

import pytest

from storage.display_names import clean_name
from tests.realtime.test_bad_input import assert_envelope

REFUSED = [
    "Ada\x00",  # NUL
    "Ada\x1b[31m",  # ESC
    "Ada\nLovelace",  # newline
    "admin\u202egnp.exe",  # RIGHT-TO-LEFT OVERRIDE
    "\u2066Ada\u2069",  # bidi isolate
    "Ad\u200ba",  # ZERO WIDTH SPACE
    "Ad\u200da",  # ZERO WIDTH JOINER
    "\ufeffAda",  # BOM
    "Ada\u2028",  # LINE SEPARATOR
    "\ue000",  # private use
    "\u200b",  # nothing visible at all
]


@pytest.mark.parametrize("name", REFUSED)
def test_invisible_and_control_characters_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="control or invisible"):
        clean_name(name)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("\uff21\uff44\uff41", "Ada"),  # full-width letters fold to ASCII
        ("ﬁsh", "fish"),  # ligature
        ("  Ada   Lovelace ", "Ada Lovelace"),
        ("Ada\u00a0Lovelace", "Ada Lovelace"),  # no-break space
        ("Zoë", "Zoë"),  # combining sequences compose
        ("李小龍", "李小龍"),
        ("שלום", "שלום"),  # right-to-left text itself is fine
    ],
)
def test_names_are_normalised(raw: str, stored: str) -> None:
    assert clean_name(raw) == stored


def test_blank_and_long_names() -> None:
    for blank in ("", "   ", "\u3000"):
        with pytest.raises(ValueError, match="blank"):
            clean_name(blank)
    with pytest.raises(ValueError, match="at most"):
        clean_name("\ufdfa" * 10)  # one character that NFKC expands to 18


async def test_register_profile_and_room_names(client, make_account):
    resp = await client.post(
        "/api/auth/register",
        json={
            "email": "e@example.com",
            "password": "correct-horse-9",
            "display_name": "Ev\u202eil",
        },
    )
    assert resp.status == 422
    data = await resp.json()
    assert_envelope(data, "validation_error")
    assert data["error"]["details"][0]["loc"] == ["display_name"]

    me = await make_account()
    for name in ("Ada\x00", "Ad\u200ba"):
        resp = await client.put(
            "/api/users/me/profile", json={"display_name": name}, headers=me.headers
        )
        assert resp.status == 422, name
    resp = await client.put(
        "/api/users/me/profile", json={"display_name": " \uff21\uff44\uff41 "}, headers=me.headers
    )
    assert resp.status == 200
    assert (await resp.json())["user"]["display_name"] == "Ada"

    resp = await client.post("/api/rooms", json={"name": "room\u2066x"}, headers=me.headers)
    assert resp.status == 422
    assert (await resp.json())["error"]["details"][0]["loc"] == ["name"]


def test_problem_titles_follow_the_same_rules() -> None:
    from pydantic import ValidationError

    from realtime.schemas.problems import ProblemWrite

    body = {
        "slug": "sum-it",
        "statement": "Print the sum of two integers.",
        "difficulty": "easy",
        "tests": [{"input": "1 2\n", "output": "3\n", "hidden": False}],
    }
    for title in ("Sum\u202e it", "Sum\x00", "\u200b\u200b\u200b"):
        with pytest.raises(ValidationError) as caught:
            ProblemWrite.model_validate({**body, "title": title})
        assert caught.value.errors()[0]["loc"] == ("title",), title
    stored = ProblemWrite.model_validate({**body, "title": "  \uff33um   it "})
    assert stored.title == "Sum it"
