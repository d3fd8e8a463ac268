"""Rate limits behind a reverse proxy, sized and configured by settings, and spraying."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from pydantic import ValidationError

from realtime.app import create_app
from realtime.config import load_settings
from realtime.security.proxies import TrustedProxies
from realtime.services.ratelimit import RULES, parse_rules

PROXY = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, ::1")


@pytest.mark.parametrize(
    ("peer", "headers", "client"),
    [
        # a direct client cannot claim another address
        ("203.0.113.9", [("X-Forwarded-For", "1.2.3.4")], "203.0.113.9"),
        ("203.0.113.9", [("Forwarded", "for=1.2.3.4")], "203.0.113.9"),
        # one trusted proxy: the address it saw
        ("127.0.0.1", [("X-Forwarded-For", "198.51.100.7")], "198.51.100.7"),
        # a spoofed left-most entry is ignored: the first untrusted hop from the right
        ("127.0.0.1", [("X-Forwarded-For", "1.1.1.1, 198.51.100.7, 10.0.0.5")], "198.51.100.7"),
        ("127.0.0.1", [("X-Forwarded-For", "1.1.1.1"), ("X-Forwarded-For", "10.0.0.2")], "1.1.1.1"),
        # RFC 7239, with ports, IPv6 and quoting; Forwarded wins over X-Forwarded-For
        ("::1", [("Forwarded", 'for="[2001:db8::17]:4711";proto=https')], "2001:db8::17"),
        (
            "127.0.0.1",
            [("Forwarded", "for=192.0.2.60:80, for=10.1.1.1"), ("X-Forwarded-For", "9.9.9.9")],
            "192.0.2.60",
        ),
        # garbage or "unknown": the proxy that reported it is the client we can name
        ("127.0.0.1", [("X-Forwarded-For", "not-an-ip, 10.0.0.3")], "10.0.0.3"),
        ("127.0.0.1", [("Forwarded", "for=unknown")], "127.0.0.1"),
        # no header from a proxy: the proxy itself
        ("10.2.3.4", [], "10.2.3.4"),
    ],
)
def test_client_ip(peer: str, headers: list[tuple[str, str]], client: str) -> None:
    assert PROXY.client_ip(peer, headers) == client


def test_no_trusted_proxies_means_headers_are_ignored() -> None:
    assert TrustedProxies.parse("").client_ip("127.0.0.1", [("X-Forwarded-For", "1.2.3.4")]) == (
        "127.0.0.1"
    )


def test_limits_are_settings() -> None:
    rules = parse_rules("ai=60/60, login_ip=5/300")
    assert rules["ai"].capacity == 60 and rules["ai"].per_second == 1.0
    assert rules["login_ip"].capacity == 5 and rules["submit"] == RULES["submit"]
    for bad in ("nope=1/1", "ai=1", "ai=0/60", "ai=x/60", "ai=5/0"):
        with pytest.raises(ValidationError):
            load_settings(rate_limits=bad)
    with pytest.raises(ValidationError):
        load_settings(trusted_proxies="10.0.0.0/8, example.org")


def test_defaults_fit_a_real_session() -> None:
    """4 hints + a review + 3 interview answers + starting the next interview fit `ai`."""
    assert RULES["ai"].capacity >= 9 * 2
    assert RULES["login_ip"].capacity < 25  # 25 sprayed emails from one IP reach a 429


async def _register(client: Any, forwarded_for: str) -> int:
    resp = await client.post(
        "/api/auth/register",
        json={
            "email": f"u{uuid.uuid4().hex[:10]}@example.com",
            "password": "correct-horse-9",
            "display_name": "U",
        },
        headers={"X-Forwarded-For": forwarded_for},
    )
    return resp.status


async def test_buckets_follow_the_client_behind_a_trusted_proxy(aiohttp_client, settings):
    app = create_app(
        load_settings(
            **{
                **settings.model_dump(),
                "trusted_proxies": "127.0.0.1",
                "rate_limits": "register=2/600",
            }
        )
    )
    client = await aiohttp_client(app)
    assert [await _register(client, "198.51.100.1") for _ in range(3)] == [201, 201, 429]
    assert await _register(client, "198.51.100.2") == 201  # another user behind the proxy


async def test_forwarded_headers_from_an_untrusted_peer_are_ignored(aiohttp_client, settings):
    app = create_app(load_settings(**{**settings.model_dump(), "rate_limits": "register=2/600"}))
    client = await aiohttp_client(app)
    statuses = [await _register(client, f"198.51.100.{n}") for n in range(3)]
    assert statuses == [201, 201, 429]  # the same peer, whatever it claims


async def test_password_spraying_from_one_ip_is_refused(client):
    statuses = []
    for n in range(25):
        resp = await client.post(
            "/api/auth/login", json={"email": f"victim{n}@example.com", "password": "Winter2026!"}
        )
        statuses.append(resp.status)
    assert 429 in statuses
    assert statuses[: RULES["login_ip"].capacity] == [401] * int(RULES["login_ip"].capacity)
    body = await resp.json()
    assert body["error"]["code"] == "rate_limited"


async def test_correct_logins_from_one_ip_spend_nothing(client, make_account):
    """Eight students behind one NAT sign in four times each: only failures count per IP."""
    accounts = [await make_account() for _ in range(8)]
    for _ in range(4):
        for account in accounts:
            resp = await client.post(
                "/api/auth/login", json={"email": account.email, "password": account.password}
            )
            assert resp.status == 200


async def test_one_account_from_many_ips_is_throttled_not_locked(aiohttp_client, settings):
    """Guesses at one account from many IPs spend its budget; then an IP that guessed
    wrong is refused, while the owner, from an address with no failure, still signs in."""
    app = create_app(
        load_settings(
            **{
                **settings.model_dump(),
                "trusted_proxies": "127.0.0.1",
                "rate_limits": "login_account=5/600",
            }
        )
    )
    client = await aiohttp_client(app)
    owner = {"email": "target@example.com", "password": "correct-horse-9"}
    resp = await client.post("/api/auth/register", json={**owner, "display_name": "T"})
    assert resp.status == 201

    async def attempt(address: str, password: str, email: str = "Target@Example.com ") -> int:
        resp = await client.post(
            "/api/auth/login",
            json={"email": email, "password": password},
            headers={"X-Forwarded-For": address},
        )
        return resp.status

    guesses = [await attempt(f"198.51.100.{n}", f"guess-{n}") for n in range(5)]
    assert guesses == [401] * 5
    # the budget is spent: an address that guessed wrong already is refused ...
    assert await attempt("198.51.100.0", "guess-again") == 429
    # ... a new one gets one (delayed) guess, then it is refused too
    assert await attempt("198.51.100.77", "guess-77") == 401
    assert await attempt("198.51.100.77", "guess-78") == 429
    # the owner is not locked out
    assert await attempt("203.0.113.5", owner["password"], owner["email"]) == 200


async def test_a_missing_problem_spends_no_submit_token(http, make_account_on, aplusb):
    me = await make_account_on()
    body = {"problem": "no-such-problem", "language": "python", "code": "print(1)"}
    for _ in range(int(RULES["submit"].capacity) * 2):
        resp = await http.post("/api/submissions", json=body, headers=me.headers)
        assert resp.status == 404, await resp.text()


@pytest.mark.parametrize("shared", [False, True])
async def test_peek_spends_nothing(redis_url, shared):
    import redis.asyncio as aioredis

    from realtime.services.ratelimit import MemoryRateLimiter, RedisRateLimiter

    rules = parse_rules("login_ip=2/600")
    client = aioredis.from_url(redis_url)
    limiter = RedisRateLimiter(client, rules) if shared else MemoryRateLimiter(rules)
    try:
        assert all([(await limiter.peek("login_ip", "a")).allowed for _ in range(5)])
        assert [(await limiter.hit("login_ip", "a")).allowed for _ in range(3)] == [
            True,
            True,
            False,
        ]
        refused = await limiter.peek("login_ip", "a")
        assert not refused.allowed and refused.retry_after > 0
        assert (await limiter.peek("login_ip", "b")).allowed
    finally:
        await client.aclose()
