#!/usr/bin/env bash
# Set up everything the site build and the tests need on a fresh machine (idempotent):
#   .venv with the pinned Python packages, and the Debian packages of the browser tests (below).
# Node and npm come with the machine; the build fetches the pinned Pyodide package through npm.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"

# Debian packages the tests need, installed when missing: Chromium; WebKit (WebKitWebDriver + MiniBrowser)
# and Firefox ESR for the every-engine tests, Xvfb for WebKit; nginx with the brotli module for the
# example server config.
need=()
if [ "${1:-}" != "--no-browser" ]; then
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
  command -v firefox-esr >/dev/null || need+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || need+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || need+=(xvfb xauth)
  [ -x /usr/sbin/nginx ] || need+=(nginx-light)
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need+=(libnginx-mod-http-brotli-static)
fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "Missing Debian packages: run 'sudo apt-get install ${need[*]}' (the browser tests need them)" >&2
    [ "${CI:-}" = "true" ] && exit 1
  fi
fi
command -v node >/dev/null || { echo "node and npm are needed to fetch Pyodide" >&2; exit 1; }

# puppeteer-core (pinned, integrity in the lock file) drives Firefox over WebDriver BiDi in tests/engines
if [ "${1:-}" != "--no-browser" ] && [ ! -d tests/engines/firefox/node_modules/puppeteer-core ]; then
  npm ci --prefix tests/engines/firefox --ignore-scripts --no-audit --no-fund --loglevel=error
fi
