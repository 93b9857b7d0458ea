"""The comparison pages at 390 px: no sideways page scroll, tables scroll inside their box, citations lead to the clause."""

from __future__ import annotations

import pytest

PAGES = ["index", "attendance", "leave", "assessment", "eligibility", "support", "readings"]


@pytest.mark.parametrize("name", PAGES)
def test_page_fits_390px(page, site_url, artifacts_dir, name):
    page.goto(f"{site_url}compare/{name}.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    overflow = page.evaluate("""() => [...document.querySelectorAll('.md-typeset table')]
        .filter(t => t.getBoundingClientRect().right > window.innerWidth + 0.5).length""")
    assert overflow == 0, "a table sticks out of the page instead of scrolling in its box"
    if name != "index":
        assert page.locator("a.cite").count() > 0
        assert page.locator("td", has_text="未规定").count() > 0
    page.screenshot(path=str(artifacts_dir / f"compare-{name}-390.png"))
    page.locator("table").nth(1 if name == "leave" else 0).screenshot(
        path=str(artifacts_dir / f"compare-{name}-table-390.png"))
    assert page.console_errors == []


def test_citation_link_opens_the_clause(page, site_url, artifacts_dir):
    page.goto(f"{site_url}compare/attendance.html")
    row = page.locator("tr", has_text="河北选派管理办法").first
    link = row.locator('a.cite[href$="regulations/hebei-measures.html#art-17-1"]')
    assert "20天" in row.inner_text()
    link.click()
    page.wait_for_url("**/regulations/hebei-measures.html#art-17-1")
    target = page.locator('[id="art-17-1"]')
    assert "每月驻村工作时间不少于20天" in target.inner_text()
    assert target.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts_dir / "compare-cite-target-390.png"))


def test_leave_overlap_visible(page, site_url):
    page.goto(f"{site_url}compare/leave.html")
    cell = page.locator("tr", has_text="正好3天").first
    text = cell.inner_text()
    assert "重叠" in text and "乡镇党委批准" in text and "县驻村干部管理办公室批准" in text
