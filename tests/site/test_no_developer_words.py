"""Users never see developer words: no file path, command, technology name or document id in what a page
shows.

Every built page's visible text (and the visible attributes title/alt/aria-label/placeholder) is
scanned, scripts and styles left out; so is every text of the question bank, which the practice pages
show; so is what each user page shows once its scripts have run (Chromium, 390 px: 智能复习, practice,
calculators with the runtime made to fail...); so is every Chinese string in the site's scripts (messages
shown only on errors). The maintainers' pages (维护说明, 载入性能) are for the people who build the site
and may name them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_scripts.corpus import load_corpus
from build_scripts.quiz.payload import read_built
from tests.conftest import ROOT

MAINTAINER_PAGES = {"maintainers.html", "performance.html"}
WORDS = re.compile(r"calculators/rules|quiz_bank|build_scripts|文档编号|引用用|\.ya?ml\b|\.py\b|python|mkdocs|"
                   r"\.venv|pytest|site/|assets/|\.m?js\b|\bnpm\b|\bjson\b|traceback|FSRS|pyodide|wasm|"
                   r"WebAssembly|localStorage|sessionStorage|IndexedDB|service ?worker", re.I)
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
    assert _hits("按遗忘规律（FSRS 算法）安排；下载 Pyodide 的 wasm；存在 localStorage；不是有效的 JSON") == [
        "FSRS", "JSON", "Pyodide", "localStorage", "wasm"]
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


# ---------------------------------------------------------------- the site's scripts and their messages

SCRIPT_DIRS = (ROOT / "docs" / "assets", ROOT / "build_scripts" / "pwa")
CJK_STRING = re.compile(r"""(["'`])((?:(?!\1)[^\\\n]|\\.)*[\u4e00-\u9fff](?:(?!\1)[^\\\n]|\\.)*)\1""")
LOG_LINE = re.compile(r"console\.(log|warn|error|info|debug)|logCause\(|^\s*(//|\*|/\*)")


FILE_NAME_END = re.compile(r"\.(json|csv|xlsx|txt|zip)$")


def chinese_strings(source: str) -> list[str]:
    """String literals with Chinese in them (what a script can show), log calls and comments left out; the
    extension that ends a download's file name (驻村台账-备份-….json) is the file's, not page text."""
    out = []
    for line in source.splitlines():
        if LOG_LINE.search(line):
            continue
        out += [FILE_NAME_END.sub("", m.group(2)) for m in CJK_STRING.finditer(line)]
    return out


def test_string_scanner():
    src = ('  el("p", {text: "按遗忘规律（FSRS 算法）安排"});\n  console.error("[计算器] wasm 失败", e);\n'
           '  // 注释里的 localStorage\n  fail(`导入失败：不是有效的 JSON`);\n  var x = "assets/" + y;\n'
           '  download(`驻村台账-备份-${day}.json`);\n')
    assert chinese_strings(src) == ["按遗忘规律（FSRS 算法）安排", "导入失败：不是有效的 JSON", "驻村台账-备份-${day}"]


def test_no_developer_words_in_the_messages_of_the_sites_scripts():
    bad = {}
    for folder in SCRIPT_DIRS:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".js", ".mjs") or "vendor" in path.parts:
                continue
            hits = sorted({w for text in chinese_strings(path.read_text(encoding="utf-8")) for w in _hits(text)})
            if hits:
                bad[path.relative_to(ROOT).as_posix()] = hits
    assert not bad, f"developer words in messages a page can show: {bad}"


# ---------------------------------------------------------------- pages as they look once their scripts ran

SHOWN_TEXT = """() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[title],[alt],[aria-label],[placeholder]')) {
        for (const a of ['title', 'alt', 'aria-label', 'placeholder']) if (el.getAttribute(a)) parts.push(el.getAttribute(a));
    }
    return parts.join(' ');
}"""


@pytest.mark.browser
def test_no_developer_words_on_user_pages_after_their_scripts_ran(page, site_url, built_site):
    """Every user page in Chromium at 390 px, after its scripts ran (智能复习 draws its text there). The
    calculators' runtime download is refused, so their failure text is read too."""
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    pages = [p for p in pages if p not in MAINTAINER_PAGES and not p.startswith("regulations/")]
    pages += ["regulations/index.html"] if (built_site / "regulations/index.html").exists() else []
    assert "quiz/review.html" in pages and "tools/attendance.html" in pages
    bad = {}
    for rel in pages:
        page.goto(site_url + rel)
        page.wait_for_load_state("load")
        if rel.startswith("tools/") and rel != "tools/index.html":
            page.wait_for_selector(".zc-calc[data-stage=failed]", timeout=60_000)
        else:
            page.wait_for_timeout(300)
        hits = _hits(page.evaluate(SHOWN_TEXT))
        if hits:
            bad[rel] = hits
    assert not bad, f"developer words on user pages once their scripts ran: {bad}"
    page.goto(site_url + "quiz/review.html")
    assert "按遗忘规律安排复习" in page.locator("body").inner_text()  # the text is drawn, and in plain words
