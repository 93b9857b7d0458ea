"""Every calculator of the unzipped offline copy computes a cited result from file:// (Pyodide on
the page thread, files from the payload scripts), also in a browser without import maps; only file:,
data: (and blob:) requests. The same copy served over http runs the same way (it has no http runtime
files)."""

from __future__ import annotations

import json

import pytest

from build_scripts.calculator_pages import modules
from tests.browser_actions import (CALCULATOR_SAMPLES, NO_SUPPORTS, calculator_spec, fill_calculator,
                                   native_import_map_applies, without_import_map)
from tests.offline.conftest import changed_copy, serve

pytestmark = pytest.mark.browser
RESULT_TIMEOUT = 120_000
SAMPLES = CALCULATOR_SAMPLES


def _fill_and_submit(page):
    page.wait_for_selector(".zc-calc[data-wired]")
    spec = calculator_spec(page)
    fill_calculator(page, spec, SAMPLES.get(spec["calculator"], {}))
    # From file:// Python starts on the page's own thread, which cannot answer a click while it boots:
    # wait until it is ready (a loaded machine otherwise times the click out).
    page.wait_for_selector('.zc-calc[data-stage="ready"]', timeout=RESULT_TIMEOUT)
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=RESULT_TIMEOUT)
    assert page.locator(".zc-result .zc-cite").count() >= 1
    return spec["calculator"]


def _calculator_pages(root):
    return sorted(p.name for p in (root / "tools").glob("*.html") if "zc-calc" in p.read_text(encoding="utf-8"))


def test_every_calculator_from_file_url(file_page, offline_root, artifacts_dir):
    pages = _calculator_pages(offline_root)
    assert len(pages) >= 5, pages
    out = artifacts_dir / "offline"
    out.mkdir(exist_ok=True)
    for name in pages:
        file_page.goto((offline_root / "tools" / name).as_uri())
        calculator = _fill_and_submit(file_page)
        marks = json.loads(file_page.get_attribute(".zc-calc", "data-marks") or "{}")
        print(f"\n{calculator}: ready {marks.get('ready', 0) / 1000:.1f} s from file://")
        assert marks.get("snapshot"), marks  # Python restored from the copy's memory snapshot, not started
        # every payload decoded once and its base64 let go (the wasm's alone is 13 MB)
        assert file_page.evaluate("Object.keys(globalThis.__zcOfflineFiles)") == []
        file_page.screenshot(path=str(out / f"file-calc-{calculator}.png"), full_page=True)
    assert not file_page.page_errors


def test_from_file_url_without_import_maps(file_page, offline_root, file_requests, tmp_path):
    """A browser without import maps (tests/browser_actions.py) opening the copy from file://: the
    module starter loads es-module-shims from the copy, which resolves the map's data: URLs."""
    html = without_import_map((offline_root / "tools" / "attendance.html").read_text(encoding="utf-8"))
    page_file = changed_copy(offline_root, tmp_path, "tools/attendance.html", html)
    file_page.add_init_script(NO_SUPPORTS)
    file_page.goto(page_file.as_uri())
    _fill_and_submit(file_page)
    assert not native_import_map_applies(file_page)
    assert [u for u in file_requests if u.endswith("/" + modules.shim_url(""))]
    assert not file_page.page_errors


def test_offline_copy_over_http_runs_the_same_payload(page, offline_root):
    """The copy has no http runtime files (assets/pyodide/); served over http its calculators still
    work, from the same payload scripts as on file://, and ask for nothing under assets/pyodide/."""
    assert not (offline_root / "assets" / "pyodide").exists()
    url, server = serve(offline_root)
    try:
        workers, requests = [], []
        page.on("worker", lambda w: workers.append(w.url))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url + "tools/attendance.html")
        _fill_and_submit(page)
        assert not [w for w in workers if "assets/calculators/worker.mjs" in w], workers
        assert page.evaluate("'__zcOfflineFiles' in globalThis")
        assert not [u for u in requests if "/assets/pyodide/" in u]
    finally:
        server.shutdown()
