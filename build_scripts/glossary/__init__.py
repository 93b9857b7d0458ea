"""The glossary: terms.yml → the glossary page and tooltips (<abbr>) wherever a term appears."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import yaml

from build_scripts import citations
from build_scripts.safe_text import md_text

TERMS_FILE = Path(__file__).with_name("terms.yml")
_SKIP_INSIDE = {"a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6",
                "title", "textarea", "button", "label", "option", "select", "svg"}
_NOT_PLAIN = re.compile(r"[<>&\"'\n\r]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")


@functools.lru_cache(maxsize=1)
def load_terms() -> list[dict]:
    with TERMS_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def check_terms(terms: list[dict], resolve) -> list[str]:
    """Problems with the glossary: missing fields, or citations `resolve` cannot find."""
    problems = []
    for i, t in enumerate(terms):
        where = f"build_scripts/glossary/{TERMS_FILE.name}: entry {i + 1} ({t.get('term', '?')})"
        for key in ("term", "match", "plain"):
            if not t.get(key):
                problems.append(f"{where}: missing {key}")
        for m in t.get("match") or []:
            if not isinstance(m, str) or _NOT_PLAIN.search(m):
                problems.append(f"{where}: match {m!r}: a spelling is plain text (no < > & \" ' or line breaks)")
        cites = (t.get("defined_in") or []) + (t.get("used_in") or [])
        if not cites:
            problems.append(f"{where}: no citation (defined_in or used_in)")
        if t.get("corpus_defines") and not t.get("defined_in"):
            problems.append(f"{where}: corpus_defines is true but defined_in is empty")
        for c in cites:
            try:
                resolve(c)
            except Exception as exc:  # noqa: BLE001 - the resolver's own message names the problem
                problems.append(f"{where}: {exc}")
    return problems


def tooltip_text(term: dict) -> str:
    note = "" if term.get("corpus_defines") else "（本站文件未定义）"
    return f"{term['term']}：{term['plain']}{note}"


def add_tooltips(page_html: str, terms: list[dict]) -> str:
    """Wrap each term's spellings in <abbr title=…> in text outside links, headings and code."""
    spellings = sorted(((m, t) for t in terms for m in t["match"]), key=lambda x: -len(x[0]))
    pattern = re.compile("|".join(re.escape(m) for m, _ in spellings))
    title_of = {m: html.escape(tooltip_text(t), quote=True) for m, t in spellings}
    out, stack, pos = [], [], 0
    for tag in _TAG.finditer(page_html):
        text = page_html[pos:tag.start()]
        if text:
            out.append(text if any(s in _SKIP_INSIDE for s in stack) else
                       pattern.sub(lambda m: f'<abbr title="{title_of[m.group(0)]}">{m.group(0)}</abbr>', text))
        out.append(tag.group(0))
        closing, name, selfclosing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
        elif not selfclosing and name not in ("br", "img", "hr", "input", "meta", "link", "wbr", "source"):
            stack.append(name)
        pos = tag.end()
    tail = page_html[pos:]
    out.append(tail if any(s in _SKIP_INSIDE for s in stack) else
               pattern.sub(lambda m: f'<abbr title="{title_of[m.group(0)]}">{m.group(0)}</abbr>', tail))
    return "".join(out)


def _links(cites: list[str]) -> str:
    return "；".join(citations.md_link(c) for c in cites)


def render_page(terms: list[dict]) -> str:
    out = ["---", "title: 术语表", "---", "", "# 术语表", "",
           "城市机关干部初到村里可能不熟悉的说法。凡本站文件作了规定的，解释依据原文并注明出处；"
           "本站文件没有定义的，明确标注“本站文件未定义”，解释仅为通行说法，供理解，不作依据。", ""]
    for t in sorted(terms, key=lambda t: t["term"]):
        out += [f"## {md_text(t['term'])}", "", md_text(t["plain"]), ""]
        if t.get("corpus_defines"):
            out.append("**出处：** " + _links(t["defined_in"]))
        else:
            out.append("**本站文件未定义。** 使用于：" + _links(t.get("used_in", [])))
        if t.get("corpus_defines") and t.get("used_in"):
            out.append("")
            out.append("另见：" + _links(t["used_in"]))
        out.append("")
    return "\n".join(out)
