"""Citations (`doc#anchor`): one syntax, one resolver, one label and one link for every page; every id used
anywhere resolves, and a bad one fails with a message naming it (issue 13, steps 1 and 5).

The data files (rule sets, question banks and their sources, the glossary) are covered by
tests/corpus/test_one_source.py; here: the hand-written pages, the generated pages, the page specs the
calculator and diary scripts read, and the question bank the practice pages read.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest

from build_scripts import citations, comparison, data_check, glossary
from build_scripts.calculator_pages import spec as calc_spec
from build_scripts.corpus import load_corpus
from build_scripts.diary_page import render as diary_render
from build_scripts.quiz import payload
from calculators import engine
from calculators.citations import CitationError, is_citation, parse
from calculators.loader import load_yaml_dir
from calculators.selfcheck import load_cases

ROOT = Path(__file__).resolve().parents[2]
CITED = re.compile(r'"([a-z0-9-]+#[a-z0-9-]+)"')
LINK_TARGET = re.compile(r"\]\(/regulations/([^)]+)\.md#([^)]+)\)\{ \.cite \}")


def _resolves(cite: str) -> None:
    citations.resolve(cite)   # raises CitationError naming what is missing


# ---- syntax, resolve, label, link ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["hebei-measures", "hebei-measures#", "#art-3", "Hebei-measures#art-3",
                                  "hebei-measures#art-17-", "hebei--measures#art-3", "a#b#c", " a#b", 7, None])
def test_a_malformed_citation_is_refused_by_name(text):
    assert not is_citation(text)
    with pytest.raises(CitationError, match=re.escape(repr(text)) + ".*<document-id>#<anchor>"):
        parse(text)


def test_a_citation_to_a_missing_document_or_clause_names_it():
    with pytest.raises(CitationError, match="no document 'hebei-rules'"):
        citations.resolve("hebei-rules#art-3")
    with pytest.raises(CitationError, match="hebei-measures has no clause anchor 'art-99'"):
        citations.label("hebei-measures#art-99")


def test_labels_follow_each_documents_own_numbering():
    assert citations.label("guizhou-2017#s1-2") == "《贵州从严管理意见》一、2."
    assert citations.short_label("shenmu-2021#s7-2-3") == "神木实施办法 七、（二）3."
    assert citations.short_label("hebei-measures#art-17-3") == "河北选派管理办法 第十七条（三）"


def test_links_are_relative_to_the_page_that_shows_them():
    assert citations.href("shenmu-2021#s7-2-3", "") == "regulations/shenmu-2021.html#s7-2-3"
    assert citations.href("shenmu-2021#s7-2-3", "tools") == "../regulations/shenmu-2021.html#s7-2-3"
    assert citations.links(["town-rules#s1", "town-rules#s1"], "quiz") == {
        "town-rules#s1": {"label": citations.short_label("town-rules#s1"), "href": "../regulations/town-rules.html#s1"}}
    assert citations.md_link("hebei-measures#art-3") == \
        "[《河北选派管理办法》第三条](/regulations/hebei-measures.md#art-3){ .cite }"


# ---- the [[cite:]] Markdown extension of hand-written pages ---------------------------------------------

def _md(text: str) -> str:
    return markdown.markdown(text, extensions=["build_scripts.cite_markdown", "attr_list"])


def test_a_cite_token_becomes_the_clause_link():
    out = _md("见 [[cite:hebei-measures#art-17-3]]。")
    assert out == ('<p>见 <a class="cite" href="/regulations/hebei-measures.md#art-17-3">'
                   "《河北选派管理办法》第十七条（三）</a>。</p>")


@pytest.mark.parametrize("token, says", [("hebei-measures#art-99", "no clause anchor 'art-99'"),
                                         ("hebei-measures", "<document-id>#<anchor>")])
def test_a_bad_cite_token_stops_the_page_and_the_data_check_names_its_line(tmp_path, token, says):
    with pytest.raises(CitationError, match=re.escape(says)):
        _md(f"[[cite:{token}]]")
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "sub" / "page.md").write_text(f"# x\n\n见 [[cite:{token}]]。\n", encoding="utf-8")
    problems = data_check.page_citation_problems(tmp_path, load_corpus())
    assert len(problems) == 1 and problems[0].startswith("docs/sub/page.md:3: ") and says in problems[0]


def test_every_cite_token_of_the_hand_written_pages_resolves():
    assert data_check.page_citation_problems(ROOT, load_corpus()) == []


# ---- generated pages, page specs, the question bank -----------------------------------------------------

def test_every_clause_link_of_the_generated_pages_resolves():
    pages = {**comparison.build_pages(load_yaml_dir()), "glossary.md": glossary.render_page(glossary.load_terms())}
    found = 0
    for name, text in pages.items():
        assert "[[cite:" not in text, f"{name}: generators write final links"
        for doc, anchor in LINK_TARGET.findall(text):
            _resolves(f"{doc}#{anchor}")
            found += 1
    assert found > 100


def test_calculator_and_diary_specs_carry_a_link_for_every_clause_a_result_cites():
    specs = {s.name: s.browser_spec() for s in calc_spec.calculator_specs(engine.describe())}
    for s in specs.values():
        for cite, link in s["cites"].items():
            doc, anchor = parse(cite)
            assert link == {"label": citations.short_label(cite), "href": f"../regulations/{doc}.html#{anchor}"}
    checked = 0
    for case in load_cases():
        if "expect" not in case:
            continue
        result = engine.run(case["calculator"], case["rules"], case["input"])
        cited = set(CITED.findall(json.dumps(result, ensure_ascii=False)))   # cite, because_cite, …
        assert cited <= set(specs[case["calculator"]]["cites"]), (case["id"], cited - set(specs[case["calculator"]]["cites"]))
        checked += len(cited)
    assert checked > 100
    diary = diary_render.config()
    assert diary["cites"] and all(v["href"].startswith("../regulations/") for v in diary["cites"].values())
    assert "docs" not in diary and "labels" not in diary


BANK_LINK = re.compile(r"\.\./regulations/([a-z0-9-]+)\.html#([a-z0-9-]+)")


def test_every_question_links_its_clauses():
    bank = payload.build(load_corpus())
    links = 0
    for q in bank["questions"]:
        shown = [{"label": q["cite_label"], "link": q["link"]}] if q.get("cite") else []
        for item in shown + q["related"]:
            doc, anchor = BANK_LINK.fullmatch(item["link"]).groups()
            assert item["label"] == citations.label(f"{doc}#{anchor}")
            links += 1
        if q.get("cite"):
            assert q["link"] == citations.href(q["cite"], "quiz")
    assert links > 200
