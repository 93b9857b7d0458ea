"""Shared fixtures: the built site, a loopback server, and Chromium with every external request blocked.

Browser: Debian's Chromium (/usr/bin/chromium or $CHROMIUM_PATH) driven by Playwright for Python.
Where it is missing the browser tests skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else None


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once per test session (or $ZHUCUN_SITE_DIR when a build is already there)."""
    prebuilt = os.environ.get("ZHUCUN_SITE_DIR")
    if prebuilt:
        return Path(prebuilt)
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout[-4000:]}\n{result.stderr[-6000:]}")
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".webmanifest": "application/manifest+json"}

    def log_message(self, *args):
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing under CI=true: install Debian's chromium (apt-get install chromium)")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "file"):
        return True
    return parts.hostname in LOCAL_HOSTS


@pytest.fixture
def external_requests() -> list[str]:
    """Every request to a host that is not this machine; a test that sees one fails."""
    return []


def guarded_page(browser, allow, refused: list[str], **options):
    """A page at 390x844 (zh-CN) in a context of its own, whose requests that `allow(url)` refuses are aborted
    and listed in `refused`; its script errors are collected in page.console_errors. Close page.context after."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, locale="zh-CN",
                                  **options)

    def guard(route):
        url = route.request.url
        if allow(url):
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.console_errors = []
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    return pg


@pytest.fixture
def page(browser, external_requests):
    pg = guarded_page(browser, _is_local, external_requests, service_workers="block")
    yield pg
    pg.context.close()
    assert not external_requests, f"requests left the site: {external_requests}"


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    return out


@pytest.fixture(scope="session")
def engine_pool(request):
    """Chromium, WebKit and Firefox behind one interface (tests/engines_drivers.py), each launched once."""
    from tests.engines_drivers import EnginePool
    pool = EnginePool(lambda: request.getfixturevalue("browser"))
    yield pool
    pool.close()


def open_engine(pool, name: str):
    """The engine, or a skip (a failure under CI=true) naming what to install."""
    from tests.engines_drivers import missing
    reason = missing(name)
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing under CI=true: {reason}")
        pytest.skip(f"{name} not installed: {reason}")
    return pool.get(name)
