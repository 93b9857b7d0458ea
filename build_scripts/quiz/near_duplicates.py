"""The same leave rule asked again with another day count or as another question type.

Hebei 组成员 6 and 7 days (both 县驻村干部管理办公室), or 组长 4 days as 单选 "经乡镇党委同意后，报（　）
批准" and as 多选 "需经其同意或批准的有": one fact, asked once. Two leave questions are the same when they
cite the same clause, ask about the same role and involve the same actors (the right answers plus any
option named in the stem). The first one (generator order) is kept.
"""
from __future__ import annotations

import re

from .schema import answer_texts

ROLE = re.compile(r"，([^，]{2,14}?)请假(?:恰好)?\d+天")


def _is_leave(q: dict) -> bool:
    return "-leave" in q.get("id", "") and "-overlap-" not in q.get("id", "")


def leave_key(q: dict, actors: set):
    if not _is_leave(q):
        return None
    m = ROLE.search(q.get("stem", ""))
    if not m:
        return None
    rest = q["stem"][m.end():]
    named = {a for a in actors if a in rest}
    return (q.get("cite"), m.group(1), frozenset(set(answer_texts(q)) | named))


def drop_repeats(questions: list[dict]) -> list[dict]:
    actors = {o for q in questions if _is_leave(q) for o in q.get("options") or []}
    seen, out = set(), []
    for q in questions:
        key = leave_key(q, actors)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        out.append(q)
    return out
