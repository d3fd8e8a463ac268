#!/usr/bin/env bash
# One command: set up, then run the whole test suite (lint, the bank check, pytest).
# Needs PostgreSQL on 127.0.0.1:5432 (database `test`) and Redis on 127.0.0.1:6379;
# tests for a missing service are skipped locally and fail when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
VENV="${CODEARENA_VENV:-.venv}"
if [ -f tests/js/package.json ]; then
  (cd tests/js && npm install --no-audit --no-fund --silent)
fi
"$VENV/bin/ruff" check .
# Every reference solution of the bundled bank must be AC well inside its limits.
"$VENV/bin/codearena" problems validate
"$VENV/bin/pytest" "$@"
