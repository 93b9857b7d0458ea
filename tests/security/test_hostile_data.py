"""A county's data file is untrusted input: with a hostile string in every free-text field of every data
source (rule sets, glossary, documents.yml, question banks, county settings) the site still builds, every
string reaches the page as text, and in Chromium nothing of it runs.

The browser context bypasses the Content-Security-Policy on purpose: this tests the escaping on its own
(test_csp.py tests the policy).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.quiz.payload import read_built
from tests.browser_actions import CALCULATOR_SAMPLES, calculator_spec, fill_calculator, search, take_exam
from tests.security import hostile

HITS = """
window.__xssHits = [];
window.xssHit = (n) => { window.__xssHits.push(n); };
"""


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_poisoning_reaches_every_data_source(hostile_project):
    """The copy really carries the payload in each source (else the other tests prove nothing)."""
    for pattern in hostile.DATA_FILES:
        files = list(hostile_project.glob(pattern))
        assert files, pattern
        assert any(hostile.MARK in f.read_text(encoding="utf-8") for f in files), pattern


@pytest.mark.parametrize("page", ["compare/index.html", "compare/leave.html", "compare/support.html",
                                  "compare/assessment.html", "compare/attendance.html", "compare/eligibility.html",
                                  "tools/index.html", "tools/leave.html", "glossary.html", "regulations/index.html",
                                  "regulations/hebei-measures.html", "regulations/topics/leave.html",
                                  "print/all-regulations.html", "quiz/coverage.html", "compare/readings.html"])
def test_payload_is_shown_as_text(hostile_site, page):
    text = (hostile_site / page).read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=xssHit(1)&gt;" in text, f"{page}: the hostile text is not on the page at all"
    assert hostile.raw_markup(text) == []


def test_no_page_has_markup_from_data(hostile_site):
    found = {p: hostile.raw_markup((hostile_site / p).read_text(encoding="utf-8")) for p in _pages(hostile_site)}
    assert {p: f[:3] for p, f in found.items() if f} == {}


def test_data_scripts_cannot_close_their_element(hostile_site):
    """bank.js and JSON written for pages: a `</script>` inside a string must not end a script element
    if the text is ever inlined; JSON/JS files are parsed as data (checked by loading them)."""
    folder = hostile_site / "assets" / "quiz" / "bank"
    assert any(hostile.MARK in p.read_text(encoding="utf-8") for p in folder.glob("*.js"))  # there, as data
    data = read_built(folder)
    assert any(hostile.MARK in (q.get("stem") or "") for q in data["questions"])


@pytest.fixture
def hostile_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", bypass_csp=True,
                                  service_workers="block")
    context.add_init_script(HITS)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
                  else route.abort())
    pg = context.new_page()
    yield pg
    context.close()


def _hits(page) -> list:
    return page.evaluate("window.__xssHits || []")


@pytest.mark.browser
def test_nothing_runs_on_any_page(hostile_page, hostile_site, hostile_url):
    ran = {}
    for rel in _pages(hostile_site):
        hostile_page.goto(hostile_url + rel, wait_until="load")
        hostile_page.wait_for_timeout(150)
        hits = _hits(hostile_page)
        if hits:
            ran[rel] = hits
    assert ran == {}


@pytest.mark.browser
def test_nothing_runs_in_practice_exam_and_search(hostile_page, hostile_url):
    hostile_page.goto(hostile_url + "quiz/practice.html")
    hostile_page.wait_for_selector(".qz-card", timeout=60000)
    assert hostile.MARK in hostile_page.locator(".qz-card").inner_text()
    hostile_page.goto(hostile_url + "quiz/exam.html")
    take_exam(hostile_page)
    assert hostile.MARK in hostile_page.locator("article").inner_text()  # the review lists the questions
    hostile_page.goto(hostile_url + "quiz/paper.html")
    hostile_page.wait_for_timeout(300)
    assert "<img src=x onerror=xssHit(1)>" in hostile_page.locator("article").inner_text()
    assert _hits(hostile_page) == []
    search(hostile_page, hostile_url + "index.html", "xssHit", timeout=60000)
    hostile_page.wait_for_timeout(500)
    assert hostile_page.locator(".md-search-result__item").count() > 0  # the payload is found, as text
    assert _hits(hostile_page) == []


@pytest.mark.browser
@pytest.mark.parametrize("name", ["leave", "assessment"])
def test_nothing_runs_in_a_calculator_result(hostile_page, hostile_url, name):
    """The rule sets inside the calculators' wheel carry the payload too: the result shows it as text."""
    hostile_page.goto(f"{hostile_url}tools/{name}.html")
    hostile_page.wait_for_selector(".zc-calc[data-wired='1']", timeout=30000)
    fill_calculator(hostile_page, calculator_spec(hostile_page), CALCULATOR_SAMPLES[name])
    hostile_page.click(".zc-submit")
    hostile_page.wait_for_selector(".zc-result:not([hidden])", timeout=120000)
    assert "xssHit(1)" in hostile_page.locator(".zc-result").inner_text()
    assert _hits(hostile_page) == []
