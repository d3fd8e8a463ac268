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
