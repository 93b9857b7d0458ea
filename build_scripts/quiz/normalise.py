"""Normalisation and grading of typed answers (填空), mirrored in docs/assets/quiz/normalise.js.

Both implementations are checked against tests/quiz/blank_normalisation_vectors.yml.
Rules, applied in this order:
  1. Unicode NFKC (full-width letters/digits/punctuation -> half-width), then lower case;
  2. 百分之X -> X (the % sign itself is dropped in step 5);
  3. runs of Chinese numerals -> Arabic digits (二十 -> 20, 两 -> 2, 十七 -> 17, 一百 -> 100,
     二〇一八 -> 2018); a run made only of 百/千 is left alone; 万 is never converted
     (so 5万元 and 五万元 both become 5万元);
  4. fractions and decimals keep their meaning before punctuation goes: 1/3 -> 3分之1 (as 三分之一
     becomes), 1.5 -> 1点5 (as 一点五 becomes); 个 between a number and a word is dropped
     (三个工作日 = 3个工作日 = 3工作日);
  5. whitespace, underscores and punctuation (ASCII and CJK) are removed.
Two answers match only when their normalised forms are equal: no fuzzy matching.
"""
from __future__ import annotations

import itertools
import re
import unicodedata

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_RUN = re.compile("[零〇一二两三四五六七八九十百千]+")
PERCENT = re.compile("百分之([零〇一二两三四五六七八九十百千0-9.]+)")
# Everything that is not part of an answer's content. Kept as an explicit list so that the
# JavaScript twin can use exactly the same characters.
PUNCT = (" \t\r\n\f\v\u00a0\u3000_"
         "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"
         "、。，；：！？“”‘’《》〈〉【】（）「」『』〔〕〃…—–·・～￥")
PUNCT_RE = re.compile("[" + re.escape(PUNCT) + "]")
FRACTION = re.compile(r"([0-9]+)\s*[/／⁄]\s*([0-9]+)")
DECIMAL = re.compile(r"([0-9])\.(?=[0-9])")
GE = re.compile(r"([0-9])个(?=[^0-9])")
NUMBER_CORE = re.compile(r"([0-9]+(?:点[0-9]+)?万?)(?:个)?(?:天|日|工作日|年|次|遍|月|周|人|名|元|票|个)?")


def numeral_value(run: str) -> str:
    """Value of one run of Chinese numerals, as digits (or the run unchanged)."""
    if not any(ch in DIGITS for ch in run) and not run.startswith("十"):
        return run  # 百 / 千 alone are words here, not numbers
    if not any(ch in UNITS for ch in run):
        return "".join(str(DIGITS[ch]) for ch in run)
    total, current = 0, 0
    for ch in run:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            total += (current or 1) * UNITS[ch]
            current = 0
    return str(total + current)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = PERCENT.sub(r"\1", text)
    text = NUMERAL_RUN.sub(lambda m: numeral_value(m.group(0)), text)
    text = FRACTION.sub(r"\2分之\1", text)
    text = DECIMAL.sub(r"\1点", text)
    text = GE.sub(r"\1", text)
    return PUNCT_RE.sub("", text)


def number_core(text: str) -> str:
    """The number an answer states, without its unit (三次 -> 3, 一年 -> 1, 5万元 -> 5万), or the
    normalised text when it is not a number with a unit. Used to find the same fact asked twice."""
    n = normalise(text)
    m = NUMBER_CORE.fullmatch(n)
    return m.group(1) if m else n


def matches(given: str, expected: str) -> bool:
    g = normalise(given)
    return g != "" and g == normalise(expected)


def blank_ok(given: str, answer: str, accept: list[str] | None) -> bool:
    return any(matches(given, want) for want in [answer, *(accept or [])])


def grade_blanks(inputs: list[str], answer: list[str], accept: list[list[str]] | None = None,
                 order_free: list[list[int]] | None = None) -> list[bool]:
    """Per-blank verdicts. Blanks inside an order_free group may be given in any order."""
    accept = accept or [[] for _ in answer]
    accept = [*accept, *([[]] * (len(answer) - len(accept)))]
    inputs = [*inputs, *([""] * (len(answer) - len(inputs)))]
    result = [blank_ok(inputs[i], answer[i], accept[i]) for i in range(len(answer))]
    for group in order_free or []:
        best = None
        for perm in itertools.permutations(group):
            trial = [blank_ok(inputs[src], answer[dst], accept[dst]) for src, dst in zip(group, perm)]
            if best is None or sum(trial) > sum(best):
                best = trial
        for idx, ok in zip(group, best):
            result[idx] = ok
    return result
