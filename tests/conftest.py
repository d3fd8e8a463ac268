"""Shared fixtures: the two database backends, an app client, and accounts.

Storage and REST suites run on SQLite and on PostgreSQL. PostgreSQL is skipped
only when no server answers, and never when CI=true.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import text

from realtime.config import Settings, load_settings
from storage.database import create_engine
from tests.inbox import CONNECT_TIMEOUT

PG_BASE_URL = os.environ.get(
    "CODEARENA_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
# Each pytest process gets its own database (created from the base one), so suites
# running side by side never drop each other's tables.
PG_DB_NAME = f"codearena_test_{os.getpid()}"
PG_URL = PG_BASE_URL.rsplit("/", 1)[0] + "/" + PG_DB_NAME
ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        default="both",
        choices=("sqlite", "postgres", "both"),
        help="database backends for storage/REST tests (default: both)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        choice = metafunc.config.getoption("--db")
        backends = ["sqlite", "postgres"] if choice == "both" else [choice]
        metafunc.parametrize("backend", backends, scope="function")


async def _admin_sql(statement: str) -> None:
    import asyncpg

    dsn = PG_BASE_URL.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


@pytest.fixture(scope="session", autouse=True)
def _private_postgres_database() -> Any:
    """Create this run's PostgreSQL database up front and drop it at the end."""
    import asyncio

    if not _pg_reachable():
        yield
        return
    asyncio.run(_admin_sql(f'DROP DATABASE IF EXISTS "{PG_DB_NAME}" WITH (FORCE)'))
    asyncio.run(_admin_sql(f'CREATE DATABASE "{PG_DB_NAME}"'))
    yield
    asyncio.run(_admin_sql(f'DROP DATABASE IF EXISTS "{PG_DB_NAME}" WITH (FORCE)'))


def _pg_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


async def reset_postgres(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture
async def db_url(backend: str, tmp_path: Any) -> AsyncIterator[str]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path}/test.db"
        return
    if not _pg_reachable():
        if ON_CI:
            pytest.fail("PostgreSQL is not reachable on CI")
        pytest.skip("PostgreSQL not reachable on 127.0.0.1:5432")
    await reset_postgres(PG_URL)
    yield PG_URL


@pytest.fixture
def settings(db_url: str, tmp_path: Any) -> Settings:
    return load_settings(
        env="test",
        database_url=db_url,
        secret="test-secret-" + uuid.uuid4().hex,
        load_bank=False,
        redis_url=None,
        ai_provider="offline",
    )


@pytest.fixture
async def client(aiohttp_client: Any, settings: Settings) -> Any:
    from realtime.app import create_app

    return await aiohttp_client(create_app(settings))


@dataclass
class Account:
    id: int
    email: str
    password: str
    token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


MakeAccount = Callable[..., Awaitable[Account]]


def account_factory(client: Any) -> MakeAccount:
    """Register (and for author/admin, promote) a user through `client`, then log in."""
    from realtime.keys import DATABASE
    from storage.repositories import users as user_repo

    async def make(role: str = "user", email: str | None = None) -> Account:
        email = email or f"{role}-{uuid.uuid4().hex[:8]}@example.com"
        password = "correct-horse-9"
        resp = await client.post(
            "/api/auth/register",
            json={"email": email, "password": password, "display_name": role.title()},
        )
        assert resp.status == 201, await resp.text()
        user_id = (await resp.json())["user"]["id"]
        if role != "user":
            async with client.app[DATABASE].session() as session:
                (await user_repo.get_user(session, user_id)).role = role
        resp = await client.post("/api/auth/login", json={"email": email, "password": password})
        assert resp.status == 200, await resp.text()
        data = await resp.json()
        return Account(user_id, email, password, data["access_token"], data["refresh_token"])

    return make


@pytest.fixture
def make_account(client: Any) -> MakeAccount:
    return account_factory(client)


@pytest.fixture
async def server(aiohttp_server: Any, settings: Settings) -> Any:
    """The full app on a real loopback port, for Socket.IO clients."""
    from realtime.app import create_app

    return await aiohttp_server(create_app(settings))


@pytest.fixture
def server_url(server: Any) -> str:
    return f"http://127.0.0.1:{server.port}"


@pytest.fixture
async def http(aiohttp_client: Any, server: Any) -> Any:
    """An HTTP client for the same running server the sockets talk to."""
    return await aiohttp_client(server)


@pytest.fixture
def make_account_on(http: Any) -> MakeAccount:
    return account_factory(http)


@pytest.fixture
async def connect(server_url: str, http: Any) -> AsyncIterator[Callable[..., Awaitable[Any]]]:
    """Connect python-socketio AsyncClients; all are disconnected before the server stops."""
    import socketio

    clients: list[socketio.AsyncClient] = []

    async def open_client(
        token: str | None, on: dict[str, Callable[..., Any]] | None = None, **kwargs: Any
    ) -> socketio.AsyncClient:
        sio = socketio.AsyncClient(reconnection=False)
        clients.append(sio)
        for event, handler in (on or {}).items():
            sio.on(event, handler)
        auth = {"token": token} if token is not None else None
        kwargs.setdefault("wait_timeout", CONNECT_TIMEOUT)
        await sio.connect(
            server_url, auth=auth, transports=kwargs.pop("transports", ["websocket"]), **kwargs
        )
        return sio

    yield open_client
    for sio in clients:
        if sio.connected:
            await sio.disconnect()


APLUSB_STATEMENT = "Read two integers a and b and print a + b."


@pytest.fixture
def aplusb_draft() -> Any:
    """A tiny problem with visible and hidden tests, used across suites."""
    from storage.repositories.problems import ProblemDraft, TestData

    tests = [
        TestData("01", "1 2\n", "3\n", hidden=False),
        TestData("02", "10 -4\n", "6\n", hidden=False),
        TestData("03", "1000000000 1000000000\n", "2000000000\n", hidden=True),
        TestData("04", "-7 -8\n", "-15\n", hidden=True),
    ]
    return ProblemDraft(
        slug="a-plus-b",
        fields={
            "title": "A plus B",
            "statement": APLUSB_STATEMENT,
            "difficulty": "easy",
            "time_limit": 2.0,
            "memory_limit": 256,
            "hints": ["Read both numbers.", "Python ints do not overflow."],
            "starter_code": {"python": "a, b = map(int, input().split())\n"},
            "visibility": "public",
        },
        topics=["math"],
        tests=tests,
        solutions={"python": "a, b = map(int, input().split())\nprint(a + b)\n"},
    )


@pytest.fixture
async def aplusb(server: Any, aplusb_draft: Any) -> str:
    """Insert the A+B problem into the running server's database; returns its slug."""
    from realtime.keys import DATABASE
    from storage.repositories import problems as problem_repo

    async with server.app[DATABASE].session() as session:
        await problem_repo.create_problem(session, aplusb_draft, author_id=None, source="bank")
    return aplusb_draft.slug


# A Redis database and Socket.IO channel per pytest process, so parallel runs don't mix.
REDIS_URL = os.environ.get(
    "CODEARENA_TEST_REDIS_URL", f"redis://127.0.0.1:6379/{8 + os.getpid() % 8}"
)
SOCKETIO_CHANNEL = f"codearena-test-{os.getpid()}"


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    """A flushed Redis database for one test; fails on CI if Redis is missing."""
    if not _redis_reachable():
        if ON_CI:
            pytest.fail("Redis is not reachable on CI")
        pytest.skip("Redis not reachable on 127.0.0.1:6379")
    import redis.asyncio as aioredis

    client = aioredis.from_url(REDIS_URL)
    await client.flushdb()
    yield REDIS_URL
    await client.flushdb()
    await client.aclose()


@pytest.fixture
async def cluster(tmp_path: Any, redis_url: str) -> AsyncIterator[Any]:
    """Scaled mode: PostgreSQL + Redis; start `serve`/`worker` processes with .serve/.start."""
    from tests.processes import ProcessGroup, base_env

    if not _pg_reachable():
        if ON_CI:
            pytest.fail("PostgreSQL is not reachable on CI")
        pytest.skip("PostgreSQL not reachable")
    await reset_postgres(PG_URL)
    from storage.migrate import upgrade

    await upgrade(PG_URL)
    group = ProcessGroup(
        tmp_path,
        base_env(
            DATABASE_URL=PG_URL,
            REDIS_URL=redis_url,
            CODEARENA_SECRET="cluster-secret-" + "y" * 32,
            CODEARENA_ENV="test",
            CODEARENA_LOAD_BANK="false",
            CODEARENA_SOCKETIO_CHANNEL=SOCKETIO_CHANNEL,
        ),
    )
    try:
        yield group
    finally:
        group.stop_all()
