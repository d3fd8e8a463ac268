"""Account mail in real Chromium (web/e2e/account.mjs): the verification link from a real
SMTP conversation confirms the address; a reset link sets a new password and signs the
account out everywhere."""

from __future__ import annotations

import json
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.processes import free_port
from tests.web.harness import require_browser, run_script


class MailDir:
    """An aiosmtpd handler writing each message, decoded, as one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        path.mkdir()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content)
        body = message.get_payload(decode=True)
        self.count += 1
        mail = {"to": message["To"], "subject": message["Subject"], "text": body.decode()}
        (self.path / f"{self.count:04d}.json").write_text(json.dumps(mail))
        return "250 OK"


@pytest.mark.timeout(180)
def test_verify_the_address_and_reset_a_forgotten_password(tmp_path):
    require_browser()
    port = free_port()
    maildir = MailDir(tmp_path / "mail")
    controller = Controller(maildir, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        report = run_script(
            tmp_path,
            "account.mjs",
            str(maildir.path),
            timeout=150,
            server_env={
                "CODEARENA_SMTP_HOST": "127.0.0.1",
                "CODEARENA_SMTP_PORT": str(port),
                "CODEARENA_SMTP_SECURITY": "none",
            },
        )
    finally:
        controller.stop()
    assert report["steps"] == [
        "sign up; the profile says the address is not confirmed",
        "open the link from the verification mail",
        "the same link again is refused in words",
        "sign out, ask for a reset link from the sign-in page",
        "open the reset link and choose a new password",
        "the old password is refused, the new one signs in",
        "signed in on a second device too, she changes her password on the first",
        "the other device is signed out; this one stays signed in and connected",
    ]
    assert "not confirmed" in report["before"] and "not" not in report["after"]
    assert "is confirmed" in report["verified"]
    assert "invalid, expired or was already used" in report["reused"]
    assert report["refused"] == "That email and password do not match an account."
    assert report["wrongCurrent"] and "password" in report["wrongCurrent"].lower()
    assert report["changed"] == "Password changed. Every other device was signed out."
    assert report["otherSignedIn"] == 0
    assert report["subjects"] == [
        "Confirm your CodeArena email address",
        "Reset your CodeArena password",
    ]
