"""Fixtures for the offline copy and the installable site.

`offline_zip`: the zip built once per session by the real command; `offline_root`: it unzipped to a
temporary folder; `file_page`: Chromium at 390 px where only file:, data: and blob: requests may pass (every
request recorded; anything else aborted and failing the test; blob: URLs are the page's own memory, used by
es-module-shims in a browser without import maps). `pwa_site` / `pwa_url`: the http
site with the PWA hook (the shared build once mkdocs.yml runs it), served on loopback.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, _QuietHandler, _Server, guarded_page

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
LOCAL = ("file:", "data:", "blob:")


def _run(args: list[str]) -> None:
    r = subprocess.run([sys.executable, *args], cwd=ROOT, env=ENV, capture_output=True, text=True)
    if r.returncode != 0:
        pytest.fail(f"{' '.join(args)} failed:\n{r.stdout[-3000:]}\n{r.stderr[-5000:]}")


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(["-m", "build_scripts.offline_bundle", "--out", str(out)])
    zips = list(out.glob("*.zip"))
    assert len(zips) == 1, zips
    return zips[0]


@pytest.fixture(scope="session")
def offline_root(offline_zip, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(dest)
    (top,) = list(dest.iterdir())
    return top


@pytest.fixture
def file_requests() -> list[str]:
    return []


@pytest.fixture
def file_page(browser, file_requests):
    blocked: list[str] = []
    pg = guarded_page(browser, lambda url: url.startswith(LOCAL), blocked)
    pg.context.on("request", lambda r: file_requests.append(r.url))
    pg.page_errors = pg.console_errors
    yield pg
    pg.context.close()
    assert not blocked, f"requests other than file:/data:/blob: {blocked}"
    assert all(u.startswith(LOCAL) for u in file_requests), [u for u in file_requests if not u.startswith(LOCAL)]


def changed_copy(offline_root: Path, folder: Path, rel: str, html: str) -> Path:
    """A copy of the offline copy in `folder` whose page `rel` (one folder deep) is `html`: the other
    folders are links to the shared copy, which stays as built. Returns the changed page."""
    top, name = rel.split("/")
    (folder / top).mkdir(parents=True)
    for entry in offline_root.iterdir():
        if entry.name != top:
            (folder / entry.name).symlink_to(entry)
    page = folder / top / name
    page.write_text(html, encoding="utf-8")
    return page


@pytest.fixture(scope="session")
def pwa_site(built_site) -> Path:
    """The site mkdocs.yml builds is the installable one (its hooks write sw.js and the manifest)."""
    assert (built_site / "sw.js").exists()
    return built_site


def serve(directory: Path):
    server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def pwa_url(pwa_site):
    url, server = serve(pwa_site)
    yield url
    server.shutdown()
