"""A few-clause corpus of the real type (build_scripts.corpus.Corpus) for tests that need one
document to say something the seeds do not."""
from __future__ import annotations

from build_scripts.corpus import Corpus, Document
from build_scripts.corpus.clause_parser import Clause


def document(doc_id: str, title: str, clauses: dict[str, str], short: str = "",
             labels: dict[str, str] | None = None) -> Document:
    """clauses: {anchor: text}, each a top-level article labelled from labels (default none)."""
    units = [Clause(anchor, "article", (labels or {}).get(anchor, ""), None, [text])
             for anchor, text in clauses.items()]
    return Document(doc_id, {"title": title, "short": short}, units, seed="", raw="")


def small_corpus(*documents: Document) -> Corpus:
    return Corpus({d.id: d for d in documents}, noise={}, spec={})
