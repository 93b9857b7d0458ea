"""The search box in Chromium at 390 px: lazy index, input without key events, results, the opened clause,
the home page box and recent searches (every external request blocked, see tests/conftest.py)."""

from __future__ import annotations

import pytest

from tests.search.browser import RESULTS, header_search, open_header_search, result_cites, wait_results

pytestmark = pytest.mark.browser
HOME = "[data-zs-home-results]"


def _shot(page, artifacts_dir, name):
    out = artifacts_dir / "search"
    out.mkdir(exist_ok=True)
    page.screenshot(path=str(out / f"{name}.png"), full_page=False)


def test_index_loads_on_the_first_search_interaction_not_on_page_view(page, site_url):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{site_url}regulations/hebei-measures.html")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if u.endswith(("/search/index.js", "/engine.js"))], requests
    assert not [u for u in requests if "lunr" in u or "workers/search" in u]
    open_header_search(page)
    page.wait_for_function("() => window.zhucunSearchLoadMs !== undefined", timeout=15000)
    assert any(u.endswith("/search/index.js") for u in requests)
    assert any(u.endswith("/assets/search/engine.js") for u in requests)
    assert not page.console_errors


def test_input_without_key_events_searches(page, site_url, artifacts_dir):
    """fill() sends one input event and no key events, as paste, voice input and IME candidate taps do."""
    page.goto(f"{site_url}index.html")
    cites = header_search(page, "请假3天谁批")
    assert "hebei-measures#art-17-3" in cites[:3]
    _shot(page, artifacts_dir, "header-results")
    title = page.locator(f"{RESULTS} a[data-zs-result='hebei-measures#art-17-3'] h1").inner_text()
    assert "河北选派管理办法" in title and "第十七条（三）" in title
    assert page.locator(f"{RESULTS} a[data-zs-result='hebei-measures#art-17-3'] mark").count() >= 2
    # a paste event path: value set by script, then an InputEvent of type insertFromPaste
    page.evaluate("""() => { const b = document.querySelector('[data-zs-results]'); delete b.dataset.zsState;
        const i = document.querySelector('[data-zs-input]'); i.value = '220天';
        i.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', bubbles: true})); }""")
    wait_results(page)
    assert result_cites(page)[0] == "shenmu-2021#s7-2-3"
    # an IME composition: the text arrives at compositionend
    page.evaluate("""() => { const b = document.querySelector('[data-zs-results]'); delete b.dataset.zsState;
        const i = document.querySelector('[data-zs-input]');
        i.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true}));
        i.value = '年休假';
        i.dispatchEvent(new CompositionEvent('compositionend', {data: '年休假', bubbles: true})); }""")
    wait_results(page)
    assert "hebei-measures#art-28" in result_cites(page)[:3]
    assert not page.console_errors


def test_result_opens_the_clause_with_the_match_highlighted(page, site_url, artifacts_dir):
    page.goto(f"{site_url}index.html")
    header_search(page, "年休假")
    page.locator(f"{RESULTS} a[data-zs-result='hebei-measures#art-28']").click()
    page.wait_for_url("**/regulations/hebei-measures.html?*#art-28")
    page.wait_for_selector("#art-28 mark.zs-hit")
    assert "年度休假" in page.locator("#art-28 mark.zs-hit").all_inner_texts()
    box = page.locator("#art-28").bounding_box()
    assert box is not None and 0 <= box["y"] < 844 / 2
    _shot(page, artifacts_dir, "opened-clause")
    assert not page.console_errors


def test_tools_show_in_their_own_row_after_the_clauses(page, site_url):
    page.goto(f"{site_url}index.html")
    header_search(page, "召回")
    items = page.eval_on_selector_all(f"{RESULTS} .md-search-result__list > li",
                                      "els => els.map(e => e.classList.contains('zs-tools') ? 'tools' : (e.querySelector('a[data-zs-result]') ? 'clause' : 'other'))")
    assert items[0] == "clause" and "tools" in items
    row = page.locator(f"{RESULTS} .zs-tools")
    assert "相关工具" in row.inner_text()
    assert row.locator("a[data-zs-page='tools/assessment.html']").count() == 1


def test_home_page_box_and_recent_searches(page, site_url, artifacts_dir):
    page.goto(f"{site_url}index.html")
    page.evaluate("localStorage.removeItem('zhucun.search.recent')")
    box = page.locator("[data-zs-home-input]")
    box.fill("5万元")
    wait_results(page, HOME)
    assert result_cites(page, HOME)[0] == "hebei-measures#art-26"
    _shot(page, artifacts_dir, "home-results")
    page.locator(f"{HOME} a[data-zs-result]").first.click()
    page.wait_for_url("**/hebei-measures.html?*#art-26")
    page.goto(f"{site_url}index.html")
    page.locator("[data-zs-home-input]").focus()
    page.wait_for_selector(f"{HOME} .zs-recent button[data-zs-recent]")
    assert page.locator(f"{HOME} .zs-recent button[data-zs-recent]").first.inner_text() == "5万元"
    _shot(page, artifacts_dir, "home-recent")
    page.locator(f"{HOME} .zs-recent button[data-zs-recent]").first.click()
    wait_results(page, HOME)
    assert result_cites(page, HOME)[0] == "hebei-measures#art-26"
    assert not page.console_errors


@pytest.mark.parametrize("setup", [
    "localStorage.setItem('zhucun.search.recent', '{not json')",
    "localStorage.setItem('zhucun.search.recent', JSON.stringify([1, null, {a: 1}, '召回']))",
    "Object.defineProperty(window, 'localStorage', {get() { throw new Error('denied'); }})",
])
def test_recent_searches_tolerate_broken_storage(page, site_url, setup):
    page.goto(f"{site_url}index.html")
    page.evaluate(setup)
    page.locator("[data-zs-home-input]").focus()
    page.locator("[data-zs-home-input]").fill("召回")
    wait_results(page, HOME)
    assert result_cites(page, HOME)
    page.locator("[data-zs-home-input]").fill("")
    page.wait_for_function("(sel) => document.querySelector(sel).dataset.zsState === 'empty'", arg=HOME)
    chips = page.locator(f"{HOME} .zs-recent button[data-zs-recent]").all_inner_texts()
    assert all(isinstance(c, str) and c for c in chips)
    assert not page.console_errors


def test_markup_in_a_query_is_shown_as_text(page, site_url):
    page.goto(f"{site_url}index.html")
    page.evaluate("window.__pwned = false")
    header_search(page, "<img src=x onerror=window.__pwned=true>召回")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is False
    assert page.locator(f"{RESULTS} img").count() == 0


def test_search_box_fits_390(page, site_url, artifacts_dir):
    page.goto(f"{site_url}index.html")
    header_search(page, "无故离村多少天会被召回")
    # Material locks the page under the open search box once its opening animation ends (400 ms)
    page.wait_for_selector("body[data-md-scrolllock]", state="attached")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate("document.querySelector('[data-zs-results]').scrollWidth") <= 390
    _shot(page, artifacts_dir, "question")
