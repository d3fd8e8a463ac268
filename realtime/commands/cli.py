"""`codearena` command line: thin subcommands over library functions."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from realtime.config import Settings, load_settings


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    if getattr(args, "database_url", None):
        overrides["database_url"] = args.database_url
    return load_settings(**overrides)


def cmd_serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from realtime.app import create_app

    settings = load_settings(
        **{k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    )
    app = create_app(settings)
    url = f"http://{settings.host}:{settings.port}"

    def announce(_: str) -> None:
        print(f"CodeArena listening on {url}  (health: {url}/api/health)", flush=True)

    web.run_app(app, host=settings.host, port=settings.port, print=announce, access_log=None)
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from storage.migrate import upgrade

    settings = _settings(args)
    asyncio.run(upgrade(settings.database_url, args.revision))
    print(f"database at {settings.database_url.split('@')[-1]} is at revision {args.revision}")
    return 0


def cmd_problems_import(args: argparse.Namespace) -> int:
    from storage.bank_import import import_packages, packages_in
    from storage.database import Database
    from storage.migrate import upgrade
    from storage.problem_package import PackageError

    settings = _settings(args)
    try:
        packages = packages_in(Path(args.dir))
    except PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    async def run() -> None:
        await upgrade(settings.database_url)
        db = Database(settings.database_url)
        try:
            async with db.session() as session:
                report = await import_packages(session, packages, source=args.source)
        finally:
            await db.close()
        print(
            f"imported {len(packages)} problem(s): {report.created} new, {report.updated} updated"
        )

    asyncio.run(run())
    return 0


def cmd_users_create(args: argparse.Namespace) -> int:
    from realtime.security.passwords import hash_password, password_problems
    from storage.database import Database
    from storage.errors import Conflict
    from storage.migrate import upgrade
    from storage.repositories import users as user_repo

    settings = _settings(args)
    password = args.password or (
        sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password: ")
    )
    if problems := password_problems(password):
        print("error: password " + "; ".join(problems), file=sys.stderr)
        return 2
    role = "admin" if args.admin else args.role

    async def run() -> int:
        await upgrade(settings.database_url)
        db = Database(settings.database_url)
        try:
            async with db.session() as session:
                user = await user_repo.create_user(
                    session,
                    email=args.email,
                    password_hash=await hash_password(password),
                    display_name=args.display_name or args.email.split("@")[0],
                    role=role,
                )
        except Conflict as exc:
            print(f"error: {exc.message}", file=sys.stderr)
            return 1
        finally:
            await db.close()
        print(f"created {role} {user.email} (id {user.id})")
        return 0

    return asyncio.run(run())


def cmd_worker(args: argparse.Namespace) -> int:
    from realtime.commands.worker import check_workers, run_worker

    settings = load_settings()
    if args.check:
        return asyncio.run(check_workers(settings))
    asyncio.run(run_worker(settings, concurrency=args.concurrency))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="codearena", description=__doc__)
    parser.add_argument(
        "--log-level", default=None, help="DEBUG, INFO, WARNING (default: settings)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the web + Socket.IO server")
    serve.add_argument("--host", default=None, help="bind address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default 8000)")
    serve.set_defaults(func=cmd_serve)

    worker = sub.add_parser("worker", help="judge jobs from Redis (scaled mode)")
    worker.add_argument(
        "--concurrency", type=int, default=None, help="runs at once (default: cores)"
    )
    worker.add_argument("--check", action="store_true", help="exit 0 if a worker is alive, else 1")
    worker.set_defaults(func=cmd_worker)

    db = sub.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", required=True
    )
    up = db.add_parser("upgrade", help="apply migrations")
    up.add_argument("--revision", default="head")
    up.add_argument("--database-url", default=None)
    up.set_defaults(func=cmd_db_upgrade)

    problems = sub.add_parser("problems", help="problem bank").add_subparsers(
        dest="problems_command", required=True
    )
    imp = problems.add_parser("import", help="load a problem folder (or a folder of them)")
    imp.add_argument("dir")
    imp.add_argument("--source", default="bank", choices=("bank", "author"))
    imp.add_argument("--database-url", default=None)
    imp.set_defaults(func=cmd_problems_import)

    users = sub.add_parser("users", help="accounts").add_subparsers(
        dest="users_command", required=True
    )
    create = users.add_parser("create", help="create an account")
    create.add_argument("--email", required=True)
    create.add_argument("--display-name", default=None)
    create.add_argument("--password", default=None, help="(prefer --password-stdin or the prompt)")
    create.add_argument("--password-stdin", action="store_true")
    create.add_argument("--role", default="user", choices=("user", "author", "admin"))
    create.add_argument("--admin", action="store_true", help="shorthand for --role admin")
    create.add_argument("--database-url", default=None)
    create.set_defaults(func=cmd_users_create)

    for register in _EXTRA_COMMANDS:
        register(sub, problems)
    return parser


def _judge_commands(sub: Any, problems: Any) -> None:
    from realtime.commands.judge import register

    register(sub, problems)


# Subcommand groups defined elsewhere: (subparsers, problems-subparsers) -> None.
_EXTRA_COMMANDS: list[Callable[[Any, Any], None]] = [_judge_commands]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = args.log_level or load_settings().log_level
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
