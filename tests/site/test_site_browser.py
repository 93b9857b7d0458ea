"""The regulations site in Chromium at 390 px, with every external request blocked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_scripts.corpus import load_corpus

pytestmark = pytest.mark.browser
QUERIES = yaml.safe_load(Path(__file__).with_name("search_queries.yml").read_text(encoding="utf-8"))
DOC_IDS = list(load_corpus().documents)


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_each_regulation_page_opens(page, site_url, doc_id):
    response = page.goto(f"{site_url}regulations/{doc_id}.html")
    assert response.status == 200
    assert page.locator("h1").first.inner_text().strip() == load_corpus().documents[doc_id].title
    assert page.locator(".law-text .clause, .law-text .clause-heading").count() > 0
    assert page.locator(".doc-meta").count() == 1
    assert not page.console_errors


def _search(page, site_url, query: str) -> list[str]:
    """Documents of the results, in order, for `query` typed into the header box (input event only)."""
    from tests.search.browser import header_search
    page.goto(f"{site_url}index.html")
    pages: list[str] = []
    for cite in header_search(page, query):
        stem = cite.split("#")[0]
        if stem not in pages:
            pages.append(stem)
    return pages


def test_search_recall_at_5(page, site_url, capsys):
    hits, misses = 0, []
    for item in QUERIES:
        top = _search(page, site_url, item["query"])[:5]
        if any(doc in top for doc in item["expect"]):
            hits += 1
        else:
            misses.append(f"{item['query']}: got {top}, expected one of {item['expect']}")
    recall = hits / len(QUERIES)
    with capsys.disabled():
        print(f"\nsearch recall@5: {hits}/{len(QUERIES)} = {recall:.1%}")
        for m in misses:
            print("  miss:", m)
    assert len(QUERIES) >= 15
    assert recall >= 0.95, misses


def test_compound_word_is_found_by_its_part(page, site_url):
    """处分 sits inside 党纪政纪处分; 销假 inside 请销假: jieba's default cut hides both."""
    assert "hebei-measures" in _search(page, site_url, "销假")[:5]
    assert any(d in _search(page, site_url, "处分")[:5] for d in ("hebei-measures", "shenmu-2021"))


@pytest.mark.parametrize("path", ["index.html", "regulations/index.html", "regulations/shenmu-2021.html",
                                  "regulations/topics/leave.html"])
def test_no_horizontal_scroll_at_390(page, site_url, artifacts_dir, path):
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(artifacts_dir / f"390-{path.replace('/', '_')}.png"), full_page=False)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path}: page is {width}px wide at a 390px viewport"


def test_clause_anchor_lands_on_the_clause(page, site_url):
    page.goto(f"{site_url}regulations/hebei-measures.html#art-17-3")
    clause = page.locator("#art-17-3")
    assert "请假3—7天由县驻村干部管理办公室批准" in clause.inner_text()
    page.wait_for_timeout(300)
    box = clause.bounding_box()
    assert box is not None and 0 <= box["y"] < 844 / 2, box
    assert page.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == "art-17-3"


def test_print_view_hides_navigation(page, site_url):
    page.goto(f"{site_url}regulations/hebei-measures.html")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        loc = page.locator(selector).first
        assert not loc.is_visible(), selector
    assert page.locator(".law-text").is_visible()


def test_every_page_fits_390_px(page, site_url, built_site):
    """No page of the site scrolls sideways on a 390 px phone (long tables scroll inside their box)."""
    too_wide = []
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            too_wide.append(f"{path}: {width}px")
    assert not too_wide, too_wide
