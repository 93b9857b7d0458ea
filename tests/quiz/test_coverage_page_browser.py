"""The coverage page's topics × documents table on a phone (390 px): ten documents do not fit, the table
scrolls sideways, and the topic column stays in sight while it does (else a row of numbers has no name)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_topic_column_stays_while_the_table_scrolls(page, site_url, artifacts_dir):
    page.goto(site_url + "quiz/coverage.html")
    table = page.locator(".md-content table").first
    assert table.locator("th").first.inner_text() == "专题"
    scroller = "t => { let s = t; while (s && !(s.scrollWidth > s.clientWidth + 100)) s = s.parentElement; return s; }"
    assert table.evaluate(f"t => !!({scroller})(t)"), "the table fits: nothing to check"
    before = table.locator("tbody td").first.bounding_box()["x"]
    table.evaluate(f"t => {{ ({scroller})(t).scrollLeft = 400; }}")
    page.wait_for_timeout(100)
    cell = table.locator("tbody td").first
    box = cell.bounding_box()
    assert -1 <= box["x"] <= before + 1 and cell.inner_text() == "人选条件", ("the topic column scrolled away", box)
    # and nothing shows through it
    assert cell.evaluate("c => getComputedStyle(c).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    (artifacts_dir / "quiz").mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts_dir / "quiz" / "coverage-scrolled.png"))
