"""Helpers for the content suites: bank problems into a server's database, real solves."""

from __future__ import annotations

from content import PROBLEMS_DIR
from realtime.keys import DATABASE
from storage.bank_import import import_packages
from storage.problem_package import load_package


async def import_bank(app, *slugs: str) -> None:
    async with app[DATABASE].session() as s:
        await import_packages(s, [load_package(PROBLEMS_DIR / slug) for slug in slugs])


async def solve(http, account, slug: str, code: str) -> str:
    resp = await http.post(
        "/api/submissions",
        params={"wait": "true"},
        json={"problem": slug, "language": "python", "code": code},
        headers=account.headers,
    )
    assert resp.status == 200, await resp.text()
    return (await resp.json())["submission"]["verdict"]


def reference(slug: str) -> str:
    return (PROBLEMS_DIR / slug / "solutions" / "reference.py").read_text()
