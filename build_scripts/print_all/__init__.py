"""One printable page of every regulation (docs/print/all-regulations.md, generated at build time).

Each document is rendered by build_scripts.corpus.page_render as on its own page (details open, no
contents list), then put
one level down under its own heading, its anchors prefixed with the document id (`hebei-measures--art-17`)
because clause anchors repeat across documents. Each document starts on a new A4 sheet.
"""

from __future__ import annotations

import re

from build_scripts.corpus import Corpus
from build_scripts.corpus.page_render import md_escape, render_document

SRC_URI = "print/all-regulations.md"
CSS = "../assets/print/all-regulations.css"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
HEADING = re.compile(r"^(#{1,5}) ", re.M)
ATTR_ID = re.compile(r"\{ #([A-Za-z0-9-]+) ")
HTML_ID = re.compile(r' id="([A-Za-z0-9-]+)"')


class PrintPageError(RuntimeError):
    pass


def document_section(doc) -> str:
    body = FRONT_MATTER.sub("", render_document(doc, screen=False), count=1)
    body = HEADING.sub(lambda m: "#" + m.group(1) + " ", body)
    body = ATTR_ID.sub(lambda m: f"{{ #{doc.id}--{m.group(1)} ", body)
    body = HTML_ID.sub(lambda m: f' id="{doc.id}--{m.group(1)}"', body)
    title = f"## {md_escape(doc.title)}\n"
    if title not in body:
        raise PrintPageError(f"{doc.id}: the document heading was not found in its rendered page")
    body = body.replace(title, f"## {md_escape(doc.title)} {{ #{doc.id} }}\n", 1)
    missing = [c.anchor for c in doc.clauses
               if f"#{doc.id}--{c.anchor} " not in body and f'id="{doc.id}--{c.anchor}"' not in body]
    if missing:
        raise PrintPageError(f"{doc.id}: clauses without an anchor on the print page: {missing[:5]}")
    return f'<section class="print-doc" markdown>\n\n{body}\n</section>\n'


def render(corpus: Corpus) -> str:
    docs = list(corpus.documents.values())
    out = ["---", "title: 全部法规（打印版）", "hide:", "  - navigation", "  - toc", "search:", "  exclude: true",
           "---", "", f'<link rel="stylesheet" href="{CSS}">', "",
           "# 全部法规（打印版）", "",
           f"本页依次收录本站全部 {len(docs)} 份文件的原文，用于打印纸质材料（A4，每份文件另起一页）。"
           "用浏览器的“打印”即可；打印时不含导航栏和侧栏。", "",
           '<div class="print-contents" markdown>', ""]
    out += [f"{i}. [{md_escape(d.title)}](#{d.id})（{md_escape(d.meta['level'])}·{md_escape(d.meta['jurisdiction'])}）"
            for i, d in enumerate(docs, 1)]
    out += ["", "</div>", ""]
    out += [document_section(d) for d in docs]
    return "\n".join(out)
