"""`codearena db upgrade`, `problems import`, `users create`: commands that open the database."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from pathlib import Path

from realtime.config import Settings, load_settings
from realtime.security.passwords import hash_password, password_problems
from storage.bank_import import import_packages, packages_in
from storage.database import Database
from storage.display_names import clean_name
from storage.errors import Conflict
from storage.migrate import upgrade
from storage.problem_package import PackageError
from storage.repositories import users as user_repo


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    if getattr(args, "database_url", None):
        overrides["database_url"] = args.database_url
    return load_settings(**overrides)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    settings = _settings(args)
    asyncio.run(upgrade(settings.database_url, args.revision))
    print(f"database at {settings.database_url.split('@')[-1]} is at revision {args.revision}")
    return 0


def cmd_problems_import(args: argparse.Namespace) -> int:
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
    settings = _settings(args)
    password = args.password or (
        sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Password: ")
    )
    if problems := password_problems(password):
        print("error: password " + "; ".join(problems), file=sys.stderr)
        return 2
    role = "admin" if args.admin else args.role
    try:
        display_name = clean_name(args.display_name or args.email.split("@")[0])
    except ValueError as exc:
        print(f"error: display name {exc}", file=sys.stderr)
        return 2

    async def run() -> int:
        await upgrade(settings.database_url)
        db = Database(settings.database_url)
        try:
            async with db.session() as session:
                user = await user_repo.create_user(
                    session,
                    email=args.email,
                    password_hash=await hash_password(password),
                    display_name=display_name,
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
