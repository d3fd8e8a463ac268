#!/usr/bin/env bash
# One command: set up, then run the whole test suite (lint, the bank check, pytest).
# Needs PostgreSQL on 127.0.0.1:5432 (database `test`) and Redis on 127.0.0.1:6379;
# tests for a missing service are skipped locally and fail when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's chromium for the browser test (tests/web), as setup.sh does for bubblewrap.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium (the browser test's browser)..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
bash scripts/setup.sh
VENV="${CODEARENA_VENV:-.venv}"
if [ -f tests/js/package.json ]; then
  (cd tests/js && npm install --no-audit --no-fund --silent)
fi
"$VENV/bin/ruff" check .
if [ -d web/node_modules ]; then
  (cd web && npm run --silent typecheck && npm run --silent lint)
elif [ "${CI:-}" = "true" ]; then
  echo "web/node_modules is missing: the client cannot be type-checked and linted" >&2; exit 1
fi
# Every reference solution of the bundled bank must be AC well inside its limits.
"$VENV/bin/codearena" problems validate
"$VENV/bin/pytest" "$@"
