"""Recording Content-Security-Policy violations in Chromium, and the pages and actions to record them on;
used by tests/security/test_csp.py (online) and tests/offline/test_offline_csp.py (file://)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser_actions import CALCULATOR_SAMPLES, answer_wrong, calculator_spec, fill_calculator, search, take_exam
RECORD = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def policy(text: str) -> dict[str, list[str]]:
    (content,) = META.findall(text)
    return {d.split()[0]: d.split()[1:] for d in content.split("; ")}


class Violations:
    """securitypolicyviolation events (each frame) and Chromium's "Refused to …" console lines."""

    def __init__(self, context):
        self.console: list[str] = []
        context.add_init_script(RECORD)

    def watch(self, page):
        page.on("console", lambda m: self.console.append(m.text)
                if "Content Security Policy" in m.text or "Refused to" in m.text else None)

    def collect(self, page) -> list[str]:
        events = []
        for frame in page.frames:
            try:
                events += frame.evaluate("window.__csp || []")
            except Exception:  # noqa: BLE001 - a frame that went away has nothing to report
                pass
        out, self.console[:] = events + list(self.console), []
        return out


@pytest.fixture
def csp_page(browser):
    """Chromium at 390 px recording CSP violations (page.violations); only local requests pass."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", service_workers="block")
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("http://127.0.0.1", "file:", "data:", "blob:")) else route.abort())
    v = Violations(context)
    pg = context.new_page()
    v.watch(pg)
    pg.violations = v
    yield pg
    context.close()


def visit_all(page, base: str, rels: list[str]) -> dict[str, list[str]]:
    seen = {}
    for rel in rels:
        page.goto(base + rel, wait_until="load")
        page.wait_for_timeout(200)
        found = page.violations.collect(page)
        if found:
            seen[rel] = found
    return seen


def _search(page, base: str) -> None:
    search(page, base + "index.html", "请假")  # the search loads its engine and index as scripts under the policy
    assert page.locator(".md-search-result__item").count() > 0


def _calculate(page, base: str, name: str = "leave") -> None:
    page.goto(f"{base}tools/{name}.html")
    page.wait_for_selector(".zc-calc[data-wired='1']", timeout=30000)
    # from file:// Pyodide boots on the page thread: wait until it is ready, so the click is not starved
    page.wait_for_selector(".zc-calc[data-stage='ready']", timeout=180000)
    fill_calculator(page, calculator_spec(page), CALCULATOR_SAMPLES[name])
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden])", timeout=180000)


def _practice_and_exam(page, base: str) -> None:
    page.goto(base + "quiz/practice.html")
    page.wait_for_selector(".qz-card")
    answer_wrong(page)
    page.goto(base + "quiz/wrongbook.html")
    page.wait_for_timeout(300)
    page.goto(base + "quiz/exam.html")
    take_exam(page)


def use_the_site(page, base: str) -> dict[str, list[str]]:
    seen = {}
    for name, action in (("search", _search), ("calculator", _calculate), ("practice/exam", _practice_and_exam)):
        action(page, base)
        found = page.violations.collect(page)
        if found:
            seen[name] = found
    return seen


