"""The data a benchmark starts from: an empty PostgreSQL schema and Redis db, accounts, a problem.

Accounts are inserted straight into the database (registration is rate limited to
5 per minute per address) and their access tokens are minted with the server's
secret by `realtime.security.tokens.create_access_token`, the function the login
endpoint uses; the admin account logs in through `POST /api/auth/login`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

import aiohttp
import asyncpg
import redis.asyncio as aioredis
from sqlalchemy import text

from bench.servers import SECRET
from realtime.security.passwords import hash_password
from realtime.security.tokens import create_access_token
from storage.database import Database, create_engine
from storage.migrate import upgrade
from storage.models import User
from storage.repositories.problems import ProblemDraft, TestData, create_problem

BENCH_PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/bench"
PG_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
BENCH_REDIS_URL = "redis://127.0.0.1:6379/15"
PASSWORD = "bench-horse-9"
TOKEN_LIFETIME = timedelta(hours=2)


async def reset_bench_postgres() -> str:
    """Create the `bench` database if needed and empty its schema; returns its URL."""
    conn = await asyncpg.connect(PG_ADMIN_DSN)
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = 'bench'"):
            await conn.execute("CREATE DATABASE bench")
    finally:
        await conn.close()
    engine = create_engine(BENCH_PG_URL)
    async with engine.begin() as sql:
        await sql.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await sql.execute(text("CREATE SCHEMA public"))
    await engine.dispose()
    return BENCH_PG_URL


async def flush_bench_redis() -> str:
    client = aioredis.from_url(BENCH_REDIS_URL)
    try:
        await client.flushdb()
    finally:
        await client.aclose()
    return BENCH_REDIS_URL


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    token: str


async def seed_accounts(database_url: str, count: int, *, role: str = "user") -> list[Account]:
    """Insert `count` users (migrating first) and mint an access token for each."""
    await upgrade(database_url)
    password_hash = await hash_password(PASSWORD)  # one argon2 hash shared by every account
    stamp = f"{time.time_ns():x}"
    db = Database(database_url)
    users: list[User] = []
    try:
        for start in range(0, count, 1000):
            batch = [
                User(
                    email=f"{role}-{stamp}-{i}@bench.example",
                    password_hash=password_hash,
                    display_name=f"{role} {i}",
                    role=role,
                    preferred_languages=[],
                    target_companies=[],
                )
                for i in range(start, min(count, start + 1000))
            ]
            async with db.session() as session:
                session.add_all(batch)
                await session.flush()
            users += batch
    finally:
        await db.close()
    return [
        Account(
            u.id,
            u.email,
            create_access_token(
                SECRET, user_id=u.id, role=u.role, version=0, lifetime=TOKEN_LIFETIME
            ),
        )
        for u in users
    ]


async def seed_problem(database_url: str, slug: str = "bench-sum") -> str:
    """A small public problem (for `session:open`); returns its slug."""
    await upgrade(database_url)
    draft = ProblemDraft(
        slug=slug,
        fields={
            "title": "Bench sum",
            "statement": "Read two integers and print their sum.",
            "difficulty": "easy",
            "starter_code": {"python": "a, b = map(int, input().split())\n"},
            "visibility": "public",
        },
        topics=["math"],
        tests=[TestData("01", "1 2\n", "3\n", hidden=False)],
        solutions={"python": "a, b = map(int, input().split())\nprint(a + b)\n"},
    )
    db = Database(database_url)
    try:
        async with db.session() as session:
            await create_problem(session, draft, author_id=None, source="bank")
    finally:
        await db.close()
    return slug


async def login(base_url: str, email: str, password: str = PASSWORD) -> str:
    """A real `POST /api/auth/login`; returns the access token."""
    async with aiohttp.ClientSession() as http:
        resp = await http.post(
            base_url + "/api/auth/login", json={"email": email, "password": password}
        )
        body = await resp.json()
        if resp.status != 200:
            raise RuntimeError(f"login failed: {resp.status} {body}")
        return str(body["access_token"])
