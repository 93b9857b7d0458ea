"""The unzipped offline copy opened from file:// in Chromium, every non-file/data request blocked
and recorded (fixture `file_page`): navigation, Chinese search, practice progress, print page."""

from __future__ import annotations

import pytest

from tests.browser_actions import answer_wrong

pytestmark = pytest.mark.browser


def _open(page, root, path):
    page.goto((root / path).as_uri())


def _shot(page, artifacts_dir, name):
    out = artifacts_dir / "offline"
    out.mkdir(exist_ok=True)
    page.screenshot(path=str(out / f"{name}.png"), full_page=False)


def test_navigation(file_page, offline_root, artifacts_dir):
    page = file_page
    _open(page, offline_root, "index.html")
    page.click("article a.home-entry[href='regulations/index.html']")
    page.wait_for_url("**/regulations/index.html")
    page.click("article a[href='hebei-measures.html']")
    page.wait_for_url("**/regulations/hebei-measures.html")
    assert page.locator(".law-text .clause").count() > 10
    assert "navigation.instant" not in page.content()
    _shot(page, artifacts_dir, "regulation")
    assert not page.page_errors


def test_search_from_file_url(file_page, offline_root, artifacts_dir):
    page = file_page
    _open(page, offline_root, "index.html")
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && /键入/.test(m.textContent); }", timeout=15000)
    box = page.locator("input.md-search__input")
    box.fill("召回")
    box.press("End")  # Material searches on keyup
    page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && /符合条件/.test(m.textContent); }", timeout=15000)
    _shot(page, artifacts_dir, "search")
    first = page.locator("li.md-search-result__item > a.md-search-result__link").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file:") and href.split("#")[0].split("/")[-1] in page.url
    assert "召回" in page.locator("article").inner_text()
    assert not page.page_errors


def test_search_uses_patched_worker_and_tags(file_page, offline_root, file_requests):
    """The iframe-worker loads our patched search worker; sub-word tags (处罚 in 行政处罚) are in the inlined index."""
    page = file_page
    workers = list((offline_root / "assets/javascripts/workers").glob("search.*.min.js"))
    assert len(workers) == 1 and "o<=t.length" in workers[0].read_text(encoding="utf-8")
    index = (offline_root / "search/search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index = ") and '"tags":[' in index
    _open(page, offline_root, "index.html")
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    box.fill("暖心工程")
    box.press("End")
    page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && /符合条件|没有/.test(m.textContent); }", timeout=15000)
    hrefs = page.eval_on_selector_all("li.md-search-result__item > a.md-search-result__link",
                                      "els => els.map(e => e.getAttribute('href'))")
    assert any("county-test" in h for h in hrefs[:5]), hrefs
    assert any(u.startswith("file:") and "/assets/javascripts/workers/" + workers[0].name in u for u in file_requests)



def test_practice_progress_survives_reload(file_page, offline_root, artifacts_dir):
    page = file_page
    _open(page, offline_root, "quiz/practice.html")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector(".qz-card")
    qid = answer_wrong(page)
    _shot(page, artifacts_dir, "practice-wrong")
    _open(page, offline_root, "quiz/wrongbook.html")
    page.reload()
    page.wait_for_selector(f"#qz-wrong-list li[data-qid='{qid}']")
    _shot(page, artifacts_dir, "wrongbook")
    assert page.locator("#qz-export").count() == 1
    assert not page.page_errors


def test_smart_review_from_file_url(file_page, offline_root, artifacts_dir, file_requests):
    """智能复习 with the vendored FSRS scheduler from file://; the hub counts today's queue."""
    page = file_page
    _open(page, offline_root, "quiz/index.html")
    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.locator("#qz-srs-due").inner_text() == "今日待复习 0 题，新题 20 题"
    _open(page, offline_root, "quiz/review.html")
    page.wait_for_selector(".qz-card")
    qid = answer_wrong(page)
    assert page.locator("#qz-srs-when").inner_text() == "下次复习：1 分钟后。"
    _shot(page, artifacts_dir, "smart-review")
    assert any(u.startswith("file:") and u.endswith("/assets/vendor/ts-fsrs/ts-fsrs.umd.js") for u in file_requests)
    _open(page, offline_root, "quiz/index.html")
    assert page.locator("#qz-srs-due").inner_text() == "今日待复习 1 题，新题 19 题"
    assert qid in page.evaluate("Object.keys(JSON.parse(localStorage.getItem('zhucun.quiz')).data.srs)")
    assert not page.page_errors


def test_print_page(file_page, offline_root, artifacts_dir):
    page = file_page
    _open(page, offline_root, "print/all-regulations.html")
    assert page.locator(".print-doc").count() == 13
    assert page.locator("#hebei-measures--art-17").count() == 1
    page.emulate_media(media="print")
    for sel in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(sel).first.is_visible(), sel
    _shot(page, artifacts_dir, "print-all")
    _open(page, offline_root, "quiz/paper.html")
    assert page.locator(".md-header").first.is_visible() is False


def test_progress_survives_closing_the_browser(browser, offline_root, tmp_path):
    """Chromium keeps localStorage for file:// across a restart of the same profile."""
    from tests.conftest import CHROMIUM_ARGS, chromium_path

    def session():
        return browser.browser_type.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 390, "height": 844})

    context = session()
    page = context.new_page()
    _open(page, offline_root, "quiz/practice.html")
    page.wait_for_selector(".qz-card")
    qid = answer_wrong(page)
    context.close()
    context = session()
    try:
        page = context.new_page()
        _open(page, offline_root, "quiz/wrongbook.html")
        page.wait_for_selector(f"#qz-wrong-list li[data-qid='{qid}']", timeout=10_000)
    finally:
        context.close()
