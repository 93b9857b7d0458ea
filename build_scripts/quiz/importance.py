"""必知 / 应知 / 了解 for every question, from quiz_bank/sources/importance.yml.

Practice and mock exams draw from DEFAULT_POOL (必知, 应知); 了解 only when the learner asks for it.
"""
from __future__ import annotations

import functools
import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = ROOT / "quiz_bank/sources/importance.yml"
LEVELS = ("必知", "应知", "了解")
DEFAULT_POOL = ("必知", "应知")


@functools.lru_cache(maxsize=None)
def table() -> dict:
    data = yaml.safe_load(TABLE.read_text("utf-8")) or {}
    for section in ("topics", "documents", "kinds"):
        for key, level in (data.get(section) or {}).items():
            if level not in LEVELS:
                raise ValueError(f"{TABLE.name}: {section}.{key}: {level!r} is not one of {'/'.join(LEVELS)}")
    return data


def assign(q: dict) -> str:
    if q.get("importance") in LEVELS:
        return q["importance"]
    t = table()
    doc = q.get("doc") or (q.get("cite") or "#").split("#")[0]
    for section, key in (("kinds", q.get("kind")), ("documents", doc), ("topics", q.get("topic"))):
        level = (t.get(section) or {}).get(key)
        if level:
            return level
    return t.get("default", "应知")


def tagged(q: dict, level: str | None = None) -> dict:
    """q with `importance` placed right after `topic` (stable key order in the generated YAML)."""
    level = level or assign(q)
    out = {}
    for k, v in q.items():
        if k == "importance":
            continue
        out[k] = v
        if k == "topic":
            out["importance"] = level
    out.setdefault("importance", level)
    return out
