#!/usr/bin/env bash
# One command: set up, then run CodeArena on its embedded defaults
# (SQLite file, in-process Socket.IO and judge, local sandbox, offline coach).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec "${CODEARENA_VENV:-.venv}/bin/codearena" serve "$@"
