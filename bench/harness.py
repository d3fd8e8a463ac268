"""The bench's helper processes, run by the scripts next to it as subprocesses:

    python bench/harness.py worker        # holds Socket.IO clients, driven by JSON lines on stdin
    python bench/harness.py echo --port P # a plain aiohttp websocket echo server (baseline)

The plumbing itself lives in `bench/stats.py`, `machine.py`, `servers.py`, `seeding.py`
and `clients.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as `python bench/harness.py`
    sys.path.insert(0, str(REPO))

from bench.clients import worker_main  # noqa: E402
from bench.servers import run_echo_server  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="benchmark helper processes")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("worker", help="hold Socket.IO clients, driven by JSON lines on stdin")
    echo = sub.add_parser("echo", help="plain aiohttp websocket echo server")
    echo.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "worker":
        asyncio.run(worker_main())
    else:
        run_echo_server(args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())


if __name__ == "__main__":
    sys.exit(main())
