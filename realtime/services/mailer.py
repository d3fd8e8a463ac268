"""Sending account mail: by SMTP (aiosmtplib) when a host is configured, else to the log.

The log mailer is the development default, so a fresh checkout can verify an address or
reset a password by reading the link from the server's output. Requests never wait for SMTP:
`MailOutbox` sends in the background, so a slow mail server does not slow registration and
"reset my password" answers as fast for a known address as for an unknown one (no timing
oracle for which addresses have accounts).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

import aiosmtplib

from realtime.config import Settings

log = logging.getLogger(__name__)
SEND_TIMEOUT = 15.0  # seconds for one SMTP conversation


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str


class Mailer(Protocol):
    async def send(self, mail: Mail) -> None: ...


class LogMailer:
    async def send(self, mail: Mail) -> None:
        log.info(
            "mail (no CODEARENA_SMTP_HOST set) to %s: %s\n%s", mail.to, mail.subject, mail.text
        )


class SmtpMailer:
    def __init__(self, settings: Settings) -> None:
        assert settings.smtp_host
        self.settings = settings

    async def send(self, mail: Mail) -> None:
        s = self.settings
        message = EmailMessage()
        message["From"] = s.mail_from
        message["To"] = mail.to
        message["Subject"] = mail.subject
        message.set_content(mail.text)
        await aiosmtplib.send(
            message,
            hostname=s.smtp_host,
            port=s.smtp_port,
            username=s.smtp_username,
            password=s.smtp_password.get_secret_value() if s.smtp_password else None,
            use_tls=s.smtp_security == "tls",
            start_tls=True if s.smtp_security == "starttls" else False,
            timeout=SEND_TIMEOUT,
        )


def mailer_for(settings: Settings) -> Mailer:
    return SmtpMailer(settings) if settings.smtp_host else LogMailer()


class MailOutbox:
    """Hands mail to a `Mailer` in background tasks; a failure is logged, never raised, since
    the account is fine and its owner can ask for the mail again."""

    def __init__(self, mailer: Mailer) -> None:
        self.mailer = mailer
        self._pending: set[asyncio.Task[None]] = set()

    def post(self, mail: Mail) -> None:
        task = asyncio.create_task(self._send(mail))
        self._pending.add(task)  # held until done: the loop keeps only weak references
        task.add_done_callback(self._pending.discard)

    async def _send(self, mail: Mail) -> None:
        try:
            await self.mailer.send(mail)
        except Exception:
            log.exception("account mail to %s failed", mail.to)

    async def drain(self) -> None:
        """At shutdown: let the mail already posted go out (bounded by one SMTP timeout)."""
        if self._pending:
            await asyncio.wait(set(self._pending), timeout=SEND_TIMEOUT)
