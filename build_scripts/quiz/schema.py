"""Shape of one question (any bank). Returns (line, message) pairs; no corpus needed."""
from __future__ import annotations

import re

from calculators.citations import is_citation

from .normalise import normalise

SECTIONS = ("填空", "单选", "多选")
STATUSES = ("grounded", "unverified", "local")
LETTERS = "ABCDEF"
BLANK = re.compile(r"_{2,}")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KNOWN = {"id", "section", "number", "points", "topic", "doc", "stem", "options", "answer", "accept",
         "order_free", "explanation", "cite", "fact", "fact_answer", "status", "source", "related",
         "setting", "options_written_by", "options_note", "missing", "kind", "importance"}
IMPORTANCE = ("必知", "应知", "了解")


def blank_count(stem: str) -> int:
    return len(BLANK.findall(stem or ""))


def answer_texts(q) -> list[str]:
    """What the learner must produce: blank answers, or the texts of the correct options."""
    if q.get("section") == "填空":
        return [str(a) for a in q.get("answer") or []]
    opts = q.get("options") or []
    return [str(opts[LETTERS.index(a)]) for a in q.get("answer") or []
            if isinstance(a, str) and a in LETTERS[:len(opts)]]


def check_question(q) -> list[tuple[int, str]]:
    errs = []

    def err(key, msg):
        errs.append((q.line_of(key) if hasattr(q, "line_of") else 0, msg))

    if not isinstance(q, dict):
        return [(getattr(q, "line", 0), "question is not a mapping")]
    for key in q:
        if key not in KNOWN:
            err(key, f"unknown field {key!r}")
    qid = q.get("id")
    if not isinstance(qid, str) or not ID_RE.match(qid):
        err("id", f"id {qid!r} missing or not lower-case ascii/digits/hyphens")
    if q.get("section") not in SECTIONS:
        err("section", f"section {q.get('section')!r} not one of {'|'.join(SECTIONS)}")
    if q.get("missing"):
        return errs  # placeholder for an item lost from the seed: id, section, number, points only
    for key in ("stem", "explanation"):
        if not isinstance(q.get(key), str) or not q.get(key).strip():
            err(key, f"{key} missing or empty")
    if "importance" in q and q["importance"] not in IMPORTANCE:
        err("importance", f"importance {q['importance']!r} not one of {'/'.join(IMPORTANCE)}")
    status = q.get("status")
    if status not in STATUSES:
        err("status", f"status {status!r} not one of {'|'.join(STATUSES)}")
    if status == "grounded":
        if not is_citation(q.get("cite")):
            err("cite", "grounded question needs cite: <doc-id>#<anchor>")
        if not isinstance(q.get("fact"), str) or not q.get("fact"):
            err("fact", "grounded question needs fact: the words of the cited clause that state the answer")
    if status == "unverified" and not q.get("source"):
        err("source", "unverified question must name its source document in source:")
    if status == "local" and not q.get("setting"):
        err("setting", "local question needs setting: <key in county_settings.yml>")
    for cite in q.get("related") or []:
        if not is_citation(cite):
            err("related", f"related citation {cite!r} is not <doc-id>#<anchor>")
    answer = q.get("answer")
    if answer is None:
        if status == "grounded":
            err("answer", "grounded question needs an answer")
        return errs
    if not isinstance(answer, list) or not answer:
        err("answer", "answer must be a non-empty list")
        return errs
    section = q.get("section")
    if section in ("单选", "多选"):
        errs += _check_choice(q, err)
    elif section == "填空":
        errs += _check_blanks(q, err)
    whole = stem_not_whole(q.get("stem") or "")
    if whole:
        err("stem", whole)
    for text in answer_texts(q):
        if readable_from_stem(q.get("stem") or "", text):
            err("stem", f"answer {text!r} can be read off the stem")
    return errs


INTRO = re.compile(r"^根据[^，]*?(》|办法|意见|通知)，")
STARTS_MID = ("的", "和", "或", "及", "并", "但", "、", "，", "其中", "也", "且", "等", "是", "包括",
              "负责", "要", "协助", "记好", "帮助", "组织开展", "争取")     # a duty with no one to do it
ENDS_MID = ("的", "、", "，", "和", "或", "及")


def stem_not_whole(stem: str) -> str | None:
    """A stem is a whole sentence: it does not start with a continuation or a duty with no subject
    (负责……, 要……) and does not end on a condition with no consequence (……的。) or a joiner."""
    body = INTRO.sub("", stem.strip())
    if body.startswith(STARTS_MID):
        return f"stem starts mid-sentence ({body[:6]}…): give the subject or lead-in"
    tail = body.rstrip("。？！?! ")
    if tail.endswith(ENDS_MID) and not tail.endswith(("的是", "的有")):
        return f"stem ends mid-sentence (…{tail[-6:]}): give the consequence"
    return None


UNIT_AFTER_GAP = re.compile(r"(?:_{2,}|（\s*）|\(\s*\))\s*([^\s，。；、,.;])?")


def readable_from_stem(stem: str, answer: str) -> bool:
    """The answer is written in the stem. A bare number counts only with the unit that follows the gap
    (1 in 第一书记 does not give away 每年至少轮训____遍, 1遍 would)."""
    term = normalise(answer)
    if term.isdigit():
        units = {m.group(1) for m in UNIT_AFTER_GAP.finditer(stem) if m.group(1)}
        return any(contains_term(normalise(stem), term + normalise(u)) for u in units if normalise(u))
    return contains_term(normalise(stem), term)


def contains_term(haystack: str, term: str) -> bool:
    """term occurs in haystack, and a number is not just part of a longer number (20 in 2018)."""
    if not term:
        return False
    start = haystack.find(term)
    while start >= 0:
        end = start + len(term)
        before = haystack[start - 1] if start else ""
        after = haystack[end] if end < len(haystack) else ""
        if not (term[0].isdigit() and before.isdigit()) and not (term[-1].isdigit() and after.isdigit()):
            return True
        start = haystack.find(term, start + 1)
    return False


def _check_choice(q, err):
    opts = q.get("options")
    if not isinstance(opts, list) or not 2 <= len(opts) <= len(LETTERS):
        err("options", f"options must be a list of 2-{len(LETTERS)} choices")
        return []
    normed = [normalise(o) for o in opts]
    if len(set(normed)) != len(normed):
        err("options", "two options are the same after normalisation")
    answer = q["answer"]
    for a in answer:
        if not isinstance(a, str) or a not in LETTERS[:len(opts)]:
            err("answer", f"answer {a!r} is not among the options A-{LETTERS[len(opts) - 1]}")
    if len(set(answer)) != len(answer):
        err("answer", "answer repeats a letter")
    if q.get("section") == "单选" and len(answer) != 1:
        err("answer", "单选 needs exactly one letter")
    if q.get("section") == "多选" and len(answer) < 2:
        err("answer", "多选 needs at least two letters")
    return []


def _check_blanks(q, err):
    answer = q["answer"]
    n = blank_count(q.get("stem"))
    if n != len(answer):
        err("answer", f"stem has {n} blank(s) (____) but answer has {len(answer)} entr(y/ies)")
    accept = q.get("accept")
    if accept is not None:
        if not isinstance(accept, list) or len(accept) != len(answer):
            err("accept", "accept must be a list with one list of alternatives per blank")
            accept = None
    for i, std in enumerate(answer):
        alts = (accept[i] if accept else []) or []
        forms = [normalise(x) for x in [std, *alts]]
        if "" in forms:
            err("accept" if alts else "answer", f"blank {i + 1}: an answer is empty after normalisation")
        if len(set(forms)) != len(forms):
            err("accept", f"blank {i + 1}: accepted alternatives are not distinct after normalisation: "
                          f"{[std, *alts]}")
    for group in q.get("order_free") or []:
        if not isinstance(group, list) or len(group) < 2 or any(
                not isinstance(i, int) or not 0 <= i < len(answer) for i in group):
            err("order_free", f"order_free group {group!r} must list two or more blank indices (0-based)")
    return []
