"""Refresh-token families on SQLite and PostgreSQL: rotation, reuse detection, revocation."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select

from storage.database import Database
from storage.models import RefreshToken
from storage.repositories import tokens
from storage.repositories.tokens import TokenRejected
from tests.storage.rows import add_user

DAY = timedelta(days=1)


async def issue(db: Database, user_id: int, lifetime: timedelta = DAY) -> tokens.IssuedRefreshToken:
    async with db.session() as session:
        return await tokens.issue(session, user_id, lifetime)


async def rotate(db: Database, token: str) -> tokens.IssuedRefreshToken:
    async with db.session() as session:
        return await tokens.rotate(session, token, DAY)


async def rejected(db: Database, token: str) -> TokenRejected:
    """Rotate expecting a refusal; the refusal's own writes (a revoked family) still commit."""
    async with db.session() as session:
        try:
            await tokens.rotate(session, token, DAY)
        except TokenRejected as exc:
            return exc
    raise AssertionError("the token was accepted")


async def live(db: Database, user_id: int) -> list[str]:
    async with db.session() as session:
        return sorted(await tokens.live_families(session, user_id))


async def test_only_a_hash_of_the_secret_is_stored(db):
    user = await add_user(db)
    issued = await issue(db, user)
    token_id, secret = issued.token.split(".")
    async with db.session() as session:
        row = await session.get(RefreshToken, token_id)
    assert row is not None and row.family_id == issued.family_id
    assert secret not in row.secret_hash and len(row.secret_hash) == 64


async def test_rotation_keeps_the_family_and_uses_up_the_old_token(db):
    user = await add_user(db)
    first = await issue(db, user)
    second = await rotate(db, first.token)
    third = await rotate(db, second.token)
    assert first.family_id == second.family_id == third.family_id
    assert len({first.token, second.token, third.token}) == 3
    assert third.user_id == user
    assert await live(db, user) == [first.family_id]


async def test_reusing_a_rotated_token_revokes_the_whole_family(db):
    user = await add_user(db)
    stolen = await issue(db, user)
    current = await rotate(db, stolen.token)
    other_login = await issue(db, user)

    exc = await rejected(db, stolen.token)
    assert exc.reused is True
    # The owner's newer token dies with it; another login of the same user does not.
    assert (await rejected(db, current.token)).reused is False
    assert await live(db, user) == [other_login.family_id]
    await rotate(db, other_login.token)


async def test_two_concurrent_rotations_of_one_token_leave_one_winner_at_most(db):
    user = await add_user(db)
    issued = await issue(db, user)

    async def attempt() -> bool:
        try:
            await rotate(db, issued.token)
        except TokenRejected:
            return False
        return True

    outcomes = await asyncio.gather(attempt(), attempt())
    assert outcomes.count(True) <= 1
    # Either way, the original token can never be traded again.
    assert isinstance(await rejected(db, issued.token), TokenRejected)


@pytest.mark.parametrize(
    "token",
    ["", "no-dot", ".secret", "id.", "00000000-0000-0000-0000-000000000000.secret"],
)
async def test_malformed_and_unknown_tokens_are_rejected(db, token):
    exc = await rejected(db, token)
    assert exc.reused is False


async def test_a_right_id_with_a_wrong_secret_is_unknown(db):
    user = await add_user(db)
    issued = await issue(db, user)
    token_id = issued.token.split(".")[0]
    exc = await rejected(db, f"{token_id}.not-the-secret")
    assert "unknown" in str(exc)
    await rotate(db, issued.token)  # the guess did not burn the real token


async def test_expired_tokens_are_rejected(db):
    user = await add_user(db)
    expired = await issue(db, user, lifetime=timedelta(seconds=-1))
    assert "expired" in str(await rejected(db, expired.token))


async def test_logout_revokes_one_family_and_names_its_owner(db):
    user, other = await add_user(db, "u"), await add_user(db, "o")
    kept, ended = await issue(db, user), await issue(db, user)
    theirs = await issue(db, other)
    async with db.session() as session:
        assert await tokens.revoke(session, ended.token) == (user, ended.family_id)
    assert "revoked" in str(await rejected(db, ended.token))
    assert await live(db, user) == [kept.family_id]
    assert await live(db, other) == [theirs.family_id]


async def test_revoke_user_ends_every_family_of_that_user_only(db):
    user, other = await add_user(db, "u"), await add_user(db, "o")
    mine = [await issue(db, user) for _ in range(3)]
    theirs = await issue(db, other)
    async with db.session() as session:
        await tokens.revoke_user(session, user)
    assert await live(db, user) == []
    for issued in mine:
        assert "revoked" in str(await rejected(db, issued.token))
    await rotate(db, theirs.token)
    # Revoking again keeps the first revocation time.
    async with db.session() as session:
        before = {r.id: r.revoked_at for r in await session.scalars(select(RefreshToken))}
        await tokens.revoke_user(session, user)
    async with db.session() as session:
        after = {r.id: r.revoked_at for r in await session.scalars(select(RefreshToken))}
    assert all(after[k] == v for k, v in before.items() if v is not None)
