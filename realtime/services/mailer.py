"""Sending account mail: by SMTP (aiosmtplib) when a host is configured, else to the log.

The log mailer is the development default, so a fresh checkout can verify an address or
reset a password by reading the link from the server's output.
"""

from __future__ import annotations

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
