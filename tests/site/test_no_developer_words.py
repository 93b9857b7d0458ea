"""Users never see developer words: no file path, command or document id in what a page shows.

Every built page's visible text (and the visible attributes title/alt/aria-label/placeholder) is
scanned, scripts and styles left out; so is every text of the question bank, which the practice pages
show. The maintainers' pages (维护说明, 载入性能) are for the people who build the site and may name them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from build_scripts.corpus import load_corpus
from build_scripts.quiz.payload import read_built

MAINTAINER_PAGES = {"maintainers.html", "performance.html"}
WORDS = re.compile(r"calculators/rules|quiz_bank|build_scripts|文档编号|引用用|\.ya?ml\b|\.py\b|python|mkdocs|"
                   r"\.venv|pytest|site/|\bnpm\b|\bjson\b|traceback", re.I)
VISIBLE_ATTRS = ("title", "alt", "aria-label", "placeholder")
HIDDEN_TAGS = {"script", "style", "template", "svg", "noscript"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self.skip += 1
        self.parts += [v for k, v in attrs if k in VISIBLE_ATTRS and v]

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(parser.parts)


def _hits(text: str, extra: re.Pattern | None = None) -> list[str]:
    found = [m.group(0) for m in WORDS.finditer(text)]
    if extra is not None:
        found += [m.group(0) for m in extra.finditer(text)]
    return sorted(set(found))


def test_scanner_finds_what_it_looks_for():
    html = ('<p>规则在 <code>calculators/rules/hebei.yml</code></p><script>python()</script>'
            '<a title="quiz_bank">x</a><p>运行 python -m build_scripts</p>')
    assert _hits(visible_text(html)) == [".yml", "build_scripts", "calculators/rules", "python", "quiz_bank"]
    assert _hits(visible_text("<p>第十七条 驻村工作队</p><script>calculators/rules</script>")) == []


def test_no_developer_words_on_user_pages(built_site):
    ids = sorted(load_corpus().documents, key=len, reverse=True)
    doc_ids = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    pages = sorted(p for p in built_site.rglob("*.html"))
    assert len(pages) > 40
    bad = {}
    for path in pages:
        rel = path.relative_to(built_site).as_posix()
        if rel in MAINTAINER_PAGES:
            continue
        hits = _hits(visible_text(path.read_text(encoding="utf-8")), doc_ids)
        if hits:
            bad[rel] = hits
    assert not bad, f"developer words on user pages: {bad}"


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_no_developer_words_in_question_texts(built_site):
    bank = read_built(built_site / "assets/quiz/bank")
    bad = sorted({s for s in _strings(bank) if WORDS.search(s)})
    assert not bad, f"developer words in question texts: {bad[:5]}"
