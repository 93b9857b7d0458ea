"""The mock exam's start screen and one exam in two tabs, in Chromium at 390 px.

- “包含了解类题目” on the start screen draws 了解-level questions as exam.html?extra=1 did, and the choice is
  saved with the exam in progress;
- a second tab opened on the same exam says so in Chinese and writes nothing until the user moves the exam
  there (the first tab then stops and says why); without BroadcastChannel the storage event does the same.
"""
from __future__ import annotations

import json

import pytest

from tests.browser_actions import answer_exam
from tests.quiz.test_practice_browser import _fresh
from tests.quiz.test_quiz_browser import _shot, _url

pytestmark = pytest.mark.browser


def _draft(page) -> dict | None:
    raw = page.evaluate("localStorage.getItem('zhucun.quiz-exam')")
    return json.loads(raw)["data"]["exam"] if raw else None


def _levels(page, draft) -> set[str]:
    ids = [i for s in draft["sections"] for i in s["ids"]]
    return set(page.evaluate("ids => ids.map(id => QuizCard.byId[id].importance || '')", ids))


def test_background_questions_checkbox_is_saved_with_the_exam(page, site_url):
    _fresh(page, site_url, "quiz/exam.html?seed=7")
    box = page.locator("#qz-extra")
    assert box.is_visible() and not box.is_checked()
    assert page.locator("label[for=qz-extra]").inner_text() == "包含了解类题目"
    page.click("#qz-start")
    plain = _draft(page)
    assert plain["withBackground"] is False and "了解" not in _levels(page, plain)
    page.on("dialog", lambda d: d.accept())

    _fresh(page, site_url, "quiz/exam.html?seed=7")
    page.check("#qz-extra")
    _shot(page, "exam-start-extra")
    page.click("#qz-start")
    extra = _draft(page)
    assert extra["withBackground"] is True and "了解" in _levels(page, extra), _levels(page, extra)
    assert extra["sections"] != plain["sections"]

    _fresh(page, site_url, "quiz/exam.html?extra=1")  # the old link still ticks the box
    assert page.locator("#qz-extra").is_checked()


@pytest.fixture
def tabs(browser):
    """One browser (context) for several tabs of the site, as a user opens them."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", service_workers="block")
    yield context
    context.close()


def _tab(context, site_url, path):
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())
    page.goto(_url(site_url, path))
    return page


def _exam_begun(context, site_url, seed):
    """A first tab with an exam started and its first question answered."""
    first = context.new_page()
    first.on("dialog", lambda d: d.accept())
    _fresh(first, site_url, f"quiz/exam.html?seed={seed}")
    first.click("#qz-start")
    answer_exam(first, right=True)
    return first


def test_a_second_tab_on_the_same_exam_is_told_and_overwrites_nothing(tabs, site_url):
    first = _exam_begun(tabs, site_url, 11)
    first.click("text=下一题")
    second = _tab(tabs, site_url, "quiz/exam.html")
    note = second.locator("#qz-other-tab")
    note.wait_for()
    assert "正在另一个标签页" in note.inner_text() and "互相覆盖" in note.inner_text()
    _shot(second, "exam-second-tab")
    assert second.locator(".qz-stage").count() == 0  # no exam drawn here, nothing saved from here

    answer_exam(first, right=True)  # the first tab goes on saving
    saved = _draft(first)
    assert len(saved["responses"]) == 2 and saved["cur"] == 1

    second.click("#qz-take-over")  # the user moves the exam to the second tab
    second.wait_for_selector(".qz-stage .qz-card")
    assert second.locator(".qz-cell.qz-done").count() == 2  # it carries on with what the first saved
    first.wait_for_selector("#qz-other-tab")
    assert "另一个标签页" in first.locator("#qz-other-tab").inner_text()
    assert first.evaluate("document.documentElement.dataset.examInProgress") is None
    second.click("text=下一题")
    assert _draft(second)["cur"] == 2
    assert _draft(first)["cur"] == 2  # the first tab wrote nothing after it stopped


def test_without_broadcastchannel_a_write_from_another_tab_stops_this_one(tabs, site_url):
    first = _exam_begun(tabs, site_url, 12)
    tabs.add_init_script("delete window.BroadcastChannel")
    second = _tab(tabs, site_url, "quiz/exam.html")
    second.wait_for_selector("#qz-restored")  # cannot ask: it resumes, and its first save is seen
    first.wait_for_selector("#qz-other-tab")
    assert "正在另一个标签页" in first.locator("#qz-other-tab").inner_text()
    before = _draft(first)
    assert first.locator(".qz-stage").count() == 0
    assert _draft(first) == before
