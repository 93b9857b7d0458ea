"""Citations resolve and the cited clause states the fact tested. One function, takes the corpus."""
from __future__ import annotations

import re

from build_scripts.corpus import Corpus

from .normalise import normalise
from .schema import answer_texts


def check_grounding(q, corpus: Corpus) -> list[tuple[int, str]]:
    """(line, message) pairs; a clause's words include its sub-items' (Document.texts)."""
    errs = []

    def line(key):
        return q.line_of(key) if hasattr(q, "line_of") else 0

    def clause_text(cite, key):
        doc_id, _, anchor = cite.partition("#")
        doc = corpus.documents.get(doc_id)
        if doc is None:
            errs.append((line(key), f"citation {cite}: no document {doc_id!r} in the corpus"))
            return None
        if anchor not in doc.texts:
            errs.append((line(key), f"citation {cite}: document {doc_id} has no clause {anchor!r}"))
            return None
        return doc.texts[anchor]

    for cite in q.get("related") or []:
        clause_text(cite, "related")
    if q.get("status") != "grounded" or not q.get("cite"):
        return errs
    text = clause_text(q["cite"], "cite")
    if text is None:
        return errs
    fact = normalise(q.get("fact") or "")
    if fact not in normalise(text):
        errs.append((line("fact"), f"fact {q.get('fact')!r} is not in the cited clause {q['cite']}"))
        return errs
    if q.get("kind") == "which-document":
        return errs + _check_which_document(q, corpus, fact, line)
    expected = [q["fact_answer"]] if q.get("fact_answer") else answer_texts(q)
    accept = q.get("accept") or []
    for i, want in enumerate(expected):
        forms = [want, *((accept[i] if i < len(accept) and q.get("section") == "填空" else []) or [])]
        if not any(normalise(f) and normalise(f) in fact for f in forms):
            errs.append((line("answer"), f"the answer {want!r} is not stated in the cited words "
                                         f"({q['cite']}: {q.get('fact')!r})"))
    if q.get("section") == "多选":
        right = set(q.get("answer") or [])
        for letter, opt in zip("ABCDEF", q.get("options") or []):
            if letter not in right and normalise(opt) in fact:
                errs.append((line("options"), f"option {letter} {opt!r} is marked wrong but the cited words state it"))
    return errs


def _bare_title(title: str) -> str:
    """Title without bracketed additions: 驻村干部管理办法（某镇） -> 驻村干部管理办法."""
    return normalise(re.sub(r"[（(][^）)]*[）)]$", "", title))


def _check_which_document(q, corpus: Corpus, fact, line) -> list[tuple[int, str]]:
    errs, doc_id = [], q["cite"].partition("#")[0]
    for got in answer_texts(q):
        if _bare_title(corpus.documents[doc_id].title) not in normalise(got):
            errs.append((line("answer"), f"answer {got!r} does not name the cited document {corpus.documents[doc_id].title!r}"))
    right = set(q.get("answer") or [])
    for letter, opt in zip("ABCDEF", q.get("options") or []):
        if letter in right:
            continue
        for other in corpus.documents.values():
            if other.id != doc_id and _bare_title(other.title) in normalise(opt) and any(
                    fact in normalise(t) for t in other.texts.values()):
                errs.append((line("options"), f"option {letter} names {other.id}, which also states the fact"))
    return errs
