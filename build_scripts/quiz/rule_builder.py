"""The builder of rule-set questions over the shared question builder: a rule item's sentence and cited
words, whose duty (subjects), numeric distractor pools. Each question kind is a mixin in its own module
(rule_numbers, rule_leave, rule_overlap, rule_leave_steps, rule_consequences) over this class."""
from __future__ import annotations

import math

from build_scripts.corpus import Corpus
from calculators.vocabulary import UNIT_FAMILIES, UNIT_WORDS

from .normalise import normalise
from .question_builder import QuestionBuilder
from .rule_text import MAX_FACT, PERIOD_MAX, locate, strip_numbering, tidy
from .rule_text import _seg_end, _seg_start
from .schema import contains_term
from .subjects import with_subject


class RuleBuilder(QuestionBuilder):
    def __init__(self, corpus: Corpus, rule_sets: dict, naming: dict):
        super().__init__(corpus, naming)
        self.rule_sets = rule_sets
        self.subjects = {}
        self.pools = self._pools()

    def sentence_of(self, cite: str, quote: str) -> str:
        """The clause's sentence holding the quote (up to MAX_FACT characters), else the quote."""
        clause = self.clause(cite)
        span = locate(quote, clause)
        if not span:
            return strip_numbering(tidy(quote))
        a, b = _seg_start(clause, span[0], "。；;"), _seg_end(clause, span[1], "。；;")
        text = strip_numbering(tidy(clause[a:b]))
        return text if len(text) <= MAX_FACT else strip_numbering(tidy(quote))

    def fact_span(self, cite: str, texts: list[str]) -> str:
        """The clause words from the first to the last of texts, grown to whole segments."""
        clause = self.clause(cite)
        spans = [locate(t, clause) for t in texts]
        if not clause or any(s is None for s in spans):
            return tidy(texts[0]) if len(texts) == 1 else ""
        a = min(s[0] for s in spans)
        b = max(s[1] for s in spans)
        a = _seg_start(clause, a, "，,。；;：:")
        b = _seg_end(clause, b, "，,。；;")
        return strip_numbering(tidy(clause[a:b]))

    def explain(self, cite: str, fact: str, extra: str = "", again: bool = False) -> str:
        return self.says(cite, fact.rstrip("。；"), again) + extra

    def base(self, rs, path: str, kind: str, section: str, topic: str, stem: str, explanation: str, cite: str):
        stem = with_subject(stem, self.intro(rs["document"]), cite, self.subjects)
        return self.question(rs["document"], kind, (rs["id"], path), section, topic, stem, explanation, cite)

    # --- number pools: every value in every rule set, by unit family
    def _pools(self) -> dict:
        pools: dict[str, set] = {}
        for rs in self.rule_sets.values():
            for item in _items(rs):
                v, unit = item.get("value"), item.get("unit")
                if isinstance(v, (int, float)) and not isinstance(v, bool) and unit in UNIT_FAMILIES:
                    pools.setdefault(UNIT_FAMILIES[unit], set()).add(v)
                for key in ("min_inclusive", "max_inclusive", "min_exclusive", "max_exclusive"):
                    if isinstance(item.get(key), (int, float)) and UNIT_FAMILIES.get(unit) == "days":
                        pools.setdefault("days", set()).add(item[key])
        return pools

    def distractors(self, item: dict, answer: float, text: str = "") -> list:
        family = UNIT_FAMILIES.get(item.get("unit"))
        limit = PERIOD_MAX.get(item.get("period"), math.inf)
        if item.get("unit") == "workday":
            limit = min(limit, 30)
        unit = UNIT_WORDS.get(item.get("unit"), "")
        # a value the stem itself states elsewhere (驻村20天，其中住村12天) is no distractor
        pool = [v for v in self.pools.get(family, ()) if v != answer and 0 < v <= limit
                and not contains_term(normalise(text), normalise(_num(v) + unit))]
        pool.sort(key=lambda v: (abs(math.log(v / answer)), v))
        return pool[:3]


def _num(v) -> str:
    return str(int(v)) if isinstance(v, (int, float)) and float(v).is_integer() else str(v)


def _expand(rs, refs):
    from calculators.schema import expand_refs
    return expand_refs(refs, rs.get("consequences") or {}, rs.get("groups") or {})


def _items(rs):
    """Every mapping in a rule set (rule items and their parts)."""
    stack = [rs]
    while stack:
        obj = stack.pop()
        if isinstance(obj, dict):
            yield obj
            stack.extend(obj.values())
        elif isinstance(obj, list):
            stack.extend(obj)


