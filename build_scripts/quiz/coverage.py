"""What the question bank covers: topics x documents, rule items asked, duty clauses asked, shares.

Read by the coverage page (build_scripts/quiz/coverage_page.py) and by tests/quiz/test_coverage.py.
Rule items are read from calculators/rules/*.yml by their documented keys only (`cite`, `quote`,
`label`); any other field or section a rule set grows is ignored. A rule item is asked when a question
cites the same clause and its cited words (`fact`) and the item's `quote` overlap.
"""
from __future__ import annotations

import collections
import pathlib

import yaml

from build_scripts.corpus import Corpus

from .importance import DEFAULT_POOL, assign
from .normalise import normalise

ROOT = pathlib.Path(__file__).resolve().parents[2]
TARGETS = ROOT / "quiz_bank/sources/coverage.yml"
MAX_SHARE = 0.25


def targets() -> dict:
    return yaml.safe_load(TARGETS.read_text("utf-8")) or {}


def rule_items(rule_sets: dict) -> list[dict]:
    """Every mapping with a cite and a quote, in every rule set: {rule_set, path, label, cite, quote}."""
    out = []

    def walk(obj, path, rs_id):
        if isinstance(obj, dict):
            if isinstance(obj.get("cite"), str) and isinstance(obj.get("quote"), str) and "#" in obj["cite"]:
                out.append({"rule_set": rs_id, "path": path, "label": str(obj.get("label") or ""),
                            "cite": obj["cite"], "quote": obj["quote"]})
            for k, v in obj.items():
                walk(v, f"{path}.{k}" if path else str(k), rs_id)
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                key = v.get("id") or v.get("label") if isinstance(v, dict) else None
                walk(v, f"{path}[{key or i}]", rs_id)

    for rs_id in sorted(rule_sets):
        walk(rule_sets[rs_id], "", rs_id)
    return out


def _overlap(a: str, b: str) -> bool:
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    # a long quote and a question on part of it: share a run of 12 characters
    n = 12
    return any(a[i:i + n] in b for i in range(0, max(len(a) - n + 1, 0)))


def asks(q: dict, item: dict) -> bool:
    """Same clause (or the clause the item's sub-item belongs to) and overlapping words: the cited words
    of a 填空/单选; for a 多选 (whose cited words are the whole list) one of its right options."""
    from .schema import answer_texts
    cite = q.get("cite") or ""
    if not cite or not (item["cite"] == cite or item["cite"].startswith(cite + "-")):
        return False
    if q.get("section") == "多选":     # its stem (a list's lead-in) or one of its right options
        return any(_overlap(a, item["quote"]) for a in [q.get("stem") or "", *answer_texts(q)])
    return _overlap(q.get("fact") or "", item["quote"])


PAPER_SECTIONS = {"填空": "s1", "单选": "s2", "多选": "s3"}


def _paper_anchor(q: dict) -> str | None:
    """county-test#s1-8 is the paper's 填空 item 8: a rule item citing the paper is asked by that item."""
    if "number" in q and q.get("section") in PAPER_SECTIONS and not q.get("missing"):
        return f"county-test#{PAPER_SECTIONS[q['section']]}-{q['number']}"
    return None


def uncovered_rule_items(questions: list[dict], rule_sets: dict) -> list[dict]:
    cited = [q for q in questions if q.get("cite") and q.get("status") == "grounded"]
    paper = {_paper_anchor(q) for q in questions} - {None}
    return [it for it in rule_items(rule_sets)
            if it["cite"] not in paper and not any(asks(q, it) for q in cited)]


def duty_clauses_unasked(questions: list[dict]) -> list[str]:
    cited = {q.get("cite") for q in questions if q.get("status") == "grounded"}
    missing = []
    for doc, anchors in (targets().get("duty_clauses") or {}).items():
        for anchor in anchors:
            cite = f"{doc}#{anchor}"
            if not any(c == cite or (c or "").startswith(cite + "-") for c in cited):
                missing.append(cite)
    return missing


def default_pool(questions: list[dict]) -> list[dict]:
    return [q for q in questions if not q.get("missing") and q.get("answer")
            and q.get("status") == "grounded" and assign(q) in DEFAULT_POOL]


def doc_shares(questions: list[dict]) -> dict[str, float]:
    pool = default_pool(questions)
    counts = collections.Counter(q.get("doc") or q["cite"].split("#")[0] for q in pool)
    return {d: n / len(pool) for d, n in counts.most_common()} if pool else {}


def table(questions: list[dict]) -> tuple[list[str], list[str], dict]:
    """(topics, docs, {(topic, doc): (in default pool, all)}) over grounded questions."""
    cells = collections.defaultdict(lambda: [0, 0])
    for q in questions:
        if q.get("missing") or q.get("status") != "grounded":
            continue
        key = (q.get("topic") or "（未分专题）", q.get("doc") or q["cite"].split("#")[0])
        cells[key][1] += 1
        if assign(q) in DEFAULT_POOL:
            cells[key][0] += 1
    topics = sorted({t for t, _ in cells})
    docs = sorted({d for _, d in cells})
    return topics, docs, {k: tuple(v) for k, v in cells.items()}


def all_questions() -> list[dict]:
    from .validate import bank_files, load_bank
    out = []
    for path in bank_files():
        out += [dict(q) for q in load_bank(path)[1] if isinstance(q, dict)]
    return out


def load_rule_sets() -> dict:
    from calculators.loader import load_yaml_dir
    return load_yaml_dir()


def _sentences(text: str) -> list[str]:
    import re
    return [normalise(x) for x in re.split(r"[。；;]", text) if normalise(x)]


MAX_PER_SENTENCE = 3


def sentence_key(q: dict, corpus: Corpus) -> tuple | None:
    """(cite, source sentence) of a question: its clause split at 。 and ； (a list item is its own
    sentence), the sentence holding its answer inside its cited words (else the start of those words).
    None for 多选 (a whole list), "which document" and the county paper."""
    from .schema import answer_texts
    if (not q.get("cite") or not q.get("fact") or q.get("section") == "多选" or "number" in q
            or q.get("kind") == "which-document"):
        return None
    doc, _, anchor = q["cite"].partition("#")
    sentences = _sentences(corpus.documents[doc].texts.get(anchor, "")) if doc in corpus.documents else []
    fact = normalise(q["fact"])
    inside = [s for s in sentences if fact in s or s in fact or (fact[:12] and fact[:12] in s)]
    answers = [normalise(a) for a in answer_texts(q) if normalise(a)]
    home = next((s for s in inside if any(a in s for a in answers)), inside[0] if inside else fact)
    return (q["cite"], home)


def per_sentence(questions: list[dict], corpus: Corpus) -> dict[tuple, list[str]]:
    """Question ids per source sentence."""
    out: dict[tuple, list[str]] = collections.defaultdict(list)
    for q in questions:
        key = sentence_key(q, corpus)
        if key:
            out[key].append(q["id"])
    return dict(out)


def capped(candidates: list[dict], corpus: Corpus, counts: dict | None = None, must=lambda q: False) -> list[dict]:
    """candidates in order, leaving out any that would make a sentence carry more than
    MAX_PER_SENTENCE questions (counts: what other banks already ask, updated in place). A question for
    which must(q) is true is kept anyway (a rule item's first question), so a rule item a rule set adds
    still gets asked; tests/quiz/test_coverage.py then shows the sentence that is over."""
    counts = counts if counts is not None else collections.Counter()
    out = []
    for q in candidates:
        key = sentence_key(q, corpus)
        if key is not None:
            if counts[key] >= MAX_PER_SENTENCE and not must(q):
                continue
            counts[key] += 1
        out.append(q)
    return out
