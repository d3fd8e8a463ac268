#!/usr/bin/env bash
# Create the virtual environment and install CodeArena with its test extras.
# Also installs bubblewrap (the sandbox) when it is missing and we may use apt.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${CODEARENA_VENV:-.venv}"
PYTHON="${PYTHON:-python3}"

if ! command -v bwrap >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing bubblewrap (the judge's sandbox)..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null
  else
    echo "warning: bubblewrap (bwrap) is missing; install it (e.g. 'sudo apt-get install bubblewrap') or the judge will refuse to run code" >&2
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e ".[test]"
echo "installed into $VENV"

# The browser client (web/ -> web/dist, served at /). Without Node.js the API still works.
# A stamp of the lockfile and sources skips the rebuild when nothing changed.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  stamp=$(cd web && find package.json package-lock.json index.html vite.config.ts tsconfig.json src public \
    -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-32)
  if [ -f web/dist/index.html ] && [ "$(cat web/node_modules/.codearena-built 2>/dev/null)" = "$stamp" ]; then
    echo "web client up to date"
  else
    echo "building the web client..."
    if (cd web && npm ci --no-audit --no-fund --prefer-offline --loglevel=error && npm run build --silent >/dev/null); then
      echo "$stamp" >web/node_modules/.codearena-built
      echo "built web/dist"
    else
      echo "warning: building the web client failed (see above); the API works without it" >&2
      # CI tests the client: a build that fails there must fail the run, not skip its checks.
      [ "${CI:-}" = "true" ] && exit 1
    fi
  fi
else
  echo "warning: Node.js and npm not found; the web client is not built (the API works; / says how to build it)" >&2
  [ "${CI:-}" = "true" ] && exit 1
fi
