"""The words of account mail: what a person reads, and the one link they follow."""

from __future__ import annotations

from urllib.parse import urlencode

from realtime.services.mailer import Mail


def link(site_url: str, page: str, token: str) -> str:
    return f"{site_url}/{page}?{urlencode({'token': token})}"


def verification(to: str, name: str, url: str, hours: int) -> Mail:
    return Mail(
        to=to,
        subject="Confirm your CodeArena email address",
        text=(
            f"Hi {name},\n\nConfirm that this address is yours by opening:\n\n{url}\n\n"
            f"The link works once, for {hours} hours. If you did not sign up, ignore this mail.\n"
        ),
    )


def password_reset(to: str, name: str, url: str, minutes: int) -> Mail:
    return Mail(
        to=to,
        subject="Reset your CodeArena password",
        text=(
            f"Hi {name},\n\nSomeone (we hope you) asked to reset your password. Open:\n\n"
            f"{url}\n\nThe link works once, for {minutes} minutes. Choosing a new password "
            "signs you out everywhere. If you did not ask, ignore this mail: your password "
            "stays as it is.\n"
        ),
    )
