"""The bank as the practice pages read it: `window.QUIZ_BANK = {...}` in assets/quiz/bank.js.

A .js file (not .json) so the pages also work when opened from file:// where fetch() fails.
County settings fill `local` items; an unset local item keeps answer null (practice only).
"""
from __future__ import annotations

import json
import pathlib

import yaml

from .validate import BANK_DIR, bank_files, load_bank

KEEP = ("id", "section", "number", "points", "topic", "doc", "stem", "options", "answer", "accept",
        "order_free", "explanation", "cite", "status", "source", "related", "missing", "options_note", "kind")


def _link(cite: str) -> str:
    doc, _, anchor = cite.partition("#")
    return f"../regulations/{doc}.html#{anchor}"


def _settings() -> dict:
    path = BANK_DIR / "county_settings.yml"
    return (yaml.safe_load(path.read_text("utf-8")) or {}) if path.exists() else {}


def build(corpus) -> dict:
    settings = _settings()
    docs = {d.id: {"short": d.short, "title": d.title} for d in corpus.values()}
    paper, questions = None, []
    for path in bank_files():
        data, items = load_bank(path)
        if "paper" in data:
            paper = {**{k: data["paper"][k] for k in ("title", "date_label", "truncated")},
                     "sections": [dict(s) for s in data["sections"]],
                     "items": [q["id"] for q in items]}
        for q in items:
            out = {k: q[k] for k in KEEP if k in q}
            out.setdefault("doc", data.get("paper", {}).get("id") or (q.get("cite") or "#").split("#")[0])
            if q.get("status") == "local":
                value = settings.get(q.get("setting"))
                out["answer"] = None if value is None else [str(value)]
                out["local_set"] = value is not None
            for key in ("cite",):
                if q.get(key):
                    doc, _, anchor = q[key].partition("#")
                    label = corpus[doc].labels.get(anchor, anchor) if doc in corpus else anchor
                    out["cite_label"] = f"《{docs.get(doc, {}).get('short', doc)}》{label}"
                    out["link"] = _link(q[key])
            out["related"] = [{"label": f"《{docs.get(c.split('#')[0], {}).get('short', c)}》"
                                        f"{corpus[c.split('#')[0]].labels.get(c.split('#')[1], '')}",
                               "link": _link(c)} for c in q.get("related") or [] if c.split("#")[0] in corpus]
            questions.append(out)
    topics = sorted({q["topic"] for q in questions if q.get("topic")})
    return {"version": 1, "docs": docs, "topics": topics, "paper": paper, "questions": questions}


def write_js(target: pathlib.Path, corpus) -> int:
    data = build(corpus)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    target.write_text("window.QUIZ_BANK = " + text + ";\n", encoding="utf-8")
    return len(data["questions"])
