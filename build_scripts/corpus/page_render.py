"""Markdown for the regulation pages: one page per document, the index by level, one page per topic."""

from __future__ import annotations

import html
import re

from build_scripts import citations
from build_scripts.safe_text import front_matter, md_text
from calculators.vocabulary import LEVELS, PAGE_TOPICS, TOPIC_NAMES

from . import PAGES_DIR, Corpus, Document
from .clause_parser import Clause

HEADING_MAX_CHARS = 30
md_escape = md_text  # every string from the seeds or documents.yml is written through this


def _meta_rows(doc: Document) -> list[tuple[str, str]]:
    m = doc.meta
    rows = [
        ("发文机关", m.get("issuer") or "本文本未载"),
        ("文号", m.get("doc_number") or m.get("doc_number_note") or "本文本未载"),
        ("日期", str(m["date"]) if m.get("date") else (m.get("date_note") or "本文本未载")),
        ("层级", m["level"]),
        ("适用范围", m["jurisdiction"]),
    ]
    if m["completeness"] == "whole":
        rows.append(("文本完整性", "全文" + (f"（{m['completeness_note']}）" if m.get("completeness_note") else "")))
    else:
        rows.append(("文本完整性", f"节选：{m['stops_at']}"))
    return rows


TOC_KINDS = ("chapter", "part", "section", "article", "paren", "digit")
TOC_SNIPPET = 22


def _contents(doc: Document) -> str:
    """目录 one tap away: headings and the numbered items under them (two levels: 一、 and its （一） or 1.;
    第三章 and its 第十条), each a link."""
    items = []
    for clause in doc.clauses:
        if clause.kind not in TOC_KINDS or _depth(doc, clause) > 1 or not clause.text.strip():
            continue
        text = clause.paragraphs[0] if _is_heading(clause) else clause.text
        snippet = text if len(text) <= TOC_SNIPPET else text[:TOC_SNIPPET] + "…"
        depth = " class=\"sub\"" if _depth(doc, clause) else ""
        items.append(f'<li{depth}><a href="#{html.escape(clause.anchor)}">{html.escape(snippet, quote=False)}</a></li>')
    if len(items) < 2:
        return ""
    return ('<details class="abstract doc-toc" data-search-exclude><summary>目录（点击条目直接跳转）</summary><ol>'
            + "".join(items) + "</ol></details>")


def _is_heading(clause: Clause) -> bool:
    if clause.kind == "chapter":
        return True
    if clause.kind in ("section", "part") and clause.parent is None:
        first = clause.paragraphs[0] if clause.paragraphs else ""
        return len(first) <= HEADING_MAX_CHARS and "。" not in first
    return False


def _depth(doc: Document, clause: Clause) -> int:
    depth, parent = 0, clause.parent
    while parent:
        depth += 1
        parent = doc.by_anchor[parent].parent
    return depth


def render_document(doc: Document, screen: bool = True, level: int = 1, anchor_prefix: str = "") -> str:
    """The regulation page; screen=False (the print page) shows the details open and no contents list.

    level 1 is a page of its own (front matter, `#` title). A higher level makes the document a section
    of a larger page (the print page): no front matter, every heading that many levels down, the title
    anchored at the document id and every clause anchor prefixed with anchor_prefix (clause anchors
    repeat across documents)."""
    title = f"{'#' * level} {md_escape(doc.title)}"
    out = [
        # boost: the source text outranks tool and practice pages that mention the same words
        front_matter(title=doc.title, search={"boost": 2}),
        title,
    ] if level == 1 else [f"{title} {{ #{doc.id} }}"]
    out += [
        "",
        # folded, so the text itself starts on a phone's first screen
        ('??? info doc-meta "文件信息（发文机关、文号、日期、适用范围）"' if screen else '!!! info doc-meta "文件信息"'),
        "",
        "    | 项目 | 内容 |",
        "    |---|---|",
    ]
    out += [f"    | {k} | {md_escape(v)} |" for k, v in _meta_rows(doc)]
    out += ["", _contents(doc) if screen else "", ""]
    if doc.meta.get("title_note"):
        out += [f'!!! note "标题"', f"    {md_escape(doc.meta['title_note'])}", ""]
    if doc.meta.get("note"):
        out += [f'!!! note "说明"', f"    {md_escape(doc.meta['note'])}", ""]
    if doc.meta["completeness"] != "whole":
        out += ['!!! warning "节选"', f"    本站所据文本为节选，{md_escape(doc.meta['stops_at'])}", ""]
    extra_class = " keep-spaces" if doc.meta.get("keep_inner_spaces") else ""
    out += [f'<div class="law-text{extra_class}" data-doc="{doc.id}" markdown>', ""]
    has_chapters = any(c.kind == "chapter" for c in doc.clauses)
    for clause in doc.clauses:
        if _is_heading(clause):
            depth = 1 if clause.kind in ("chapter", "part") or not has_chapters else 2
            out += [f"{'#' * (level + depth)} {md_escape(clause.paragraphs[0])} "
                    f"{{ #{anchor_prefix}{clause.anchor} .clause-heading }}", ""]
            rest = clause.paragraphs[1:]
            if rest:
                out += [_clause_html(doc, clause, rest, own_anchor=False, anchor_prefix=anchor_prefix), ""]
            continue
        out += [_clause_html(doc, clause, clause.paragraphs, own_anchor=True, anchor_prefix=anchor_prefix), ""]
    out += ["</div>", ""]
    return "\n".join(out)


_BLANK = re.compile(r"(?<=[\u4e00-\u9fff“（(]) +(?=[\u4e00-\u9fff”）)_。，,])")


def _show_blanks(escaped: str) -> str:
    """The test paper's blanks are spaces (不少于 天): mark them so a reader sees a blank, text unchanged."""
    return _BLANK.sub(lambda m: f'<span class="blank">{m.group(0)}</span>', escaped)


def _clause_html(doc: Document, clause: Clause, paragraphs: list[str], own_anchor: bool, anchor_prefix: str = "") -> str:
    ident = f' id="{anchor_prefix}{clause.anchor}"' if own_anchor else f' data-anchor-of="{clause.anchor}"'
    depth = min(_depth(doc, clause), 4)
    mark = _show_blanks if doc.meta.get("keep_inner_spaces") else (lambda t: t)
    body = "".join(f"<p>{mark(html.escape(p, quote=False))}</p>" for p in paragraphs)
    return (f'<div class="clause clause-{clause.kind} depth-{depth}"{ident} data-label="{html.escape(clause.label)}">'
            f"{body}</div>")


def render_level_index(corpus: Corpus) -> str:
    out = ["---", "title: 法规原文", "---", "", "# 法规原文", "",
           "按发文层级排列。各地规定不同：请看清每份文件的适用范围，不要把一地的规定套用到另一地。", ""]
    for level in LEVELS:
        docs = [d for d in corpus.documents.values() if d.meta["level"] == level]
        if not docs:
            continue
        # three columns and tight cells, so the table fits a 390 px phone without scrolling sideways
        out += [f"## {md_escape(level)}", "", '<div class="level-index" markdown>', "",
                "| 文件 | 适用范围 | 日期 · 文本 |", "|---|---|---|"]
        for d in docs:
            date = str(d.meta["date"]) if d.meta.get("date") else "日期未载"
            whole = "全文" if d.meta["completeness"] == "whole" else "节选"
            out.append(f"| [{md_escape(d.title)}]({d.id}.md) | {md_escape(d.meta['jurisdiction'])} | {date} · {whole} |")
        out += ["", "</div>", ""]
    out += ["## 按主题", ""]
    for key in PAGE_TOPICS:
        out.append(f"- [{md_escape(TOPIC_NAMES[key])}](topics/{key}.md)")
    out.append("")
    return "\n".join(out)


def topic_pages(corpus: Corpus) -> list[tuple[str, str]]:
    """(path under docs/, Markdown) of every regulation topic page (vocabulary.json topics with keywords)."""
    return [(f"{PAGES_DIR}/topics/{key}.md", render_topic(corpus, key, keywords)) for key, keywords in PAGE_TOPICS.items()]


def render_topic(corpus: Corpus, key: str, keywords: list[str]) -> str:
    """A topic page: a clause is listed when its own text contains one of the keywords and its document
    is tagged with the topic in documents.yml. Plain substring matching."""
    name = TOPIC_NAMES[key]
    out = [front_matter(title=name, search={"exclude": True}), f"# {md_escape(name)}", "",
           "下列条文按文件层级排列，逐字摘自原文；点击条文编号查看上下文。各地规定不同，以本人所在地文件为准。", ""]
    for level in LEVELS:
        for doc in (d for d in corpus.documents.values() if d.meta["level"] == level):
            if key not in (doc.meta.get("topics") or []):
                continue
            hits = [c for c in doc.clauses if c.kind not in ("title", "preamble", "closing")
                    and any(k in c.text for k in keywords)]
            if not hits:
                continue
            out += [f"## {md_escape(doc.short)}（{md_escape(doc.meta['jurisdiction'])}）", ""]
            for c in hits:
                out.append(f"- [{md_escape(c.label)}]({citations.md_target(f'{doc.id}#{c.anchor}')})：{md_escape(c.text)}")
            out.append("")
    return "\n".join(out)
