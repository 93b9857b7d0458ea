"""One printable page of every regulation (docs/print/all-regulations.md, generated at build time).

Each document is rendered by build_scripts.corpus.page_render as on its own page (details open, no
contents list) but as a section: one heading level down, anchored at its document id, its clause anchors
prefixed with the document id (`hebei-measures--art-17`) because clause anchors repeat across documents.
Each document starts on a new A4 sheet.
"""

from __future__ import annotations

from build_scripts.corpus import Corpus
from build_scripts.corpus.page_render import md_escape, render_document

SRC_URI = "print/all-regulations.md"
CSS = "../assets/print/all-regulations.css"


def document_section(doc) -> str:
    body = render_document(doc, screen=False, level=2, anchor_prefix=f"{doc.id}--")
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
