"""Question banks load per document (docs/assets/quiz/loader.js): the hub loads the index only, a practice
set its own document, a mock exam only the documents of the questions drawn. Fixtures from tests/conftest.py."""
import pytest

from tests.quiz.test_quiz_browser import _fresh, _shot

pytestmark = pytest.mark.browser
BANK = "/assets/quiz/bank/"


def _bank_files(page):
    seen = []
    page.on("request", lambda r: seen.append(r.url.split(BANK, 1)[1]) if BANK in r.url else None)
    return seen


def test_hub_loads_only_the_index(page, site_url):
    _fresh(page, site_url, "quiz/index.html")
    seen = _bank_files(page)
    page.reload()
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert seen == ["index.js"]
    due = page.locator("#qz-srs-due").inner_text()
    assert "新题 20 题" in due, due          # the 智能复习 count comes from the index alone
    _shot(page, "hub")


def test_practice_set_loads_its_document(page, site_url):
    seen = _bank_files(page)
    _fresh(page, site_url, "quiz/practice.html?doc=guizhou-2017")
    page.wait_for_selector(".qz-card")
    assert set(seen) == {"index.js", "guizhou-2017.js"}
    assert page.evaluate("QuizBank.loaded()") == ["guizhou-2017"]
    qid = page.locator(".qz-card").get_attribute("data-qid")
    assert page.evaluate("id => QuizCard.byId[id].doc", qid) == "guizhou-2017"
    seen.clear()
    page.select_option("select[aria-label='按文件']", "central-2017")
    page.wait_for_function("() => document.querySelector('.qz-card') && "
                           "QuizCard.byId[document.querySelector('.qz-card').dataset.qid].doc === 'central-2017'")
    assert seen == ["central-2017.js"]


def test_exam_loads_the_documents_of_its_questions(page, site_url):
    seen = _bank_files(page)
    _fresh(page, site_url, "quiz/exam.html?seed=12345")
    page.click("#qz-start")                     # enabled once the drawn questions' documents are loaded
    page.wait_for_selector(".qz-cell", state="attached")
    drawn = page.evaluate("() => [].concat(...QuizStore.exam.get().sections.map(s => s.ids))"
                          ".map(id => QuizBank.meta[id].doc)")
    total = page.evaluate("QUIZ_INDEX.paper.sections.reduce((n, s) => n + s.count, 0)")
    assert len(drawn) == total == page.locator(".qz-cell").count() == 20
    assert sorted(page.evaluate("QuizBank.loaded()")) == sorted(set(drawn))
    assert sorted(set(seen)) == sorted({"index.js"} | {f"{d}.js" for d in drawn})
    page.reload()                               # the exam in progress comes back with its questions
    page.wait_for_selector("#qz-restored")
    assert page.locator(".qz-cell").count() == 20
