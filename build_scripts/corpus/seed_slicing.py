"""Cut the seed files into documents and noise, and clean layout whitespace.

Only two kinds of change are made to a document's text, both explicit:
1. what lies outside every document's [start, end) in a seed file is noise (listed in removed_noise.yml);
2. layout whitespace: blank lines, indentation, trailing spaces, and spaces between two CJK characters
   (PDF/HTML line-layout artefacts such as "党 的十九大", "通 知") are dropped, and lines the source broke
   in the middle of a sentence are joined where documents.yml says so (join_after).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
# spaces (ASCII, no-break and ideographic) between two CJK characters or CJK punctuation
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{CJK}])[ \u00a0\u3000]+(?=[{CJK}])")


class CorpusError(Exception):
    """A seed or a spec does not match: the message names the file and the problem."""


@dataclass
class DocumentSlice:
    doc_id: str
    seed: str
    raw: str                    # the document's text exactly as in the seed, [start, end)
    lines: list[str] = field(default_factory=list)   # cleaned, joined, non-empty lines
    joins_used: list[str] = field(default_factory=list)


def clean_line(line: str, keep_inner_spaces: bool = False) -> str:
    """Layout whitespace only: strip the line, drop spaces between CJK characters.

    keep_inner_spaces is for documents where a space is content (the test paper's blanks: 不少于 天).
    """
    line = line.strip(" \t\u00a0\u3000\r")
    return line if keep_inner_spaces else _SPACE_BETWEEN_CJK.sub("", line)


def clean_lines(raw: str, join_after: list[str], doc_id: str,
                keep_inner_spaces: bool = False) -> tuple[list[str], list[str]]:
    lines = [clean_line(x, keep_inner_spaces) for x in raw.split("\n")]
    lines = [x for x in lines if x]
    out: list[str] = []
    used: list[str] = []
    for line in lines:
        if out:
            hit = next((j for j in join_after if out[-1].endswith(clean_line(j))), None)
            if hit is not None:
                out[-1] += line
                used.append(hit)
                continue
        out.append(line)
    missing = [j for j in join_after if j not in used]
    if missing:
        raise CorpusError(f"documents.yml: {doc_id}: join_after entries never matched a line end: {missing}")
    return out, used


def slice_seed(seed_path: Path, specs: list[dict]) -> tuple[list[DocumentSlice], list[str]]:
    """Return the documents found in one seed file and the noise between them, in seed order."""
    if not seed_path.exists():
        raise CorpusError(f"{seed_path}: seed file not found")
    text = seed_path.read_text(encoding="utf-8")
    spans = []
    for spec in specs:
        start = text.find(spec["start"])
        if start < 0:
            raise CorpusError(f"{seed_path.name}: start text of {spec['id']} not found: {spec['start'][:40]!r}")
        if text.find(spec["start"], start + 1) >= 0:
            raise CorpusError(f"{seed_path.name}: start text of {spec['id']} is not unique")
        if spec.get("end") is None:
            end = len(text)
        else:
            end = text.find(spec["end"], start)
            if end < 0:
                raise CorpusError(f"{seed_path.name}: end text of {spec['id']} not found after its start")
        spans.append((start, end, spec))
    spans.sort(key=lambda s: s[0])
    docs, noise, pos = [], [], 0
    for start, end, spec in spans:
        if start < pos:
            raise CorpusError(f"{seed_path.name}: {spec['id']} overlaps the document before it")
        if text[pos:start].strip():
            noise.append(text[pos:start])
        raw = text[start:end]
        lines, used = clean_lines(raw, spec.get("join_after") or [], spec["id"],
                                  bool(spec.get("keep_inner_spaces")))
        docs.append(DocumentSlice(spec["id"], seed_path.name, raw, lines, used))
        pos = end
    if text[pos:].strip():
        noise.append(text[pos:])
    return docs, noise


def normalise_noise(chunk: str) -> str:
    """Noise as listed in removed_noise.yml: each line stripped, blank lines dropped."""
    return "\n".join(x.strip() for x in chunk.split("\n") if x.strip())
