"""The one place that knows the shape of build_scripts.corpus.load_corpus().

Everything in build_scripts/quiz takes a `Corpus`: {doc_id: Doc(title, short, clauses{anchor: text},
labels{anchor: label})}. `from_loaded()` adapts whatever load_corpus() returns (mappings or objects).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Doc:
    id: str
    title: str
    short: str = ""
    clauses: dict = field(default_factory=dict)   # anchor -> text
    labels: dict = field(default_factory=dict)    # anchor -> 第十七条（三）


def _get(obj, name, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _clauses(raw):
    texts, labels = {}, {}
    if isinstance(raw, dict):
        items = raw.items()
    else:
        items = ((_get(c, "anchor"), c) for c in raw or [])
    for anchor, clause in items:
        if isinstance(clause, str):
            texts[anchor] = clause
        else:
            text = _get(clause, "text")
            if text is None:
                text = "".join(_get(clause, "paragraphs", []) or [])
            texts[anchor] = text
            label = _get(clause, "label")
            if label:
                labels[anchor] = label
    return texts, labels


def from_loaded(loaded) -> dict[str, Doc]:
    docs = loaded.values() if isinstance(loaded, dict) and not _get(loaded, "documents") else (
        _get(loaded, "documents") if _get(loaded, "documents") is not None else loaded)
    if isinstance(docs, dict):
        docs = [dict(v, id=k) if isinstance(v, dict) and "id" not in v else v for k, v in docs.items()]
    out = {}
    for d in docs:
        texts, labels = _clauses(_get(d, "clauses", {}))
        if hasattr(d, "subtree_text"):  # a clause's words include its sub-items
            texts = {anchor: d.subtree_text(anchor) for anchor in texts}
        doc_id = _get(d, "id")
        out[doc_id] = Doc(id=doc_id, title=_get(d, "title", doc_id), short=_get(d, "short", "") or "",
                          clauses=texts, labels=labels)
    return out


def load() -> dict[str, Doc]:
    from build_scripts.corpus import load_corpus  # written by the regulations part of the project
    return from_loaded(load_corpus())
