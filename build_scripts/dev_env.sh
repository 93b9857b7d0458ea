#!/usr/bin/env bash
# Set up everything the site build and the tests need on a fresh machine (idempotent):
#   .venv with the pinned Python packages, and Debian's Chromium for the browser tests.
# Node and npm come with the machine; the build fetches the pinned Pyodide package through npm.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"

if [ "${1:-}" != "--no-browser" ]; then
  chromium_bin=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [ ! -x "$chromium_bin" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "Chromium is missing: run 'sudo apt-get install chromium' (the browser tests need it)" >&2
      [ "${CI:-}" = "true" ] && exit 1
    fi
  fi
fi
command -v node >/dev/null || { echo "node and npm are needed to fetch Pyodide" >&2; exit 1; }
