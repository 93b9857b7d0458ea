"""Split a document's cleaned lines into addressable units with stable anchors.

A numbering marker is accepted only where it continues a sequence: the next number at a level already
open, or number 1 of a new, deeper level. That rule, not punctuation, tells 第十七条 the article from a
mention of it, and 2、 the item from a stray number. Anchors follow CONVENTIONS.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numerals import CIRCLED, chinese_to_int

CN = "一二三四五六七八九十百零两"
_MARKERS = [
    ("chapter", rf"第([{CN}]+)章"),
    ("article", rf"第([{CN}]+)条"),
    ("section", r"([一二三四五六七八九十]+)、"),
    ("paren", r"[（(]([一二三四五六七八九十]+)[）)]"),
    ("digit", r"(?<![0-9])([0-9]{1,2})(?:、|[.．](?![0-9]))"),
    ("circled", rf"([{CIRCLED}])"),
]


@dataclass
class Clause:
    anchor: str
    kind: str                 # title | preamble | chapter | article | section | paren | digit | circled | part | sublist | closing
    label: str                # the numbering as a reader would say it: 第十七条（三）, 七、（二）3.
    parent: str | None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.paragraphs)


def _number(kind: str, raw: str) -> int:
    if kind == "digit":
        return int(raw)
    if kind == "circled":
        return CIRCLED.index(raw) + 1
    return chinese_to_int(raw)


def _marker_label(kind: str, n: int, raw_marker: str) -> str:
    if kind == "paren":
        return raw_marker.replace("(", "（").replace(")", "）")
    if kind == "digit":
        return f"{n}."
    return raw_marker


class _Parser:
    def __init__(self, doc_id: str, parts: list[dict], sublists: list[dict]):
        self.doc_id = doc_id
        self.clauses: list[Clause] = []
        self.stack: list[tuple[str, int, Clause]] = []
        self.last_article = 0
        self.last_chapter = 0
        self.prefix = ""
        self.part_clause: Clause | None = None
        alts = [f"(?P<{k}>{p})" for k, p in _MARKERS]
        if parts:
            names = "|".join(re.escape(p["marker"]) for p in parts)
            alts.insert(0, rf"(?P<part>(?:{names}))(?=一、)")
        if sublists:
            names = "|".join(re.escape(p["marker"]) for p in sublists)
            alts.insert(0, rf"(?P<sublist>(?:{names}))")
        self.parts = {p["marker"]: p["id"] for p in parts}
        self.sublists = {p["marker"]: p["id"] for p in sublists}
        self.regex = re.compile("|".join(alts))
        self.current = self._new("preamble", "preamble", "正文开头", None)

    def _new(self, anchor: str, kind: str, label: str, parent: str | None) -> Clause:
        if any(c.anchor == anchor for c in self.clauses):
            raise ValueError(f"{self.doc_id}: anchor {anchor} produced twice")
        clause = Clause(anchor, kind, label, parent)
        self.clauses.append(clause)
        return clause

    def _accept(self, kind: str, n: int, raw_marker: str) -> Clause | None:
        if kind == "chapter":
            if n != self.last_chapter + 1:
                return None
            self.last_chapter = n
            self.stack = []
            clause = self._new(f"ch-{n}", kind, raw_marker, None)
            self.stack.append((kind, n, clause))
            return clause
        if kind == "article":
            if n != self.last_article + 1:
                return None
            self.last_article = n
            self.stack = [s for s in self.stack if s[0] == "chapter"]
            parent = self.stack[-1][2].anchor if self.stack else None
            clause = self._new(f"art-{n}", kind, raw_marker, parent)
            self.stack.append((kind, n, clause))
            return clause
        kinds = [s[0] for s in self.stack]
        if kind in kinds:
            idx = kinds.index(kind)
            if n != self.stack[idx][1] + 1:
                return None
            self.stack = self.stack[:idx]
        elif n != 1:
            return None
        parent_entry = self.stack[-1] if self.stack else None
        label = _marker_label(kind, n, raw_marker)
        if parent_entry is None or parent_entry[0] == "chapter":
            anchor = f"{self.prefix}s{n}"
            parent = parent_entry[2].anchor if parent_entry else (self.part_clause.anchor if self.part_clause else None)
            full_label = (self.part_clause.label + " " if self.part_clause else "") + label
        else:
            pc = parent_entry[2]
            anchor = f"{pc.anchor}-{n}"
            parent = pc.anchor
            full_label = pc.label + label
        clause = self._new(anchor, kind, full_label, parent)
        self.stack.append((kind, n, clause))
        return clause

    def feed_line(self, line: str) -> None:
        pos = 0
        paragraph_open = False
        for m in self.regex.finditer(line):
            kind = m.lastgroup
            if kind == "part":
                part_id = self.parts[m.group("part")]
                target = self._new(part_id, "part", m.group("part"), None)
                self.stack = []
                self.prefix = part_id + "-"
                self.part_clause = target
            elif kind == "sublist":
                target = self._open_sublist(m.group("sublist"))
            else:
                raw_number = next(g for g in m.groups()[m.re.groupindex[kind]:] if g is not None)
                target = self._accept(kind, _number(kind, raw_number), m.group(kind))
                if target is None:
                    continue
            before = line[pos:m.start()]
            if before:
                self._append(before, paragraph_open)
            self.current = target
            paragraph_open = False
            pos = m.start()
        rest = line[pos:]
        if rest:
            self._append(rest, paragraph_open)

    def _open_sublist(self, marker: str) -> Clause:
        """An unnumbered list heading inside a section (五带头: / 五不准:): its items restart at 1."""
        sections = [s for s in self.stack if s[0] != "chapter"]
        if not sections:
            raise ValueError(f"{self.doc_id}: sublist {marker!r} outside any numbered unit")
        owner = sections[0]
        self.stack = self.stack[: self.stack.index(owner) + 1]
        clause = self._new(f"{owner[2].anchor}-{self.sublists[marker]}", "sublist",
                           owner[2].label + marker.rstrip(":："), owner[2].anchor)
        self.stack.append(("sublist", 0, clause))
        return clause

    def _append(self, text: str, continue_paragraph: bool) -> None:
        if continue_paragraph and self.current.paragraphs:
            self.current.paragraphs[-1] += text
        else:
            self.current.paragraphs.append(text)


def parse_clauses(doc_id: str, lines: list[str], title_text: str | None = None,
                  closing_line: str | None = None, parts: list[dict] | None = None,
                  sublists: list[dict] | None = None) -> list[Clause]:
    """Units of one document in reading order; every character of `lines` lands in exactly one unit."""
    lines = list(lines)
    title: Clause | None = None
    if title_text:
        if not lines or not lines[0].startswith(title_text):
            raise ValueError(f"{doc_id}: title_text is not at the start of the document")
        title = Clause("title", "title", "标题", None, [title_text])
        lines[0] = lines[0][len(title_text):]
        if not lines[0]:
            lines.pop(0)
    closing: Clause | None = None
    if closing_line:
        idx = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].startswith(closing_line)), None)
        if idx is None:
            raise ValueError(f"{doc_id}: closing_line {closing_line!r} not found")
        closing = Clause("closing", "closing", "文末", None, lines[idx:])
        lines = lines[:idx]
    parser = _Parser(doc_id, parts or [], sublists or [])
    for line in lines:
        parser.feed_line(line)
    clauses = [c for c in parser.clauses if c.paragraphs or c.kind != "preamble"]
    if title:
        clauses.insert(0, title)
    if closing:
        clauses.append(closing)
    return clauses
