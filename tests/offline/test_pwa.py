"""The installable site on loopback: one visit precaches every file (Pyodide included) under the
build's cache name; then in offline emulation a regulation page, a practice page and a calculator
page reload and the calculator computes. A new build's worker waits behind the update banner and,
once clicked, replaces the old cache."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from tests.offline.conftest import serve

pytestmark = pytest.mark.browser
LOCAL = re.compile(r"^(data:|blob:|http://127\.0\.0\.1:\d+/)")


def _sw_files(site) -> tuple[str, list[str]]:
    source = (site / "sw.js").read_text(encoding="utf-8")
    cache = re.search(r'const CACHE = "([^"]+)"', source).group(1)
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", source, re.S).group(1))
    return cache, files


@pytest.fixture
def pwa_context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1,
                                  locale="zh-CN", service_workers="allow")
    outside: list[str] = []

    def guard(route):
        if LOCAL.match(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    yield context
    context.close()
    assert not outside, outside


def _install(page, url, expected_files: int):
    page.goto(url + "index.html")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    return page.evaluate("""async () => {
        const keys = await caches.keys();
        const c = await caches.open(keys[0]);
        return {keys, count: (await c.keys()).length};
    }""")


def test_precache_then_airplane_mode(pwa_context, pwa_site, pwa_url, artifacts_dir):
    cache, files = _sw_files(pwa_site)
    assert any(f.startswith("assets/pyodide/") and f.endswith(".wasm") for f in files)
    assert "index.html" in files and "quiz/practice.html" in files and "assets/quiz/bank.js" in files
    page = pwa_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    state = _install(page, pwa_url, len(files))
    assert state == {"keys": [cache], "count": len(files)}
    manifest = page.evaluate("fetch('manifest.webmanifest').then(r => r.json())")
    assert manifest["start_url"] == "./index.html" and manifest["display"] == "standalone"

    pwa_context.set_offline(True)
    out = artifacts_dir / "offline"
    out.mkdir(exist_ok=True)
    for path, check in (("regulations/hebei-measures.html", ".law-text .clause"),
                        ("quiz/practice.html", ".qz-card"),
                        ("tools/attendance.html", ".zc-calc[data-wired]")):
        response = page.goto(pwa_url + path)
        assert response is not None and response.status == 200, path
        page.wait_for_selector(check)
        page.screenshot(path=str(out / f"pwa-offline-{path.split('/')[0]}.png"))
    page.select_option("#zc-f-period", "year")
    page.fill("#zc-f-days_in_village", "205")
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=120_000)
    assert page.locator(".zc-result .zc-cite").count() >= 1
    page.screenshot(path=str(out / "pwa-offline-calculator-result.png"), full_page=True)
    assert not errors


def test_new_build_waits_behind_banner_and_replaces_cache(pwa_context, pwa_site, tmp_path, artifacts_dir):
    site = tmp_path / "site"
    shutil.copytree(pwa_site, site)
    url, server = serve(site)
    try:
        old_cache, files = _sw_files(site)
        page = pwa_context.new_page()
        assert _install(page, url, len(files))["keys"] == [old_cache]
        assert page.locator("#pwa-update").count() == 0

        # a new build: a changed page, so a new file hash and a new cache name in sw.js
        index = site / "index.html"
        index.write_text(index.read_text(encoding="utf-8").replace("</h1>", "（新版）</h1>", 1), encoding="utf-8")
        sw = site / "sw.js"
        new_cache = old_cache[:-4] + "beef"
        sw.write_text(sw.read_text(encoding="utf-8").replace(old_cache, new_cache), encoding="utf-8")

        page.reload()
        banner = page.locator("#pwa-update")
        banner.wait_for(timeout=60_000)
        assert banner.inner_text() == "新版本已就绪，点击刷新"
        assert "（新版）" not in page.locator("h1").first.inner_text()  # old cache still serves
        page.screenshot(path=str(artifacts_dir / "offline" / "pwa-update-banner.png"))
        with page.expect_navigation():
            banner.click()
        page.wait_for_function("() => document.querySelector('h1').textContent.includes('（新版）')")
        page.wait_for_function(f"() => caches.keys().then(k => k.length === 1 && k[0] === {json.dumps(new_cache)})"
                               " .then(ok => ok)", timeout=30_000)
    finally:
        server.shutdown()


def test_registration_is_http_only(pwa_site):
    script = (pwa_site / "assets/pwa/register.js").read_text(encoding="utf-8")
    assert '/^https?:$/.test(location.protocol)' in script
    page = (pwa_site / "regulations/hebei-measures.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="../manifest.webmanifest">' in page
    assert '<script src="../assets/pwa/register.js" defer>' in page


def test_calculator_page_registers_the_service_worker_only_after_the_calculator_is_ready(pwa_context, pwa_url):
    """The first install downloads the whole site; on a calculator page it waits for the calculator."""
    page = pwa_context.new_page()
    page.goto(pwa_url + "tools/attendance.html", wait_until="load")
    early = page.evaluate("""async () => [document.querySelector('.zc-calc').dataset.stage || '',
                                          !!(await navigator.serviceWorker.getRegistration())]""")
    if early[0] not in ("ready", "failed"):
        assert early[1] is False, "registered while the calculator was still starting"
    page.wait_for_selector(".zc-calc[data-stage=ready]", timeout=60_000)
    page.wait_for_function("() => navigator.serviceWorker.getRegistration().then(r => !!r)", timeout=30_000)
    page.close()
