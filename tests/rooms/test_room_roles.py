"""Who is who in a room and what each may do: roles, visibility, rejoining, running code."""

from __future__ import annotations

from rooms import roles
from rooms.room import RoomStatus
from rooms.state import create_room, join
from tests.rooms.builders import (
    ALICE,
    BOB,
    CAROL,
    CREATOR,
    DAVE,
    PROBLEMS,
    T0,
    at,
    completed_room,
    refused,
    running_room,
    waiting_room,
)


def pair_room(**settings):
    """A pair room whose creator did not take a seat; ALICE is seated, CAROL spectates."""
    room, _ = create_room(
        "pair-1", "pair", "Pairing", CREATOR, PROBLEMS[:1], T0, creator_joins=False, **settings
    )
    room, _ = join(room, ALICE, T0, invite_code=settings.get("invite_code"))
    room, _ = join(room, CAROL, T0, spectator=True, invite_code=settings.get("invite_code"))
    return room


def test_roles_and_membership() -> None:
    room = pair_room()
    assert roles.role_in(room, ALICE) == "participant"
    assert roles.role_in(room, CREATOR) == "host"
    assert roles.role_in(room, CAROL) == "spectator"
    assert roles.role_in(room, DAVE) is None
    assert [roles.is_member(room, u) for u in (ALICE, CREATOR, CAROL, DAVE)] == [
        True,
        True,
        False,
        False,
    ]
    seated = running_room()  # the creator took a seat: a participant, not a host
    assert roles.role_in(seated, CREATOR) == "participant"


def test_private_rooms_are_seen_by_their_people_and_the_creator_sees_the_code() -> None:
    room = pair_room(visibility="private", invite_code="sesame")
    assert [roles.may_see(room, u) for u in (CREATOR, ALICE, CAROL, DAVE, None)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert roles.may_see(waiting_room(), None)  # public
    assert roles.view_for(room, CREATOR)["invite_code"] == "sesame"
    assert "invite_code" not in roles.view_for(room, ALICE)


def test_an_unseated_host_rejoins_as_host_and_others_join() -> None:
    room = pair_room()
    again, events = roles.join(room, CREATOR, at(1), spectator=False, invite_code=None)
    assert again is room and events == []
    room, events = roles.join(room, BOB, at(1), spectator=False, invite_code=None)
    assert BOB in room.participant_ids and events
    contest = waiting_room()
    joined, events = roles.join(contest, ALICE, T0, spectator=False, invite_code=None)
    assert ALICE in joined.participant_ids and events  # contests have no host seat to rejoin


def test_who_may_run_code_where() -> None:
    pair = pair_room()
    assert roles.check_run(pair, ALICE, "run", None, at(1)) is True  # the room watches
    assert roles.check_run(pair, CREATOR, "submit", None, at(1)) is True
    with refused("not_participant"):
        roles.check_run(pair, CAROL, "run", None, at(1))

    contest = running_room()
    assert roles.check_run(contest, ALICE, "run", PROBLEMS[0], at(1)) is False  # author only
    assert roles.check_run(contest, ALICE, "submit", PROBLEMS[0], at(1)) is False
    with refused("problem_required"):
        roles.check_run(contest, ALICE, "run", None, at(1))
    with refused("not_participant"):
        roles.check_run(contest, DAVE, "run", PROBLEMS[0], at(1))
    with refused("problem_not_in_room"):
        roles.check_run(contest, ALICE, "run", "not-a-problem", at(1))
    with refused("not_in_progress"):
        roles.check_run(completed_room(), ALICE, "submit", PROBLEMS[0], at(40))


def test_competing_means_in_a_running_contest_with_that_problem() -> None:
    contest = running_room()
    assert contest.status is RoomStatus.IN_PROGRESS
    assert roles.competes_on(contest, ALICE, PROBLEMS[0])
    assert not roles.competes_on(contest, ALICE, "elsewhere")
    assert not roles.competes_on(contest, DAVE, PROBLEMS[0])
    assert not roles.competes_on(completed_room(), ALICE, PROBLEMS[0])
    assert not roles.competes_on(waiting_room(), CREATOR, PROBLEMS[0])
    assert not roles.competes_on(pair_room(), ALICE, PROBLEMS[0])


def test_contests_hide_problems_until_the_start_pair_rooms_show_them_to_members() -> None:
    waiting = waiting_room()
    assert not roles.sees_problems(waiting, CREATOR)
    assert "problems" not in roles.view_for(waiting, CREATOR)
    running = running_room()
    assert roles.view_for(running, None)["problems"] == list(running.problems)
    pair = pair_room()
    assert pair.status is RoomStatus.WAITING
    for member in (CREATOR, ALICE):  # the unseated host and a seated participant
        assert roles.view_for(pair, member)["problems"] == list(PROBLEMS[:1])
    for outsider in (CAROL, DAVE, None):  # a spectator, a stranger, nobody signed in
        assert "problems" not in roles.view_for(pair, outsider)
