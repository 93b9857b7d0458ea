"""The regulation corpus: seed files → documents → clauses with stable anchors.

`load_corpus()` is what every other part of the project (site hook, rule-set checks, quiz validation)
reads; the site writes the same data to `site/clauses.json`.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from calculators.citations import CitationError, parse

from .clause_parser import Clause, parse_clauses
from .seed_slicing import CorpusError, normalise_noise, slice_seed

HERE = Path(__file__).resolve().parent
PROJECT_ROOT = HERE.parent.parent
SPEC_FILE = HERE / "documents.yml"
NOISE_FILE = HERE / "removed_noise.yml"
PAGES_DIR = "regulations"   # one generated page per document: regulations/<document id>.md


def seeds_dir() -> Path:
    """`../shared/seeds` beside the checkout, or $ZHUCUN_SEEDS_DIR."""
    env = os.environ.get("ZHUCUN_SEEDS_DIR")
    return Path(env) if env else PROJECT_ROOT.parent / "shared" / "seeds"


@dataclass
class Document:
    id: str
    meta: dict
    clauses: list[Clause]
    seed: str
    raw: str
    by_anchor: dict[str, Clause] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_anchor = {c.anchor: c for c in self.clauses}

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def short(self) -> str:
        return self.meta["short"]

    @functools.cached_property
    def texts(self) -> dict[str, str]:
        """{anchor: the clause's words with its sub-items'}: what a question may quote from a clause."""
        return {c.anchor: self.subtree_text(c.anchor) for c in self.clauses}

    @functools.cached_property
    def labels(self) -> dict[str, str]:
        """{anchor: 第十七条（三）} for every clause that has a numbering label."""
        return {c.anchor: c.label for c in self.clauses if c.label}

    def subtree_text(self, anchor: str) -> str:
        """The clause's own text and all of its descendants' text."""
        out, wanted = [], {anchor}
        for clause in self.clauses:
            if clause.anchor in wanted or clause.parent in wanted:
                wanted.add(clause.anchor)
                out.append(clause.text)
        return "".join(out)


@dataclass
class Corpus:
    documents: dict[str, Document]
    noise: dict[str, list[str]]            # seed file → removed chunks, normalised
    spec: dict

    def resolve(self, citation: str) -> tuple[Document, Clause]:
        """'doc#anchor' -> (document, clause); raises CorpusError naming what is missing.
        (Pages and specs go through build_scripts/citations.py, which labels and links too.)"""
        try:
            doc_id, anchor = parse(citation)
        except CitationError as exc:
            raise CorpusError(str(exc)) from exc
        doc = self.documents.get(doc_id)
        if doc is None:
            raise CorpusError(f"citation {citation!r}: no document {doc_id!r}")
        clause = doc.by_anchor.get(anchor)
        if clause is None:
            raise CorpusError(f"citation {citation!r}: document {doc_id} has no clause anchor {anchor!r}")
        return doc, clause

    def to_index(self) -> dict:
        """The machine-readable index written to site/clauses.json."""
        return {
            "documents": [
                {
                    "id": d.id,
                    "title": d.title,
                    "short": d.short,
                    "level": d.meta["level"],
                    "jurisdiction": d.meta["jurisdiction"],
                    "completeness": d.meta["completeness"],
                    "page": f"{PAGES_DIR}/{d.id}.html",
                    "clauses": [
                        {"anchor": c.anchor, "label": c.label, "kind": c.kind,
                         "parent": c.parent, "text": c.text}
                        for c in d.clauses
                    ],
                }
                for d in self.documents.values()
            ]
        }


def load_spec() -> dict:
    with SPEC_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def cited_as() -> dict[str, str]:
    """How a sentence names each document (documents.yml `cited_as`), in the order documents.yml lists them."""
    return {d["id"]: d["cited_as"] for d in load_spec()["documents"] if d.get("cited_as")}


@functools.lru_cache(maxsize=4)
def load_corpus(seeds: str | None = None) -> Corpus:
    spec = load_spec()
    folder = Path(seeds) if seeds else seeds_dir()
    by_seed: dict[str, list[dict]] = {}
    for entry in spec["documents"]:
        by_seed.setdefault(entry["seed"], []).append(entry)
    documents: dict[str, Document] = {}
    noise: dict[str, list[str]] = {}
    for seed, entries in sorted(by_seed.items()):
        slices, chunks = slice_seed(folder / seed, entries)
        noise[seed] = [normalise_noise(c) for c in chunks]
        meta_by_id = {e["id"]: e for e in entries}
        for sl in slices:
            meta = meta_by_id[sl.doc_id]
            try:
                clauses = parse_clauses(sl.doc_id, sl.lines, meta.get("title_text"),
                                        meta.get("closing_line"), meta.get("parts"),
                                        meta.get("sublists"))
            except ValueError as exc:
                raise CorpusError(f"{SPEC_FILE.name}: {exc}") from exc
            documents[sl.doc_id] = Document(sl.doc_id, meta, clauses, seed, sl.raw)
    ordered = {e["id"]: documents[e["id"]] for e in spec["documents"]}
    return Corpus(ordered, noise, spec)
