"""Email verification and password reset through a real SMTP server (aiosmtpd on a free
loopback port): the mail is received, its link is followed, the token works once."""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes
from email.message import Message
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import update

from realtime.config import Settings
from realtime.keys import DATABASE
from storage.models import AccountToken, utcnow
from tests.inbox import Inbox, until_disconnected
from tests.processes import free_port

SITE = "https://codearena.example"


class Mailbox:
    """An aiosmtpd handler keeping every message it is handed. While `gate` is clear it holds
    each message (a slow mail server) and keeps it only once the gate opens."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.port = free_port()
        self.gate = threading.Event()
        self.gate.set()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await asyncio.get_running_loop().run_in_executor(None, self.gate.wait, 30)
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    async def wait_for(self, to: str, count: int = 1, within: float = 10.0) -> list[Message]:
        for _ in range(int(within / 0.05)):
            found = [m for m in self.messages if m["To"] == to]
            if len(found) >= count:
                return found
            await asyncio.sleep(0.05)
        raise AssertionError(f"no mail #{count} to {to}; got {[m['To'] for m in self.messages]}")


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=box.port)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


@pytest.fixture
def settings(settings: Settings, mailbox: Mailbox) -> Settings:
    return settings.model_copy(
        update={
            "smtp_host": "127.0.0.1",
            "smtp_port": mailbox.port,
            "smtp_security": "none",
            "public_url": SITE,
        }
    )


def link_in(message: Message, page: str) -> str:
    body = message.get_payload(decode=True)
    assert isinstance(body, bytes)
    urls = re.findall(r"https?://\S+", body.decode())
    assert len(urls) == 1, urls
    parts = urlsplit(urls[0])
    assert f"{parts.scheme}://{parts.netloc}" == SITE and parts.path == f"/{page}"
    return parse_qs(parts.query)["token"][0]


async def test_registering_mails_a_link_that_verifies_once(http, make_account_on, mailbox):
    me = await make_account_on()
    (mail,) = await mailbox.wait_for(me.email)
    assert mail["Subject"] == "Confirm your CodeArena email address"
    token = link_in(mail, "verify-email")
    headers = {"Authorization": f"Bearer {me.token}"}
    before = await (await http.get("/api/auth/me", headers=headers)).json()
    assert before["user"]["email_verified"] is False

    resp = await http.post("/api/auth/verify-email", json={"token": token})
    assert resp.status == 200, await resp.text()
    assert (await resp.json())["user"]["email_verified"] is True
    again = await http.post("/api/auth/verify-email", json={"token": token})
    assert again.status == 400 and (await again.json())["error"]["code"] == "invalid_token"
    resend = await http.post("/api/auth/verify-email/send", headers=headers)
    assert resend.status == 409 and (await resend.json())["error"]["code"] == "already_verified"


async def test_a_resent_link_replaces_the_old_one_and_bad_tokens_are_refused(
    http, make_account_on, mailbox
):
    me = await make_account_on()
    headers = {"Authorization": f"Bearer {me.token}"}
    first = link_in((await mailbox.wait_for(me.email))[0], "verify-email")
    resp = await http.post("/api/auth/verify-email/send", headers=headers)
    assert resp.status == 202, await resp.text()
    second = link_in((await mailbox.wait_for(me.email, count=2))[1], "verify-email")
    assert first != second
    stale = await http.post("/api/auth/verify-email", json={"token": first})
    assert stale.status == 400
    for body in ({"token": "x" * 40}, {"token": second, "extra": 1}, {}):
        bad = await http.post("/api/auth/verify-email", json=body)
        assert bad.status in (400, 422) and (await bad.json())["error"]["code"]
    assert (await http.post("/api/auth/verify-email/send")).status == 401
    assert (await http.post("/api/auth/verify-email", json={"token": second})).status == 200


async def test_password_reset_revokes_every_login_and_works_once(
    http, make_account_on, mailbox, connect
):
    me = await make_account_on()
    await mailbox.wait_for(me.email)  # the verification mail
    inbox = Inbox()
    sock = await connect(me.token, on=inbox.handlers("auth:revoked"))

    unknown = await http.post("/api/auth/password-reset/send", json={"email": "nobody@x.org"})
    assert unknown.status == 202  # same answer: no account enumeration
    resp = await http.post("/api/auth/password-reset/send", json={"email": me.email.upper()})
    assert resp.status == 202, await resp.text()
    mails = await mailbox.wait_for(me.email, count=2)
    assert mails[1]["Subject"] == "Reset your CodeArena password"
    assert not [m for m in mailbox.messages if m["To"] == "nobody@x.org"]
    token = link_in(mails[1], "reset-password")

    weak = await http.post("/api/auth/password-reset", json={"token": token, "new_password": "a"})
    assert weak.status == 422  # refused before the token is spent
    new = "another-horse-42"
    resp = await http.post("/api/auth/password-reset", json={"token": token, "new_password": new})
    assert resp.status == 200, await resp.text()
    again = await http.post(
        "/api/auth/password-reset", json={"token": token, "new_password": "third-horse-77"}
    )
    assert again.status == 400 and (await again.json())["error"]["code"] == "invalid_token"

    # every login ended: the access token, the refresh token and the open socket
    headers = {"Authorization": f"Bearer {me.token}"}
    assert (await http.get("/api/auth/me", headers=headers)).status == 401
    refresh = await http.post("/api/auth/refresh", json={"refresh_token": me.refresh_token})
    assert refresh.status == 401
    await inbox.wait_for("auth:revoked", within=10)
    await until_disconnected(sock)
    old = await http.post("/api/auth/login", json={"email": me.email, "password": me.password})
    assert old.status == 401
    login = await http.post("/api/auth/login", json={"email": me.email, "password": new})
    assert login.status == 200
    assert (await login.json())["user"]["email_verified"] is True  # the link proved the address


async def test_an_expired_reset_link_is_refused(http, make_account_on, mailbox):
    me = await make_account_on()
    await http.post("/api/auth/password-reset/send", json={"email": me.email})
    token = link_in((await mailbox.wait_for(me.email, count=2))[1], "reset-password")
    async with http.server.app[DATABASE].session() as session:
        await session.execute(
            update(AccountToken)
            .where(AccountToken.purpose == "reset_password")
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    resp = await http.post(
        "/api/auth/password-reset", json={"token": token, "new_password": "another-horse-42"}
    )
    assert resp.status == 400 and (await resp.json())["error"]["code"] == "invalid_token"
    login = await http.post("/api/auth/login", json={"email": me.email, "password": me.password})
    assert login.status == 200  # the password did not change


async def test_reset_mail_is_rate_limited_per_address(http, make_account_on, mailbox):
    me = await make_account_on()
    codes = [
        (await http.post("/api/auth/password-reset/send", json={"email": me.email})).status
        for _ in range(6)
    ]
    assert codes == [202] * 5 + [429]


async def test_requests_answer_before_the_mail_server_does(http, make_account_on, mailbox):
    """Registration and "reset my password" never wait for SMTP: a slow mail server does not
    slow them, and a known address answers like an unknown one (no timing oracle)."""
    mailbox.gate.clear()  # the mail server takes each message but does not finish with it
    try:
        me = await make_account_on()  # registers (a verification mail) and signs in
        known = await http.post("/api/auth/password-reset/send", json={"email": me.email})
        unknown = await http.post("/api/auth/password-reset/send", json={"email": "no@x.org"})
        assert (known.status, unknown.status) == (202, 202)
        assert mailbox.messages == []  # every answer came while the mail was still on its way
    finally:
        mailbox.gate.set()
    mails = await mailbox.wait_for(me.email, count=2)  # and then both mails arrive
    assert sorted(m["Subject"] for m in mails) == [
        "Confirm your CodeArena email address",
        "Reset your CodeArena password",
    ]
