"""The bank as the practice pages read it: assets/quiz/bank/index.js and one file per document.

`index.js` (`window.QUIZ_INDEX`) holds everything but the question texts: documents, topics, the paper,
the pool, the sets and one short row per question (id, document, 题型, importance, topic, status, flags)
so a page can choose, count and draw questions without their texts. `bank/<doc>.js` holds one document's
questions in full; docs/assets/quiz/loader.js adds a part as a <script> when a page shows one of its
questions (.js files, not .json, so the pages also work when opened from file:// where fetch() fails).
County settings fill `local` items; an unset local item keeps answer null (practice only).
Every question carries `importance` (必知/应知/了解); `pool.default` lists the levels practice and mock
exams draw from unless the learner asks for 了解 too. `sets` are practice sets outside the default
order: 原卷（待核实） holds the county paper's unverified and unset local items, which are never part of
顺序练习's default list. A question on the same fact as a county paper item links to it (`paper_item`).
"""
from __future__ import annotations

import hashlib
import json
import pathlib

import yaml

from build_scripts import citations
from build_scripts.corpus import Corpus

from .importance import DEFAULT_POOL, LEVELS, assign
from .normalise import normalise
from .schema import answer_texts
from .validate import BANK_DIR, bank_files, load_bank

KEEP = ("id", "section", "number", "points", "topic", "doc", "stem", "options", "answer", "accept",
        "order_free", "explanation", "cite", "status", "source", "related", "missing", "options_note", "kind")


# The pages that show the bank's questions are one folder down (quiz/*.html, training/*.html).
PAGES_DIR = "quiz"


def _settings() -> dict:
    path = BANK_DIR / "county_settings.yml"
    return (yaml.safe_load(path.read_text("utf-8")) or {}) if path.exists() else {}


def _paper_head(paper: dict, documents: dict) -> dict:
    """The paper's title (its document's title in documents.yml without the trailing （date label）),
    date label and where the copy breaks off."""
    title = documents[paper["id"]].title.removesuffix(f"（{paper['date_label']}）")
    return {"title": title, "date_label": paper["date_label"], "truncated": paper["truncated"]}


def build(corpus: Corpus) -> dict:
    settings = _settings()
    known = corpus.documents
    docs = {d.id: {"short": d.short, "title": d.title} for d in known.values()}
    paper, questions, raw_paper, facts = None, [], [], {}
    for path in bank_files():
        data, items = load_bank(path)
        if "paper" in data:
            paper = {**_paper_head(data["paper"], known), "sections": [dict(s) for s in data["sections"]],
                     "items": [q["id"] for q in items]}
            raw_paper = list(items)
        for q in items:
            out = {k: q[k] for k in KEEP if k in q}
            out.setdefault("doc", data.get("paper", {}).get("id") or (q.get("cite") or "#").split("#")[0])
            if q.get("status") == "local":
                value = settings.get(q.get("setting"))
                out["answer"] = None if value is None else [str(value)]
                out["local_set"] = value is not None
            if q.get("cite"):
                out["cite_label"] = citations.label(q["cite"])
                out["link"] = citations.href(q["cite"], PAGES_DIR)
            out["related"] = [{"label": citations.label(c), "link": citations.href(c, PAGES_DIR)}
                              for c in q.get("related") or []]
            out["importance"] = assign(q)
            facts[id(out)] = q.get("fact") or ""
            questions.append(out)
    topics = sorted({q["topic"] for q in questions if q.get("topic")})
    pending = [q["id"] for q in questions if q.get("doc") == "county-test" and not q.get("missing")
               and (q.get("status") == "unverified" or (q.get("status") == "local" and not q.get("local_set")))]
    _link_paper_items(questions, raw_paper, facts)
    data = {"docs": docs, "topics": topics, "paper": paper,
            "pool": {"levels": list(LEVELS), "default": list(DEFAULT_POOL)},
            "sets": [{"id": "paper-pending", "label": "原卷（待核实）", "ids": pending}],
            "questions": questions}
    return {"version": 1, "bank_version": bank_version(data), **data}


def bank_version(data: dict) -> int:
    """15 bits of a hash of everything a paper is drawn from: a 培训班 试卷码 carries it, and a copy whose
    bank differs refuses the code instead of drawing a different paper (docs/assets/training/code.js)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 32768


def same_fact_as_paper(q: dict, item: dict, fact: str = "") -> bool:
    """q asks a fact the county paper item asks: same clause (its cite or a clause it is compared with),
    and one of the item's answers is in q's cited words."""
    if q.get("doc") == "county-test" or not q.get("cite") or not isinstance(item, dict) or item.get("missing") or not item.get("answer"):
        return False
    if q["cite"] != item.get("cite") and q["cite"] not in (item.get("related") or []):
        return False
    words = normalise(fact or q.get("fact") or "")
    paper_words = normalise(item.get("fact") or _filled(item))
    theirs = [item["fact_answer"]] if item.get("fact_answer") else answer_texts(item)
    return (any(len(normalise(a)) >= 2 and normalise(a) in words for a in theirs)
            and any(normalise(a) and normalise(a) in paper_words for a in answer_texts(q)))


def _filled(item: dict) -> str:
    """The paper item's stem with its answers in place of the blanks."""
    import re
    answers = iter(answer_texts(item))
    return re.sub(r"_{2,}|（\s*）", lambda m: next(answers, ""), item.get("stem") or "")


def _link_paper_items(questions: list[dict], paper: list, facts: dict) -> None:
    paper = sorted(paper, key=lambda p: p.get("status") != "grounded")   # a grounded item first
    for q in questions:
        hit = next((p for p in paper if same_fact_as_paper(q, p, facts.get(id(q), ""))), None)
        if hit:
            q["paper_item"] = {"id": hit["id"], "label": f"县试卷{hit['section']}第{hit.get('number', '')}题",
                               "link": f"paper.html#item-{hit['id']}"}


STATUSES = ("grounded", "unverified", "local")
SECTIONS = ("填空", "单选", "多选")
MISSING, ANSWERED, LOCAL_SET = 1, 2, 4          # flag bits of an index row
INDEX_ONLY = ("version", "parts", "sections", "statuses", "rows")


INDEX_PREFIX = "window.QUIZ_INDEX = "
PART_PREFIX = "(window.QUIZ_PARTS = window.QUIZ_PARTS || {})[{name}] = "


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def split(data: dict) -> tuple[dict, dict[str, list]]:
    """The bank as (index, {document id: its questions in bank order})."""
    parts: dict[str, list] = {}
    for q in data["questions"]:
        parts.setdefault(q["doc"], []).append(q)
    names = list(parts)
    rows = []
    for q in data["questions"]:
        flags = (MISSING if q.get("missing") else 0) | (ANSWERED if q.get("answer") is not None else 0) \
            | (LOCAL_SET if q.get("local_set") else 0)
        rows.append([q["id"], names.index(q["doc"]), SECTIONS.index(q["section"]),
                     data["pool"]["levels"].index(q["importance"]),
                     data["topics"].index(q["topic"]) if q.get("topic") else -1,
                     STATUSES.index(q["status"]) if q.get("status") in STATUSES else -1, flags])
    index = {k: v for k, v in data.items() if k != "questions"}
    index.update({"version": 2, "parts": names, "sections": list(SECTIONS), "statuses": list(STATUSES), "rows": rows})
    return index, parts


def write_js(target_dir: pathlib.Path, corpus: Corpus) -> int:
    """Write bank/index.js and bank/<doc>.js under target_dir; returns the number of questions."""
    data = build(corpus)
    index, parts = split(data)
    target_dir.mkdir(parents=True, exist_ok=True)
    (target_dir / "index.js").write_text(INDEX_PREFIX + _json(index) + ";\n", encoding="utf-8")
    for name, questions in parts.items():
        prefix = PART_PREFIX.replace("{name}", _json(name))
        (target_dir / f"{name}.js").write_text(prefix + _json(questions) + ";\n", encoding="utf-8")
    return len(data["questions"])


def _value(text: str, prefix: str):
    assert text.startswith(prefix), prefix
    return json.loads(text.removeprefix(prefix).rstrip().removesuffix(";"))


def read_built(target_dir: pathlib.Path) -> dict:
    """The whole bank back from a built bank/ folder (as build() returned it), for checks and tests."""
    index = _value((target_dir / "index.js").read_text("utf-8"), INDEX_PREFIX)
    parts = {name: _value((target_dir / f"{name}.js").read_text("utf-8"), PART_PREFIX.replace("{name}", _json(name)))
             for name in index["parts"]}
    by_id = {q["id"]: q for qs in parts.values() for q in qs}
    whole = {k: v for k, v in index.items() if k not in INDEX_ONLY}
    return {**whole, "version": 1, "questions": [by_id[row[0]] for row in index["rows"]]}
