"""Text helpers and constants shared by the rule-set question kinds (build_scripts/quiz/generate_rules.py):
finding a rule's quote in its clause, cutting it to a readable sentence, writing a number as the clause does."""
from __future__ import annotations

import re

from calculators.vocabulary import QUESTION_TOPICS, ROLES

from .normalise import normalise

PERIOD_MAX = {"month": 31, "year": 366}
ROLE_ORDER = tuple(reversed(ROLES))   # members first
# Consequence kinds that answer "what happens to the cadre"; procedure and record keeping are left out.
SANCTION_KINDS = {"tier", "recall", "no_promotion", "no_excellent", "bonus_cut", "education", "criticism",
                  "accountability", "other"}
# Kinds a distractor consequence may have: concrete sanctions. A vague one (按有关规定处理), a rating (a
# breach may also lower the rating) or 不得评优 (follows from many breaches) could be argued to apply anyway.
DISTRACTOR_KINDS = {"education", "bonus_cut", "no_promotion", "criticism", "recall"}
# Approvers that overlap in meaning: one of them is never a distractor when another is right (the team
# leader's names, as each document words them, are one more such family: leave_reading).
TOWNSHIP_ACTORS = {"乡镇党委", "镇（街道）党（工）委书记", "书记或镇长", "镇（街道）"}
# The question topic (vocabulary.json) of what a rule item is about: a calculator, or a consequence kind.
TOPIC = {"attendance": QUESTION_TOPICS["attendance"], "leave": QUESTION_TOPICS["leave"],
         "quota": QUESTION_TOPICS["assessment"], "assessment": QUESTION_TOPICS["assessment"],
         "eligibility": QUESTION_TOPICS["eligibility"], "deadline": QUESTION_TOPICS["recall"],
         "tier": QUESTION_TOPICS["assessment"], "recall": QUESTION_TOPICS["recall"]}
MAX_OPTION = 24          # characters: longer options do not fit a phone screen as a choice
MIN_STEM_TEXT = 14
MAX_FACT = 120           # cited words quoted in an explanation
PUNCT = "，,。；;：:、（）()“”\"《》 \u3000"
CJK = r"\u3400-\u9fff"


def tidy(text: str) -> str:
    """Seed text as a trainer would print it: full-width punctuation, no stray spaces inside Chinese."""
    text = re.sub(rf"(?<=[{CJK}，。；：、）（“”])\s+(?=[{CJK}，。；：、（）“”])", "", text)
    for a, b in ((",", "，"), (";", "；"), (":", "："), ("(", "（"), (")", "）"), ("?", "？")):
        text = text.replace(a, b)
    return text.strip()


def locate(needle: str, hay: str):
    """(start, end) of needle in hay, punctuation and spaces matched loosely; None when absent."""
    parts = []
    for ch in needle:
        if ch.isspace():
            continue
        parts.append(f"[{re.escape(PUNCT)}]" if ch in PUNCT else re.escape(ch))
    if not parts:
        return None
    m = re.search(r"\s*".join(parts), hay)
    return (m.start(), m.end()) if m else None


def loosely_in(needle: str, hay: str) -> bool:
    return bool(normalise(needle)) and normalise(needle) in normalise(hay)


NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[\d一二三四五六七八九十]+[、.．])\s*")


def _seg_start(clause: str, pos: int, marks: str) -> int:
    return max(clause.rfind(c, 0, pos) for c in marks) + 1


def _seg_end(clause: str, pos: int, marks: str) -> int:
    hits = [i for i in (clause.find(c, pos) for c in marks) if i >= 0]
    return min(hits) if hits else len(clause)


FRAGMENT_START = ("驻村时间", "其中", "并", "同时", "可", "要", "在", "由", "应", "报", "扣发", "具有", "一年", "两年", "经")
MAX_SENTENCE = 60


def context(clause: str, span) -> tuple[int, int]:
    """The quote in its sentence; a long sentence is cut to whole comma-segments, grown leftwards while the
    text is too short or starts mid-phrase (其中, 可, 由 ...)."""
    s, e = span
    sent_start = _seg_start(clause, s, "。；;")
    sent_end = _seg_end(clause, e, "。；;")
    if sent_end - sent_start <= MAX_SENTENCE:
        return sent_start, sent_end
    a = max(_seg_start(clause, s, "，,。；;：:"), sent_start)
    b = _seg_end(clause, e, "，,。；;")
    while a > sent_start and (b - a < MIN_STEM_TEXT or NUMBERING.sub("", clause[a:b]).startswith(FRAGMENT_START)):
        a = max(_seg_start(clause, a - 1, "，,。；;：:"), sent_start)
    return a, b


def subject_for(label: str) -> str:
    """驻村干部 before a trigger's words unless they start with whom they concern (驻村…, 第一书记…)."""
    return "" if re.match(r"^(驻村|第一书记|工作队|工作组)", label) else "驻村干部"


def drop_asides(text: str) -> str:
    """Long bracketed asides (省级选派的同时报…) make a phone stem hard to read; （含…） says what counts, keep it."""
    return re.sub(r"（(?!含)[^（）]{7,}）", "", text)


def strip_numbering(text: str) -> str:
    text = NUMBERING.sub("", text)
    return re.sub(r"^[^，。；]{2,8}。", "", text) if re.match(r"^[^，。；]{2,8}。", text) else text


def number_text(item: dict) -> str:
    if item.get("number_text"):
        return str(item["number_text"])
    v = item["value"]
    return str(int(v)) if isinstance(v, (int, float)) and float(v).is_integer() else str(v)


def number_core(item: dict) -> tuple[str, str]:
    """(what the learner writes, what stays after the blank): 三次 -> (3, 次), 50% -> (50, %), 半年 -> (半年, '')."""
    text = number_text(item)
    for suffix in ("个工作日", "个月", "天", "次", "年", "%"):
        if text.endswith(suffix) and len(text) > len(suffix):
            core = text[: -len(suffix)]
            if re.fullmatch(r"[0-9.]+|[零〇一二两三四五六七八九十百千]+", core):
                value = item.get("value")
                shown = str(int(value)) if isinstance(value, (int, float)) and float(value).is_integer() else core
                return shown, text[len(core):]
            return text, ""
    value = item.get("value")
    if isinstance(value, (int, float)) and re.fullmatch(r"[0-9.]+", text):
        return text, ""
    return text, ""


def blank_number(text: str, item: dict, gap: str):
    """Replace the first occurrence of the item's number (as the clause writes it) with gap."""
    written = number_text(item)
    core, suffix = number_core(item)
    raw_core = written[: len(written) - len(suffix)] if suffix else written
    for m in re.finditer(re.escape(raw_core), text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if raw_core[0].isdigit() and before.isdigit() or raw_core[-1].isdigit() and (after.isdigit() or after == "."):
            continue
        if suffix and not text[m.end():].startswith(suffix):
            continue
        return text[:m.start()] + gap + text[m.end():], core
    return None, core


def action_text(label: str, trigger_words: str = "") -> str:
    """The consequence without its condition: '无故脱岗的进行批评教育' -> '进行批评教育' when the condition is the
    trigger's own; a different condition ('情况严重的') is kept."""
    text = tidy(label)
    m = re.match(r"^(.{1,40}?)的[，,]", text) or re.match(r"^(.{1,14}?)的(?=进行|予以)", text)
    if m and (not trigger_words or loosely_in(m.group(1).lstrip("对"), trigger_words)):
        text = text[m.end():]
    return text
