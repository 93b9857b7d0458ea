"""Browser tests of the calculator pages at 390 px: a cited result from each calculator, a
citation followed to its clause, bad input shown next to its field in Chinese (from the
page's checks and from Python), inputs remembered, and no Pyodide byte on other pages."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser_actions import CALCULATOR_SAMPLES, calculator_spec, fill_calculator

pytestmark = pytest.mark.browser

RESULT_TIMEOUT = 120_000  # cold start: ~12 MB and a Python boot

SAMPLES = CALCULATOR_SAMPLES


def calculator_pages(page, base: str) -> list[str]:
    page.goto(base + "tools/index.html")
    hrefs = page.eval_on_selector_all("article a[href$='.html']", "els => els.map(e => e.getAttribute('href'))")
    return [h for h in dict.fromkeys(hrefs) if "/" not in h and h != "index.html"]


def open_calculator(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".zc-calc[data-wired]")



def submit_and_wait(page):
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=RESULT_TIMEOUT)


def test_every_calculator_gives_a_cited_result(page, calc_site_url, artifacts_dir):
    slugs = calculator_pages(page, calc_site_url)
    assert slugs, "tools/index.html lists no calculator"
    for slug in slugs:
        open_calculator(page, calc_site_url + "tools/" + slug)
        spec = calculator_spec(page)
        assert spec["rule_sets"], f"{slug}: no rule set offered"
        fill_calculator(page, spec, SAMPLES.get(spec["calculator"], {}))
        submit_and_wait(page)
        assert page.locator(".zc-result .zc-cite").count() >= 1, f"{slug}: result without a citation"
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390, f"{slug}: wider than the phone"
        page.screenshot(path=str(artifacts_dir / f"calc-{spec['calculator']}.png"), full_page=True)
    assert not page.console_errors


def test_staged_progress_then_citation_leads_to_clause(page, calc_site_url, artifacts_dir):
    page.add_init_script("""
      window.__stages = [];
      new MutationObserver(() => {
        const s = document.querySelector('.zc-status');
        if (s && window.__stages.at(-1) !== s.textContent) window.__stages.push(s.textContent);
      }).observe(document, {subtree: true, childList: true, characterData: true});
    """)
    open_calculator(page, calc_site_url + "tools/attendance.html")
    page.wait_for_function("() => document.querySelector('.zc-calc').dataset.stage === 'ready'", timeout=RESULT_TIMEOUT)
    stages = page.evaluate("window.__stages")
    # the size first (what a compressing host moves, and an uncompressed one), then a share, never
    # megabytes that would contradict it
    assert re.fullmatch(r"正在准备计算环境：需下载约 [\d.]+ MB（服务器未压缩时约 [\d.]+ MB），只需下载一次…", stages[0]), stages
    downloads = [int(m[1]) for s in stages if (m := re.fullmatch(r"下载运行环境：已完成 (\d+)%", s))]
    assert downloads and max(downloads) > 50 and downloads == sorted(downloads), stages  # counted real bytes
    assert not [s for s in stages[1:] if "MB" in s], stages
    assert any("启动计算环境" in s for s in stages) and any("载入计算规则" in s for s in stages), stages
    assert stages[-1].startswith("就绪"), stages

    fill_calculator(page, calculator_spec(page), SAMPLES["attendance"])
    submit_and_wait(page)
    link = page.locator(".zc-result .zc-cite").first
    href = link.get_attribute("href")
    doc, anchor = re.match(r"\.\./regulations/([\w-]+)\.html#([\w-]+)$", href).groups()
    link.click()
    page.wait_for_url(re.compile(rf"/regulations/{doc}\.html#{anchor}$"))
    assert page.locator(f"[id='{anchor}']").count() == 1
    page.screenshot(path=str(artifacts_dir / "calc-cited-clause.png"))


def test_download_progress_is_not_a_message_per_chunk(page, calc_site_url):
    """The worker tells the page its download progress a few times a second, not once per arriving chunk
    (hundreds of them, each a status-line update on the page's main thread: Lighthouse counted 0.4–0.5 s of
    a phone's main thread for it on a calculator page)."""
    page.add_init_script("""
      window.__progress = [];
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (e) => {
            if (e.data && e.data.type === 'progress') window.__progress.push([performance.now(), e.data.stage]);
          });
        }
      };
    """)
    open_calculator(page, calc_site_url + "tools/attendance.html")
    page.wait_for_function("() => document.querySelector('.zc-calc').dataset.stage === 'ready'", timeout=RESULT_TIMEOUT)
    got = page.evaluate("window.__progress")
    download = [t for t, stage in got if stage == "download"]
    assert len(download) >= 2, got
    span = download[-1] - download[0]
    # at most one every 100 ms, with room for messages that arrive together while the page is busy
    assert len(download) <= span / 40 + 5, (len(download), round(span))


def test_bad_input_is_shown_next_to_its_field(page, calc_site_url, artifacts_dir):
    open_calculator(page, calc_site_url + "tools/attendance.html")
    page.select_option("#zc-f-period", "month")
    page.fill("#zc-f-days_in_village", "40")
    page.click(".zc-submit")
    err = page.locator(".zc-field[data-field='days_in_village'] .zc-error")
    err.wait_for(state="visible")
    assert "不能大于 31" in err.inner_text() and "一个月最多 31 天" in err.inner_text()
    assert page.locator(".zc-result").is_hidden()
    page.screenshot(path=str(artifacts_dir / "calc-error-field.png"))

    page.fill("#zc-f-days_in_village", "")
    page.click(".zc-submit")
    assert re.search(r"请填写“.+”", err.inner_text())

    # An error only Python finds (a rule set the page does not list) lands next to the picker.
    page.fill("#zc-f-days_in_village", "20")
    page.evaluate("""() => { const s = document.querySelector('#zc-f-rules');
        s.add(new Option('不存在', 'no-such-rules')); s.value = 'no-such-rules'; }""")
    page.click(".zc-submit")
    rules_err = page.locator(".zc-field[data-field='rules'] .zc-error")
    rules_err.wait_for(state="visible", timeout=RESULT_TIMEOUT)
    assert "no-such-rules" in rules_err.inner_text()


def test_inputs_are_remembered(page, calc_site_url):
    open_calculator(page, calc_site_url + "tools/attendance.html")
    page.select_option("#zc-f-period", "month")
    page.fill("#zc-f-days_in_village", "17")
    page.reload()
    page.wait_for_selector(".zc-calc[data-wired]")
    assert page.input_value("#zc-f-period") == "month"
    assert page.input_value("#zc-f-days_in_village") == "17"


def test_jurisdiction_picker_defaults_to_the_broadest_level_then_remembers(page, calc_site_url):
    import yaml

    from pyodide_support import ROOT

    from calculators.vocabulary import LEVELS

    data = yaml.safe_load((ROOT / "build_scripts" / "corpus" / "documents.yml").read_text(encoding="utf-8"))
    levels = list(LEVELS)
    level_of = {d["id"]: levels.index(d["level"]) for d in data["documents"]}
    open_calculator(page, calc_site_url + "tools/attendance.html")
    offered = page.eval_on_selector_all("#zc-f-rules option", "os => os.map(o => o.value)")
    ranks = [level_of.get(r, len(levels)) for r in offered]
    assert ranks == sorted(ranks), offered  # 中央, 省, 市, 县, 乡镇, 单位
    assert page.input_value("#zc-f-rules") == offered[0]

    # a choice made on one calculator is where the next calculator starts
    page.select_option("#zc-f-rules", "shenmu-2021")
    open_calculator(page, calc_site_url + "tools/leave.html")
    assert page.input_value("#zc-f-rules") == "shenmu-2021"


def test_pages_without_a_calculator_load_no_pyodide_byte(page, calc_site_url, built_site):
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    for path in ("index.html", "tools/index.html"):
        page.goto(calc_site_url + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(2500)  # past requestIdleCallback
    assert seen and not [u for u in seen if "/assets/pyodide/" in u or "/assets/calculators/" in u]

    page.goto(calc_site_url + "tools/attendance.html")
    page.wait_for_function("() => document.querySelector('.zc-calc').dataset.stage === 'ready'", timeout=RESULT_TIMEOUT)
    assert any(u.endswith("pyodide.asm.wasm") for u in seen)
    # the trimmed standard library, never the upstream one
    assert any(u.split("?")[0].endswith("/assets/pyodide/zhucun-stdlib.zip") for u in seen)
    assert not [u for u in seen if "python_stdlib.zip" in u]
    # and every file the site ships in assets/pyodide/ is one a calculator page loads
    requested = {u.split("?")[0].rsplit("/", 1)[1] for u in seen if "/assets/pyodide/" in u}
    shipped = {p.name for p in (built_site / "assets" / "pyodide").iterdir()
               if not p.name.endswith((".gz", ".br"))}  # a host's compressed siblings of the same files
    assert shipped == requested, f"shipped, never requested: {sorted(shipped - requested)}"


PRELOAD_PAGES = {"tools/attendance.html": ".zc-calc", "diary/index.html": ".zd-diary"}
# what the page's inline script is given (overrides/main.html): the URLs, page-relative
_PRELOAD_DATA = re.compile(r"<script data-runtime-preload='([^']*)'>")
# every <link rel=preload> as it enters the document (the parser's too), with whether the first contentful paint
# had been shown; and every script the Content-Security-Policy refused
_WATCH_PRELOADS = """
  window.__preloads = []; window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.blockedURI + ' ' + e.violatedDirective));
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes)
      if (n.nodeName === 'LINK' && n.rel === 'preload') window.__preloads.push({href: n.href,
        painted: performance.getEntriesByName('first-contentful-paint').length > 0});
  }).observe(document, {subtree: true, childList: true});
"""


def _preload_data(page, url: str) -> list[str]:
    html = page.request.get(url).text()
    assert 'rel="preload"' not in html, "runtime preloads in the served page: they share the line with its CSS"
    found = _PRELOAD_DATA.findall(html)
    assert len(found) == 1, f"{url}: {len(found)} runtime preload lists"
    return [page.evaluate("h => new URL(h, document.baseURI).href", h) for h in json.loads(found[0].replace("&#39;", "'"))]


@pytest.mark.parametrize("path", sorted(PRELOAD_PAGES))
def test_runtime_preloads_are_the_urls_the_worker_fetches(page, calc_site_url, path):
    """The page preloads runtime files once it has shown its first paint (or its runtime starts); the worker
    must ask for the very same URLs (query included), or a phone downloads them twice."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.add_init_script(_WATCH_PRELOADS)
    page.goto(calc_site_url + path)
    listed = _preload_data(page, calc_site_url + path)
    assert {u.split("?")[0].rsplit("/", 1)[1] for u in listed} >= {"pyodide.asm.mjs", "zhucun-stdlib.zip"}
    page.wait_for_function(f"() => document.querySelector('{PRELOAD_PAGES[path]}').dataset.stage === 'ready'",
                           timeout=RESULT_TIMEOUT)
    preloads = page.evaluate("window.__preloads")
    assert [p["href"] for p in preloads] == listed, "the page's preloads are not the list it was given, once"
    preloads = [p["href"] for p in preloads]
    # once by the page's preload, once by the worker (answered from the browser's cache)
    assert not [u for u in preloads if seen.count(u) < 2], f"preloaded, not fetched by the worker: {preloads}"
    worker_big = {u for u in seen if "/assets/pyodide/" in u
                  and not u.split("?")[0].endswith((".json", "pyodide.mjs", ".wasm"))}
    assert worker_big == set(preloads), f"runtime files fetched without a preload: {sorted(worker_big - set(preloads))}"
    assert not page.evaluate("window.__csp"), "the Content-Security-Policy refused a script"
    assert not page.console_errors


def test_runtime_preloads_wait_for_the_first_paint(page, calc_site_url):
    """With the page's own scripts held back, the runtime preloads still come, after the first contentful
    paint (before it they would share a slow line with the page's CSS: Lighthouse counts them in its LCP)."""
    page.route("**/assets/calculators/*.mjs*", lambda route: route.abort())
    page.add_init_script(_WATCH_PRELOADS)
    page.goto(calc_site_url + "tools/attendance.html")
    page.wait_for_function("() => window.__preloads.length >= 2")
    page.wait_for_timeout(200)
    preloads = page.evaluate("window.__preloads")
    assert [p["href"] for p in preloads] == _preload_data(page, calc_site_url + "tools/attendance.html")
    assert all(p["painted"] for p in preloads), f"preloaded before the first paint: {preloads}"
    assert not page.evaluate("window.__csp"), "the Content-Security-Policy refused a script"
