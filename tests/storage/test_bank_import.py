"""The bundled bank loads into both databases, idempotently, without leaking hidden tests."""

from __future__ import annotations

from storage.bank_import import import_packages
from storage.database import Database
from storage.migrate import upgrade
from storage.problem_package import iter_bank
from storage.repositories import problems as problem_repo


async def test_bank_imports_and_reimports(db_url):
    await upgrade(db_url)
    db = Database(db_url)
    packages = list(iter_bank())
    try:
        async with db.session() as session:
            report = await import_packages(session, packages)
        assert report.created == len(packages) >= 40
        async with db.session() as session:
            again = await import_packages(session, packages[:3])
        assert (again.created, again.updated) == (0, 3)
        async with db.session() as session:
            assert await problem_repo.count_problems(session) == len(packages)
            first = packages[0]
            problem = await problem_repo.get_problem(session, first.slug)
            hidden = await problem_repo.get_tests(session, problem.id, include_hidden=True)
            visible = await problem_repo.get_tests(session, problem.id, include_hidden=False)
            assert len(hidden) == len(first.tests)
            assert all(not t.hidden for t in visible) and len(visible) >= 3
            assert set(await problem_repo.get_solutions(session, problem.id)) == set(
                first.solutions
            )
            rows, total = await problem_repo.list_problems(
                session, problem_repo.Viewer(), problem_repo.ProblemFilter(topic="graphs")
            )
            assert total >= 2 and all("graphs" in p.labels_of("topic") for p in rows)
    finally:
        await db.close()


async def test_migrations_downgrade_and_upgrade(db_url):
    from storage.migrate import downgrade

    await upgrade(db_url)
    await downgrade(db_url, "base")
    await upgrade(db_url)
