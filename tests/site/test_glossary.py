import pytest

from build_scripts import glossary
from build_scripts.corpus import load_corpus


def test_every_glossary_citation_resolves_and_every_term_is_explained():
    assert glossary.check_terms(glossary.load_terms(), load_corpus().resolve) == []


def test_required_terms_are_in_the_glossary():
    names = " ".join(t["term"] for t in glossary.load_terms())
    for term in ("第一书记", "两委", "软弱涣散", "建档立卡", "两不愁三保障", "四个不摘", "1+5", "五不准", "双述双评"):
        assert term in names


def test_defined_terms_are_found_in_their_clauses():
    corpus = load_corpus()
    for t in glossary.load_terms():
        for cite in t.get("defined_in", []):
            doc, clause = corpus.resolve(cite)
            text = doc.subtree_text(clause.anchor)
            assert any(m.strip("“”") in text for m in t["match"]), (t["term"], cite)


def test_tooltips_wrap_text_but_not_links_headings_or_attributes():
    terms = [{"term": "五不准", "match": ["五不准"], "plain": "解释", "corpus_defines": True}]
    html = '<h2>五不准</h2><p>做到五不准。<a href="#x">五不准</a></p><p title="五不准">x</p>'
    out = glossary.add_tooltips(html, terms)
    assert out.count("<abbr") == 1
    assert '<h2>五不准</h2>' in out and '<a href="#x">五不准</a>' in out and 'title="五不准"' in out


def test_check_terms_reports_a_bad_citation():
    bad = [{"term": "x", "match": ["x"], "plain": "y", "corpus_defines": True, "defined_in": ["hebei-measures#art-99"]}]
    problems = glossary.check_terms(bad, load_corpus().resolve)
    assert problems and "art-99" in problems[0]


@pytest.mark.browser
def test_tooltip_shows_on_a_regulation_page(page, site_url):
    page.goto(f"{site_url}regulations/hebei-measures.html#art-17-10")
    abbr = page.locator("#art-17-10 abbr").first
    assert "不准擅自离开工作岗位" in abbr.get_attribute("title")
    # a tap shows the explanation in one bubble next to the term; a tap elsewhere or Escape closes it
    abbr.click()
    tip = page.locator("#zc-tip")
    assert tip.is_visible() and "不准擅自离开工作岗位" in tip.inner_text()
    assert abbr.get_attribute("aria-describedby") == "zc-tip" and abbr.get_attribute("title") is None
    box, term = tip.bounding_box(), abbr.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and abs(box["y"] - term["y"]) < box["height"] + 60
    page.locator("h1").click()
    assert tip.is_hidden() and "不准擅自离开工作岗位" in abbr.get_attribute("title")
    abbr.click()
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    assert page.locator(".md-tooltip2").count() == 0        # not Material's per-term tooltips
