"""Practice pages in Chromium at 390 px. Fixtures `site_url` (built site on loopback, str) and `page`
(Playwright page, 390x844, external requests blocked) come from tests/conftest.py."""
import json
import pathlib

import pytest
import yaml

from tests.browser_actions import answer_wrong, download

pytestmark = pytest.mark.browser
ROOT = pathlib.Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "quiz"


def _url(site_url, path):
    return site_url.rstrip("/") + "/" + path


def _watch(page, site_url):
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    return seen


def _no_external(seen, site_url, page=None):
    if page is not None:
        assert not getattr(page, "console_errors", []), page.console_errors
    base = site_url.rstrip("/")
    outside = [u for u in seen if not (u.startswith(base) or u.startswith("data:") or u.startswith("blob:"))]
    assert not outside, outside


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _fresh(page, site_url, path):
    page.goto(_url(site_url, path))
    page.evaluate("localStorage.clear()")
    page.goto(_url(site_url, path))


def test_vectors_in_chromium(page, site_url):
    vectors = yaml.safe_load((ROOT / "tests/quiz/blank_normalisation_vectors.yml").read_text("utf-8"))
    page.goto(_url(site_url, "quiz/practice.html"))
    got = page.evaluate("""v => ({
        normalise: v.normalise.map(c => QuizNormalise.normalise(c.input)),
        match: v.match.map(c => QuizNormalise.matches(c[0], c[1])),
        grade: v.grade.map(c => QuizNormalise.gradeBlanks(c.inputs, c.answer, c.accept, c.order_free)),
    })""", vectors)
    assert got["normalise"] == [c["normalised"] for c in vectors["normalise"]]
    assert got["match"] == [c[2] for c in vectors["match"]]
    assert got["grade"] == [c["result"] for c in vectors["grade"]]


def test_mock_exam_known_score(page, site_url):
    seen = _watch(page, site_url)
    _fresh(page, site_url, "quiz/exam.html?seed=42")
    page.click("#qz-start")
    counts = {"填空": 0, "单选": 0, "多选": 0}
    wrong_multi = None
    for k in range(20):
        qid = page.locator(".qz-card").get_attribute("data-qid")
        q = page.evaluate("id => QuizCard.byId[id]", qid)
        assert q["status"] == "grounded", "unverified items must stay out of a default exam"
        counts[q["section"]] += 1
        if q["section"] == "填空" and counts["填空"] <= 3:       # 3 right blanks: 6 points
            for i, ans in enumerate(q["answer"]):
                page.locator(".qz-blank").nth(i).fill(ans)
        elif q["section"] == "单选":                              # all 5 right: 10 points
            page.click(f".qz-option[data-letter='{q['answer'][0]}']")
        elif q["section"] == "多选" and wrong_multi is None:      # one letter only: wrong, 0 points
            page.click(f".qz-option[data-letter='{q['answer'][0]}']")
            wrong_multi = qid
        if k == 1:
            page.click(".qz-flagbtn")
        if k < 19:
            page.click("text=下一题")
    assert counts == {"填空": 10, "单选": 5, "多选": 5}
    page.click("text=答题卡")
    assert page.locator(".qz-cell.qz-flag").count() == 1
    page.locator(".qz-cell").first.click()
    assert page.locator(".qz-blank").first.input_value() != ""
    _shot(page, "exam-in-progress")
    page.click("#qz-submit-exam")
    assert "未作答" in page.locator(".qz-dialogbox").inner_text()
    page.click("#qz-confirm-submit")
    assert page.locator("#qz-total").inner_text() == "16"
    scores = {r.get_attribute("data-section"): r.locator(".qz-secscore").inner_text()
              for r in page.locator("tr[data-section]").all()}
    assert scores == {"填空": "6 / 20", "单选": "10 / 10", "多选": "0 / 20"}
    assert page.locator(".qz-review").count() == 20
    assert page.locator(".qz-review a.qz-cite").count() == 20
    href = page.locator(".qz-review a.qz-cite").first.get_attribute("href")
    assert href.startswith("../regulations/") and ".html#" in href
    _shot(page, "exam-review")
    page.goto(_url(site_url, "quiz/wrongbook.html"))
    assert page.locator(f"#qz-wrong-list li[data-qid='{wrong_multi}']").count() == 1
    _no_external(seen, site_url, page)



def test_wrong_answer_lands_in_wrongbook_and_survives_reload(page, site_url):
    seen = _watch(page, site_url)
    _fresh(page, site_url, "quiz/practice.html?doc=hebei-measures")
    qid = answer_wrong(page)
    assert page.locator(".qz-bad").count() >= 1
    assert page.locator(".qz-cite").count() == 1
    _shot(page, "practice-wrong")
    page.goto(_url(site_url, "quiz/wrongbook.html"))
    assert page.locator(f"#qz-wrong-list li[data-qid='{qid}']").count() == 1
    page.reload()
    assert page.locator(f"#qz-wrong-list li[data-qid='{qid}']").count() == 1
    _shot(page, "wrongbook")
    # resume where left off
    page.goto(_url(site_url, "quiz/practice.html?doc=hebei-measures"))
    page.click("text=下一题")
    second = page.locator(".qz-card").get_attribute("data-qid")
    page.reload()
    assert page.locator(".qz-card").get_attribute("data-qid") == second
    _no_external(seen, site_url, page)


def test_export_and_import_progress(page, site_url, tmp_path):
    _fresh(page, site_url, "quiz/practice.html?doc=shenmu-2021")
    qid = answer_wrong(page)
    page.click(".qz-star")
    page.goto(_url(site_url, "quiz/wrongbook.html"))
    saved = download(page, "#qz-export", tmp_path / "progress.json")
    data = json.loads(saved.read_text("utf-8"))
    assert qid in data["wrong"] and qid in data["fav"]
    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.locator("#qz-wrong-empty").count() == 1
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    page.set_input_files("#qz-import-file", str(bad))
    # the file is read asynchronously (FileReader): wait for the message instead of reading it at once
    page.wait_for_function("() => document.querySelector('#qz-transfer-msg').textContent.includes('导入失败')")
    page.set_input_files("#qz-import-file", str(saved))
    page.wait_for_selector(f"#qz-wrong-list li[data-qid='{qid}']")
    assert "导入成功" in page.locator("#qz-transfer-msg").inner_text()
    # a second import of the same file adds nothing and drops nothing, and says so
    page.set_input_files("#qz-import-file", str(saved))
    page.wait_for_function("() => document.querySelector('#qz-transfer-msg').textContent.includes('没有改动')")
    assert page.locator(f"#qz-wrong-list li[data-qid='{qid}']").count() == 1


def test_print_view_has_no_navigation_chrome(page, site_url):
    seen = _watch(page, site_url)
    page.goto(_url(site_url, "quiz/paper.html?key=1"))
    page.emulate_media(media="print")
    for sel in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".qz-noprint"):
        loc = page.locator(sel)
        assert loc.count() == 0 or not loc.first.is_visible(), sel
    assert page.locator(".qz-paper").is_visible()
    assert page.locator(".qz-key").is_visible()
    text = page.locator(".qz-paper").inner_text()
    assert "一、填空题" in text and "原卷此处缺失" in text and "待核实" in text
    _shot(page, "paper-print")
    page.emulate_media(media="screen")
    page.click("#qz-new-random")
    assert "随机组卷" in page.locator(".qz-ptitle").inner_text()
    assert page.locator(".qz-phead").count() == 3
    _no_external(seen, site_url, page)
