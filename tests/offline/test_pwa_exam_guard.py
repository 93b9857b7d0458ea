"""Two tabs of the installed site: clicking 新版本已就绪 in one must not reload a mock exam open in the other
(it used to, and the answers were lost). The exam tab says 交卷后刷新 and reloads when asked after 交卷."""

from __future__ import annotations

import pytest

from build_scripts.pwa import writer
from tests.offline.test_pwa import logged_site, pwa_context  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_update_in_one_tab_does_not_reload_an_exam_in_another(pwa_context, logged_site, artifacts_dir):  # noqa: F811
    site, url, _log = logged_site
    exam = pwa_context.new_page()
    exam.goto(url + "index.html")
    exam.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    exam.goto(url + "quiz/exam.html?seed=42")
    exam.click("#qz-start")
    for _ in range(2):
        qid = exam.locator(".qz-stage .qz-card").get_attribute("data-qid")
        q = exam.evaluate("id => QuizCard.byId[id]", qid)
        if q["section"] == "填空":
            exam.locator(".qz-blank").first.fill("作答")
        else:
            exam.click(".qz-option[data-letter='A']")
        exam.click("text=下一题")
    exam.evaluate("window.__notReloaded = true")

    index = site / "index.html"   # a new build: a changed page, so a new sw.js
    index.write_text(index.read_text(encoding="utf-8").replace("</h1>", "（新版）</h1>", 1), encoding="utf-8")
    writer.write_service_worker(site)

    other = pwa_context.new_page()
    other.goto(url + "index.html")
    banner = other.locator("#pwa-update")
    banner.wait_for(timeout=60_000)
    with other.expect_navigation():
        banner.click()
    other.wait_for_function("() => document.querySelector('h1').textContent.includes('（新版）')")

    held = exam.locator("#pwa-update")
    exam.wait_for_function("() => (document.getElementById('pwa-update') || {}).textContent === '新版本已就绪，交卷后刷新'",
                           timeout=30_000)
    exam.wait_for_timeout(1000)   # time for a reload, were one coming
    assert exam.evaluate("window.__notReloaded") is True
    assert held.is_disabled()
    assert exam.locator(".qz-pos").inner_text() == "3 / 20"
    exam.screenshot(path=str(artifacts_dir / "offline" / "pwa-exam-held.png"))

    exam.click("#qz-submit-exam")
    exam.click("#qz-confirm-submit")
    exam.wait_for_function("() => document.getElementById('pwa-update').textContent === '新版本已就绪，点击刷新'")
    with exam.expect_navigation():
        held.click()
    assert exam.evaluate("window.__notReloaded") is None
    assert exam.locator("#qz-start").count() == 1   # the submitted exam is not restored
