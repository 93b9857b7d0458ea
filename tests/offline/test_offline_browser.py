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


def test_search_from_file_url(file_page, offline_root, artifacts_dir, file_requests):
    """The search loads its engine and index as scripts from file:// on first use and opens the clause."""
    from tests.search.browser import RESULTS, header_search
    page = file_page
    _open(page, offline_root, "index.html")
    assert not [u for u in file_requests if u.endswith("/search/index.js")]
    cites = header_search(page, "召回")
    assert cites, "no results from file://"
    assert any(u.startswith("file:") and u.endswith("/search/index.js") for u in file_requests)
    _shot(page, artifacts_dir, "search")
    first = page.locator(f"{RESULTS} a[data-zs-result]").first
    doc, anchor = first.get_attribute("data-zs-result").split("#")
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith("file:") and f"{doc}.html" in page.url and page.url.endswith(f"#{anchor}")
    page.wait_for_selector(f"[id='{anchor}'] mark.zs-hit")
    assert "召回" in page.locator(f"[id='{anchor}']").inner_text()
    assert not page.page_errors


def test_search_questions_and_numbers_from_file_url(file_page, offline_root):
    from tests.search.browser import header_search
    page = file_page
    _open(page, offline_root, "regulations/index.html")
    assert "county-test" in " ".join(header_search(page, "暖心工程")[:5])
    _open(page, offline_root, "index.html")
    assert header_search(page, "无故离村多少天会被召回")[0] == "shenmu-2021#s7-3-3"
    assert not page.page_errors


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
