"""The 目录 of a regulation page (one tap away, folded above the text) reaches the numbered items: every
heading and every numbered item under it (二、 → 1. 2. 3.; 第三章 → 第十条; 一、 → （一）) is a link to its
clause, so a cadre jumps to 永兴 一、3. as directly as to 神木 七、（二）."""

from __future__ import annotations

import re

from build_scripts.corpus import load_corpus
from build_scripts.corpus.page_render import _contents, _depth

NUMBERED = ("chapter", "part", "section", "article", "paren", "digit")


def test_contents_reach_the_numbered_items_of_every_document():
    corpus = load_corpus()
    missing = {}
    for doc in corpus.documents.values():
        linked = set(re.findall(r'href="#([^"]+)"', _contents(doc)))
        want = [c.anchor for c in doc.clauses if c.kind in NUMBERED and _depth(doc, c) <= 1 and c.text.strip()]
        if len(want) >= 2 and set(want) - linked:
            missing[doc.id] = sorted(set(want) - linked)[:5]
    assert not missing, missing


def test_numbered_items_under_a_section_are_listed():
    corpus = load_corpus()
    for anchor in ("yongxing-2017#s1-3", "guizhou-2017#s1-2", "shenmu-2021#s7-2"):
        doc, a = anchor.split("#")
        assert f'href="#{a}"' in _contents(corpus.documents[doc]), anchor
