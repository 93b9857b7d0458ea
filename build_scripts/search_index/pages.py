"""What the search knows about the built pages that are not regulation text: tools, comparisons and the rest.

Regulation pages are searched clause by clause from the corpus; every other page contributes its title,
its headings and the start of its text, read from the built HTML, so the search row "相关工具" can
offer the calculator or comparison that goes with a question.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# page kinds: tool (calculators), compare (各地对比), page (everything else worth finding)
KIND_BY_PREFIX = (("tools/", "tool"), ("compare/", "compare"))
SKIP = {"404.html", "print/all-regulations.html"}
# A page whose front matter says `search: {exclude: true}` (Material's key; pages for maintainers) carries
# this tag (overrides/main.html) and is left out.
EXCLUDE_META = ("zhucun-search", "exclude")
SKIP_PREFIXES = ("regulations/", "assets/")
KEEP_REGULATION_PAGES = {"regulations/index.html"}
TEXT_CHARS = 160
BLANKS = re.compile(r"\s+")


class _ArticleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside <article>
        self.skip = 0           # inside script/style/svg/table/form
        self.current: str | None = None
        self.buffer: list[str] = []
        self.title = ""
        self.headings: list[str] = []
        self.text: list[str] = []
        self.excluded = False

    def handle_starttag(self, tag, attrs):
        if tag == "meta" and (dict(attrs).get("name"), dict(attrs).get("content")) == EXCLUDE_META:
            self.excluded = True
        elif tag == "article":
            self.depth += 1
        elif self.depth and tag in ("script", "style", "svg", "table", "form", "button", "select", "template"):
            self.skip += 1
        elif self.depth and not self.skip and tag in ("h1", "h2", "h3", "p", "li", "summary"):
            self.current, self.buffer = tag, []

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif self.depth and tag in ("script", "style", "svg", "table", "form", "button", "select", "template"):
            self.skip = max(0, self.skip - 1)
        elif tag == self.current:
            value = BLANKS.sub(" ", "".join(self.buffer)).strip()
            if value:
                if tag == "h1" and not self.title:
                    self.title = value
                elif tag in ("h2", "h3", "summary"):
                    self.headings.append(value)
                else:
                    self.text.append(value)
            self.current = None

    def handle_data(self, data):
        if self.depth and not self.skip and self.current:
            self.buffer.append(data)


def page_kind(path: str) -> str:
    for prefix, kind in KIND_BY_PREFIX:
        if path.startswith(prefix):
            return kind
    return "page"


def wanted(path: str) -> bool:
    if path in SKIP:
        return False
    if path in KEEP_REGULATION_PAGES:
        return True
    return not path.startswith(SKIP_PREFIXES)


def read_page(html: str) -> dict:
    parser = _ArticleText()
    parser.feed(html)
    text = " ".join(parser.text)
    return {"title": parser.title, "headings": parser.headings, "text": text[:TEXT_CHARS], "excluded": parser.excluded}


def site_pages(site: Path) -> list[dict]:
    """One entry per searchable non-regulation page, in path order: url, kind, title, headings, text."""
    out = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        if not wanted(rel):
            continue
        info = read_page(file.read_text(encoding="utf-8"))
        if not info.pop("excluded") and info["title"]:
            out.append({"url": rel, "kind": page_kind(rel), **info})
    return out
