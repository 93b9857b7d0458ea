"""A wrong option may never mean the key (synonym) or more than the key (superset).

Reads quiz_bank/sources/synonyms.yml (same / broader / peers_with_deng). `conflict(right, wrong, stem)`
returns why a wrong option is not wrong, or None. Used by the validator on every 单选/多选 and by the
facts generator on every source key's distractors.
"""
from __future__ import annotations

import functools
import pathlib
import re

import yaml

from .normalise import normalise

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = ROOT / "quiz_bank/sources/synonyms.yml"
JOINERS = ("和", "及", "与", "或", "、", "以及", "并")


@functools.lru_cache(maxsize=None)
def table() -> dict:
    data = yaml.safe_load(TABLE.read_text("utf-8")) or {}
    return {k: [[normalise(w) for w in group] for group in data.get(k) or []]
            for k in ("same", "broader", "peers_with_deng")}


def _canon(text: str) -> str:
    """Every word of a `same` group replaced by the group's first word (longest words first)."""
    words = sorted(((w, g[0]) for g in table()["same"] for w in g), key=lambda x: -len(x[0]))
    out, i = [], 0
    while i < len(text):
        for w, c in words:
            if w and text.startswith(w, i):
                out.append("\x00" + c + "\x00")
                i += len(w)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _core(a: str, b: str) -> tuple[str, str]:
    """The parts where two options differ (common prefix and suffix removed)."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    return a[i:len(a) - j], b[i:len(b) - j]


def conflict(right: str, wrong: str, stem: str = "") -> str | None:
    r, w = normalise(right), normalise(wrong)
    if not r or not w:
        return None
    if r == w:
        return f"“{wrong}”与答案“{right}”相同"
    if _canon(r) == _canon(w):
        return f"“{wrong}”与答案“{right}”同义"
    for group in table()["broader"]:
        broad, narrow = group[0], group[1:]
        if any(n in r and r.replace(n, broad) == w for n in narrow):
            return f"“{wrong}”包含了答案“{right}”（更宽）"
    cr, cw = _core(r, w)
    if r in w and any(j in w.replace(r, "", 1) for j in JOINERS) and len(w) > len(r):
        extra = w.replace(r, "", 1)
        if re.match(r"^(和|及|与|或|以及|并)", extra) or re.search(r"(和|及|与|或|以及)$", extra):
            return f"“{wrong}”包含了答案“{right}”（答案加上别的）"
    if re.search(r"（　）\s*等|_{2,}\s*等|”\s*等", stem or ""):
        for group in table()["peers_with_deng"]:
            if (r in group and w in group) or (cr in group and cw in group):
                return f"题干有“等”，“{wrong}”与“{right}”同属一类"
    return None


def check_options(q) -> list[str]:
    """Messages for a choice question whose wrong option is a synonym or superset of a right one."""
    opts = q.get("options") or []
    answer = set(q.get("answer") or [])
    if q.get("section") not in ("单选", "多选") or not opts or not answer:
        return []
    right = [o for letter, o in zip("ABCDEF", opts) if letter in answer]
    msgs = []
    for letter, o in zip("ABCDEF", opts):
        if letter in answer:
            continue
        for r in right:
            why = conflict(str(r), str(o), q.get("stem", ""))
            if why:
                msgs.append(f"option {letter}: {why}")
    return msgs
