"""The admin page in real Chromium (web/e2e/admin.mjs) against an admin made the operator's way,
with `codearena users create --admin`: search, change a role, suspend with a reason (her open
page loses its sign-in, her next sign-in is refused), the audit log, lifting the suspension."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.web.harness import require_browser, run_script

ADMIN_EMAIL = "root@example.com"
ADMIN_PASSWORD = "operator-password-1"


def make_admin(database_url: str) -> None:
    cli = [sys.executable, "-m", "realtime.commands.cli"]
    subprocess.run([*cli, "db", "upgrade", "--database-url", database_url], check=True, timeout=60)
    create = ["users", "create", "--admin", "--email", ADMIN_EMAIL, "--display-name", "Root"]
    subprocess.run(
        [*cli, *create, "--password-stdin", "--database-url", database_url],
        input=ADMIN_PASSWORD + "\n",
        text=True,
        check=True,
        timeout=60,
    )


@pytest.mark.timeout(180)
def test_an_admin_suspends_and_restores_an_account(tmp_path):
    require_browser()
    make_admin(f"sqlite+aiosqlite:///{tmp_path}/browser.db")
    report = run_script(
        tmp_path,
        "admin.mjs",
        timeout=150,
        script_env={"ADMIN_EMAIL": ADMIN_EMAIL, "ADMIN_PASSWORD": ADMIN_PASSWORD},
    )
    assert report["steps"] == [
        "Mallory signs up; Root signs in and opens the admin page",
        "search finds Mallory; make her an author",
        "suspend her with a reason: the audit log shows it",
        "Mallory's sign-in is over and a new one is refused",
        "lift the suspension: Mallory signs in again",
    ]
    assert report["usersBefore"] == 2
    assert "Mallory Spam" in report["rowText"] and "Root" not in report["rowText"]
    assert report["suspended"] == 1
    assert "user.role_changed" in report["audit"] and "spam in room chat" in report["audit"]
    assert report["stillIn"] is False
    assert "suspended" in report["refusal"] and "spam in room chat" in report["refusal"]
    assert report["role"] == "author"
