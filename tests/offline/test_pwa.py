"""The installable site on loopback, with a server that logs every request.

The service worker keeps what a visit uses and nothing more: a first visit to the home page asks the
server for nothing beyond the page; a calculator's runtime is kept from the calculator's own download
(the wasm is requested once); "离线使用本站" on the offline page downloads the rest, with its size and
progress, only when clicked; a new build with one changed file downloads that file only, waits behind
the update banner, and never reloads a tab with an exam in progress; an install that cannot fetch a
file fails and the old version keeps serving without refetching anything large.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
import time

import pytest

from build_scripts.pwa import writer
from tests.conftest import _QuietHandler, _Server

pytestmark = pytest.mark.browser
STORE = writer.CACHE_PREFIX + "files"
WASM = "/assets/pyodide/pyodide.asm.wasm"


class _LoggingHandler(_QuietHandler):
    log: list
    no_store: set  # paths sent with "Cache-Control: no-store" (the browser's HTTP cache keeps no copy)

    def log_request(self, code="-", size="-"):
        self.log.append((self.path.split("?", 1)[0], int(getattr(code, "value", code))))

    def end_headers(self):
        if self.path.split("?", 1)[0] in self.no_store:
            self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve_logged(directory, no_store=()):
    log: list[tuple[str, int]] = []
    handler = type("H", (_LoggingHandler,), {"log": log, "no_store": set(no_store)})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server, log


@pytest.fixture
def logged_site(pwa_site, tmp_path, request):
    """A private copy of the site (tests may change it), served with a request log. Paths listed by
    @pytest.mark.no_store(...) are sent with "Cache-Control: no-store"."""
    site = tmp_path / "site"
    shutil.copytree(pwa_site, site)
    mark = request.node.get_closest_marker("no_store")
    url, server, log = serve_logged(site, mark.args if mark else ())
    yield site, url, log
    server.shutdown()


@pytest.fixture
def pwa_context(browser):
    # No request routing here: Playwright's routing turns the HTTP cache off, and the worker keeps the
    # first visit from that cache. The site refers to nothing outside; requests are checked after.
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1,
                                  locale="zh-CN", service_workers="allow")
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url))
    yield context
    context.close()
    outside = [u for u in seen if not re.match(r"^(data:|blob:|http://127\.0\.0\.1:\d+/)", u)]
    assert not outside, outside


def _table(site) -> dict[str, list]:
    source = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"^const FILES = (\{.*\});$", source, re.M).group(1))


def _cached_paths(page) -> list[str]:
    return page.evaluate("""async (store) => {
        const c = await caches.open(store);
        return (await c.keys()).map(r => new URL(r.url).pathname.slice(1));
    }""", STORE)


def _wait_cached(page, path: str, timeout=60_000):
    # polled from here: wait_for_function takes the promise an async predicate returns for a true value
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate("""async ([store, path]) => {
            const c = await caches.open(store);
            return (await c.keys()).some(r => new URL(r.url).pathname === '/' + path);
        }""", [STORE, path]):
        assert time.monotonic() < deadline, f"{path} not in the worker's cache after {timeout} ms"
        page.wait_for_timeout(200)


def _fetched(log, path: str) -> int:
    """How many times the server sent the file's bytes (200), not a 304 revalidation."""
    return sum(1 for p, code in log if p == path and code == 200)


def _offline_all(page, url):
    page.goto(url + "offline.html")
    box = page.locator("#pwa-offline")
    button = box.locator("button")
    button.wait_for(timeout=30_000)
    page.wait_for_function("() => document.querySelector('#pwa-offline').innerText.includes('MB')", timeout=30_000)
    text = box.inner_text()
    assert re.search(r"需要下载约 [\d.]+ MB，建议在 Wi-Fi 下进行", text), text
    assert button.inner_text() == "离线使用本站"
    button.click()
    page.wait_for_function("() => document.querySelector('#pwa-offline').innerText.includes('已全部保存')",
                           timeout=120_000, polling=200)


def test_first_visit_home_downloads_only_the_page(pwa_context, logged_site, artifacts_dir):
    site, url, log = logged_site
    page = pwa_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + "index.html")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    loaded = page.evaluate("""() => [location.pathname, ...performance.getEntriesByType('resource')
        .map(e => new URL(e.name)).filter(u => u.origin === location.origin).map(u => u.pathname)]""")
    # the page and what it loaded are kept from the browser's cache (not the favicon: the browser fetches
    # it on its own, late, and the worker may pass before it is in that cache: it is kept on its next use)
    table = _table(site)
    for path in loaded:
        if path[1:] in table and not path.endswith("favicon.png"):
            _wait_cached(page, path[1:])
    page.wait_for_timeout(1000)  # anything else the worker might start would show in the log by now
    requested = [p for p, _ in log]
    background = sorted(set(requested) - set(loaded) - {"/sw.js"})
    assert background == [], f"first visit downloaded more than the page: {background}"
    assert all(requested.count(p) == 1 for p in set(requested) - {"/sw.js"}), requested
    assert not any(p.startswith("/assets/pyodide/") for p in requested)
    assert "index.html" in _cached_paths(page)

    pwa_context.set_offline(True)
    response = page.reload()
    assert response is not None and response.status == 200
    page.wait_for_selector("h1")
    # a page never opened before: the Chinese fallback with a way home, not the browser's error page
    page.goto(url + "glossary.html")
    assert "回到首页" in page.locator("body").inner_text()
    # ... and to search, like the 404 page: the home page's search box, which this visit has kept
    search = page.locator("a", has_text="搜索本站")
    assert search.get_attribute("href") == url + "index.html#zs-home-input"
    assert "离线使用本站" in page.locator("body").inner_text()
    page.screenshot(path=str(artifacts_dir / "offline" / "pwa-offline-unvisited.png"))
    assert not errors


# The wasm is sent "no-store": the worker cannot count on the browser's HTTP cache (a phone's may not keep
# 10 MB, and Chromium's in-memory one did not); it must keep the copy the calculator itself downloads.
@pytest.mark.no_store(WASM)
def test_calculator_runtime_is_kept_from_its_own_download(pwa_context, logged_site, artifacts_dir):
    site, url, log = logged_site
    page = pwa_context.new_page()
    page.goto(url + "tools/attendance.html")
    page.select_option("#zc-f-period", "year")
    page.fill("#zc-f-days_in_village", "205")
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=120_000)
    # A second calculator at once, before the worker may have finished storing the first one's wasm: it
    # waits for that copy (the worker's in-flight map) and never downloads the wasm again.
    page.goto(url + "tools/leave.html")
    page.wait_for_selector(".zc-calc[data-stage=ready]", timeout=120_000)
    _wait_cached(page, WASM[1:], timeout=60_000)
    assert _fetched(log, WASM) == 1, [e for e in log if e[0] == WASM]
    # everything else the runtime needs comes from the worker's cache too
    again = [p for p, code in log[log.index(("/tools/leave.html", 200)):] if code == 200]
    assert set(again) <= {"/tools/leave.html", "/sw.js"}, again

    pwa_context.set_offline(True)
    page.goto(url + "tools/attendance.html")
    page.select_option("#zc-f-period", "year")
    page.fill("#zc-f-days_in_village", "205")
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=120_000)
    assert page.locator(".zc-result .zc-cite").count() >= 1
    page.screenshot(path=str(artifacts_dir / "offline" / "pwa-offline-calculator-result.png"), full_page=True)


def test_offline_all_is_a_choice_with_size_and_progress(pwa_context, logged_site, artifacts_dir):
    site, url, log = logged_site
    table = _table(site)
    page = pwa_context.new_page()
    page.goto(url + "offline.html")
    page.locator("#pwa-offline button").wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    assert _fetched(log, WASM) == 0 and len(log) < 20, "downloaded before the user chose"
    (artifacts_dir / "offline").mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts_dir / "offline" / "pwa-offline-choice.png"), full_page=True)
    _offline_all(page, url)
    page.screenshot(path=str(artifacts_dir / "offline" / "pwa-offline-done.png"), full_page=True)
    assert sorted(_cached_paths(page)) == sorted(table)
    assert all(_fetched(log, "/" + p) <= 1 for p in table), "a file was downloaded twice"

    pwa_context.set_offline(True)
    for path, check in (("regulations/hebei-measures.html", ".law-text .clause"),
                        ("quiz/practice.html", ".qz-card"),
                        ("glossary.html", "h1")):
        response = page.goto(url + path)
        assert response is not None and response.status == 200, path
        page.wait_for_selector(check)


def test_new_build_fetches_only_the_changed_file_and_spares_an_exam(pwa_context, logged_site, artifacts_dir):
    site, url, log = logged_site
    page = pwa_context.new_page()
    _offline_all(page, url)
    page.goto(url + "index.html")
    exam = pwa_context.new_page()
    exam.goto(url + "regulations/hebei-measures.html")
    exam.evaluate("document.documentElement.dataset.examInProgress = '1'; window.__notReloaded = true")

    index = site / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("</h1>", "（新版）</h1>", 1), encoding="utf-8")
    writer.write_service_worker(site)
    log.clear()

    page.reload()
    banner = page.locator("#pwa-update")
    banner.wait_for(timeout=60_000)
    assert banner.inner_text() == "新版本已就绪，点击刷新"
    assert "（新版）" not in page.locator("h1").first.inner_text()  # the old version still serves
    fetched = sorted({p for p, code in log if code == 200})
    assert fetched == ["/index.html", "/sw.js"], fetched
    page.screenshot(path=str(artifacts_dir / "offline" / "pwa-update-banner.png"))
    with page.expect_navigation():
        banner.click()
    page.wait_for_function("() => document.querySelector('h1').textContent.includes('（新版）')")
    assert len(_cached_paths(page)) == len(_table(site))  # the old index.html is gone, nothing else
    held = exam.locator("#pwa-update")
    held.wait_for(timeout=10_000)
    assert held.inner_text() == "新版本已就绪，交卷后刷新" and held.is_disabled()
    assert exam.evaluate("window.__notReloaded === true"), "the exam tab was reloaded"
    assert _fetched(log, WASM) == 0


def test_an_install_that_cannot_fetch_a_file_fails_and_the_old_version_serves(pwa_context, logged_site):
    site, url, log = logged_site
    page = pwa_context.new_page()
    _offline_all(page, url)
    for name in ("index.html", "glossary.html"):
        f = site / name
        f.write_text(f.read_text(encoding="utf-8").replace("</h1>", "（新版）</h1>", 1), encoding="utf-8")
    writer.write_service_worker(site)
    (site / "glossary.html").unlink()  # the new build's file cannot be fetched
    log.clear()
    for _ in range(2):
        page.goto(url + "index.html")
        page.wait_for_function("""() => navigator.serviceWorker.getRegistration().then(r =>
            !!r && !r.installing)""", timeout=30_000)
        page.wait_for_timeout(500)
        assert page.locator("#pwa-update").count() == 0
        assert "（新版）" not in page.locator("h1").first.inner_text()
    assert _fetched(log, WASM) == 0
    assert _fetched(log, "/index.html") <= 1, "the install refetched a file it already had"
    pwa_context.set_offline(True)
    page.goto(url + "glossary.html")
    page.wait_for_selector("h1")
    assert "（新版）" not in page.locator("h1").first.inner_text()


def test_files_of_the_old_precache_everything_worker_are_adopted_not_refetched(pwa_context, logged_site):
    """Phones that ran the earlier worker hold the whole site in "zhucun-kb-<build hash>": the new worker
    keeps every unchanged file from there (checked by hash) instead of downloading it again."""
    site, url, log = logged_site
    page = pwa_context.new_page()
    page.goto(url + "manifest.webmanifest")  # same origin, no page script: nothing registered yet
    page.evaluate("""async () => {
        const old = await caches.open('zhucun-kb-0123456789abcdef');
        await old.addAll(['index.html', 'assets/pyodide/pyodide.asm.wasm']);
        await old.put('glossary.html', new Response('an older glossary'));
    }""")
    log.clear()
    page.goto(url + "index.html")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    _wait_cached(page, WASM[1:])
    cached = _cached_paths(page)
    assert "index.html" in cached and "glossary.html" not in cached  # a changed file is not adopted
    assert _fetched(log, WASM) == 0
    keys = page.evaluate("caches.keys()")
    assert STORE in keys and "zhucun-kb-0123456789abcdef" not in keys  # the old cache is gone


def test_registration_is_http_only(pwa_site):
    script = (pwa_site / "assets/pwa/register.js").read_text(encoding="utf-8")
    assert '/^https?:$/.test(location.protocol)' in script
    page = (pwa_site / "regulations/hebei-measures.html").read_text(encoding="utf-8")
    assert '<link rel="manifest" href="../manifest.webmanifest">' in page
    assert '<script src="../assets/pwa/register.js" defer>' in page
    assert "offline-choice.js" not in page
    assert '<script src="assets/pwa/offline-choice.js" defer>' in (pwa_site / "offline.html").read_text("utf-8")
    assert '<link rel="manifest"' not in (pwa_site / "404.html").read_text("utf-8")


def test_manifest_names_the_site(pwa_site):
    """The name a phone shows for the installed site (it once said "offline-choice.js")."""
    data = json.loads((pwa_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert data["name"] == "驻村干部制度知识库" and data["short_name"] == "驻村知识库"
    head = (pwa_site / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="theme-color" content="{data["theme_color"]}">' in head


def test_service_worker_table_has_every_file_once_with_its_hash(pwa_site):
    from build_scripts.pwa import precache
    table = _table(pwa_site)
    assert "index.html" in table and "404.html" in table and "assets/pyodide/pyodide.asm.wasm" in table
    assert not [p for p in table if p.endswith((".gz", ".br", ".map")) or p == "sw.js"]
    for path in ("index.html", "assets/pyodide/pyodide.asm.wasm"):
        data = (pwa_site / path).read_bytes()
        assert table[path] == [precache.content_hash(data), len(data)]
