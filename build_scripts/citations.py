"""Citations against the corpus: resolve, label and link `<document-id>#<anchor>` (the one place a
clause link is made; the syntax is `calculators/citations.py`).

    resolve(cite)              -> (Document, Clause); CitationError naming what is missing
    label(cite)                -> 《简称》七、（二）3.     a clause named in running text and questions
    short_label(cite)          -> 简称 七、（二）3.          the tag after a calculator or diary finding
    href(cite, from_dir)       -> ../regulations/shenmu-2021.html#s7-2-3   from a built page in `from_dir`
    links(cites, from_dir)     -> {cite: {"label", "href"}}  what a page spec ships, so scripts build no URL
    md_target(cite)            -> /regulations/shenmu-2021.md#s7-2-3   a Markdown link target
    md_link(cite)              -> [《…》…](/regulations/shenmu-2021.md#s7-2-3){ .cite }   what generators write
    expand(markdown)           -> every [[cite:doc#anchor]] of a hand-written page as md_link
    page_problems(markdown, where) -> one line per [[cite:…]] that does not resolve
    cites_in(data)             -> every `cite` value in a data structure (rule set, record)

The clause numbering in a label is the document's own (一、2. in Guizhou, 第十七条（三） in Hebei), from the
corpus, never guessed from the anchor. Links point at the generated regulation pages (`regulations/<id>`).
A Markdown link is written from the docs folder (`/regulations/…md`): MkDocs checks its page and anchor and
writes it relative to the page (mkdocs.yml `validation: links: absolute_links: relative_to_docs`), so the
same link serves every page and a Markdown extension, which does not know its page, can write it too.
"""

from __future__ import annotations

import re
from typing import Any

from build_scripts.corpus import PAGES_DIR, Corpus, CorpusError, load_corpus
from build_scripts.safe_text import md_text
from calculators.citations import CitationError, parse
from calculators.citecheck import cited_items

__all__ = ["CitationError", "resolve", "label", "short_label", "href", "links", "md_target", "md_link", "expand",
           "page_problems", "cites_in", "TOKEN", "MD_LINK"]

TOKEN = re.compile(r"\[\[cite:([^\]]*)\]\]")   # [[cite:doc#anchor]] in a hand-written Markdown page
MD_LINK = re.compile(rf"\[[^\]]*\]\(/{PAGES_DIR}/[^)]*\)\{{ \.cite \}}")  # what md_link writes (text escaped)


def resolve(cite: str, corpus: Corpus | None = None):
    """'doc#anchor' -> (Document, Clause) of the corpus."""
    try:
        return (corpus or load_corpus()).resolve(cite)
    except CorpusError as exc:
        raise CitationError(str(exc)) from exc


def label(cite: str, corpus: Corpus | None = None) -> str:
    doc, clause = resolve(cite, corpus)
    return f"《{doc.short}》{clause.label}"


def short_label(cite: str, corpus: Corpus | None = None) -> str:
    doc, clause = resolve(cite, corpus)
    return f"{doc.short} {clause.label}"


def _up(folder: str) -> str:
    return "../" * len([p for p in folder.split("/") if p])


def href(cite: str, from_dir: str = "", corpus: Corpus | None = None) -> str:
    """The built clause's URL relative to a page in the site folder `from_dir` ("" for the top)."""
    resolve(cite, corpus)
    doc_id, anchor = parse(cite)
    return f"{_up(from_dir)}{PAGES_DIR}/{doc_id}.html#{anchor}"


def links(cites: Any, from_dir: str, corpus: Corpus | None = None) -> dict[str, dict[str, str]]:
    """{cite: {"label": short_label, "href": href}} for each cite, in sorted order."""
    return {c: {"label": short_label(c, corpus), "href": href(c, from_dir, corpus)} for c in sorted(set(cites))}


def md_target(cite: str) -> str:
    """The clause's page and anchor as a Markdown link target, from the docs folder."""
    doc_id, anchor = parse(cite)
    return f"/{PAGES_DIR}/{doc_id}.md#{anchor}"


def md_link(cite: str, corpus: Corpus | None = None) -> str:
    """A Markdown link to the clause labelled 《short》clause."""
    return f"[{md_text(label(cite, corpus))}]({md_target(cite)}){{ .cite }}"


def expand(markdown: str, corpus: Corpus | None = None) -> str:
    """Each [[cite:doc#anchor]] as md_link; CitationError names the first that does not resolve."""
    return TOKEN.sub(lambda m: md_link(m.group(1), corpus), markdown)


def page_problems(markdown: str, where: str, corpus: Corpus | None = None) -> list[str]:
    """`where:line: problem` for every [[cite:…]] in a Markdown page that does not resolve."""
    out = []
    for m in TOKEN.finditer(markdown):
        try:
            resolve(m.group(1), corpus)
        except CitationError as exc:
            out.append(f"{where}:{markdown.count(chr(10), 0, m.start()) + 1}: {exc}")
    return out


def cites_in(node: Any) -> set[str]:
    """Every `cite` value in a structure of mappings and lists (a rule set, a diary record)."""
    return {item["cite"] for _, item in cited_items(node) if isinstance(item["cite"], str)}
