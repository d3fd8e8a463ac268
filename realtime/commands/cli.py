"""`codearena` command line: the argument parser, and each subcommand's handler by name.

A handler's module is imported only when its subcommand runs: `codearena --help` starts
in about 0.15 s instead of loading the whole app (1.2 s), and `db upgrade` or
`users create` never load Socket.IO or the judge.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from realtime import logs
from realtime.config import load_settings

Handler = Callable[[argparse.Namespace], int]


def _handler(target: str) -> Handler:
    """Resolve "module:function" in realtime.commands (e.g. "judge:cmd_judge")."""
    module, function = target.split(":")
    handler: Handler = getattr(importlib.import_module(f"realtime.commands.{module}"), function)
    return handler


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="codearena", description=__doc__)
    parser.add_argument(
        "--log-level", default=None, help="DEBUG, INFO, WARNING (default: settings)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the web + Socket.IO server")
    serve.add_argument("--host", default=None, help="bind address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default 8000)")
    serve.set_defaults(func="serve:cmd_serve")

    worker = sub.add_parser("worker", help="judge jobs from Redis (scaled mode)")
    worker.add_argument(
        "--concurrency", type=int, default=None, help="runs at once (default: cores)"
    )
    worker.add_argument("--check", action="store_true", help="exit 0 if a worker is alive, else 1")
    worker.set_defaults(func="worker:cmd_worker")

    db = sub.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", required=True
    )
    up = db.add_parser("upgrade", help="apply migrations")
    up.add_argument("--revision", default="head")
    up.add_argument("--database-url", default=None)
    up.set_defaults(func="database:cmd_db_upgrade")

    problems = sub.add_parser("problems", help="problem bank").add_subparsers(
        dest="problems_command", required=True
    )
    imp = problems.add_parser("import", help="load a problem folder (or a folder of them)")
    imp.add_argument("dir")
    imp.add_argument("--source", default="bank", choices=("bank", "author"))
    imp.add_argument("--database-url", default=None)
    imp.set_defaults(func="database:cmd_problems_import")

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
    create.set_defaults(func="database:cmd_users_create")

    judge = sub.add_parser("judge", help="judge a source file on a problem or a tests folder")
    judge.add_argument("file")
    judge.add_argument("--language", required=True)
    which = judge.add_mutually_exclusive_group(required=True)
    which.add_argument("--problem", help="slug of a bundled problem")
    which.add_argument("--tests", help="folder of NAME.in/NAME.out pairs")
    judge.add_argument("--time-limit", type=float, default=None, help="seconds (CPU) per test")
    judge.add_argument("--memory-limit", type=int, default=None, help="MB")
    judge.add_argument("--checker", choices=("exact", "tokens", "float"), default=None)
    judge.add_argument("--json", action="store_true", help="print one JSON object")
    judge.set_defaults(func="judge:cmd_judge")

    validate = problems.add_parser("validate", help="judge every reference solution of a bank")
    validate.add_argument("dir", nargs="?", default=None, help="default: the bundled bank")
    validate.add_argument(
        "--headroom", type=float, default=0.5, help="max fraction of the time limit (default 0.5)"
    )
    validate.set_defaults(func="judge:cmd_validate")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = load_settings()
    logs.configure(args.log_level or settings.log_level, settings.log_format)
    return int(_handler(args.func)(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
