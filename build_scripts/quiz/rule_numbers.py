"""Number questions from rule items: 填空 on the number, 单选 with same-unit distractors."""
from __future__ import annotations

import re

from . import emit
from .normalise import normalise
from .question_builder import inner_quotes
from .rule_builder import _expand, _num
from .rule_text import (MAX_FACT, TOPIC, action_text, blank_number, context, drop_asides,
                        locate, loosely_in, number_text, strip_numbering, subject_for, tidy)


class NumberQuestions:
    # --- numbers
    def numbers(self, rs) -> list[dict]:
        out, asked = [], set()
        for path, item, topic, trigger in _numbered(rs):
            situation = self.situation(rs, path, item) if trigger is None else None
            if not isinstance(item.get("value"), (int, float, str)) or isinstance(item.get("value"), bool):
                continue
            if item.get("unit") == "ratio" and not item.get("number_text"):
                continue
            key = (item["cite"], normalise(number_text(item)))
            if key in asked:
                continue
            text, stem_tail, fact, explanation = self.number_sentence(rs, item, trigger, situation)
            if not text:
                continue
            text = drop_asides(text)
            blanked, core = blank_number(text, item, emit.BLANK)
            if not blanked:
                continue
            asked.add(key)
            q = self.base(rs, path, "num", "填空", topic, self.intro(rs["document"]) + emit.sentence(blanked + stem_tail),
                          explanation, item["cite"])
            q.update(answer=[core], fact=fact)
            accept = _accept(item, core)
            if accept:
                q["accept"] = [accept]
            out.append(q)
            value = item.get("value")
            if isinstance(value, (int, float)) and re.fullmatch(r"[0-9.]+", core):
                wrong = self.distractors(item, value, blanked)
                if len(wrong) == 3:
                    options = emit.ordered_options([core, *(_num(v) for v in wrong)], rs["id"], path)
                    chosen, _ = blank_number(text, item, emit.CHOICE)
                    q = self.base(rs, path, "num-choice", "单选", topic,
                                  self.intro(rs["document"]) + emit.sentence(chosen + stem_tail), explanation, item["cite"])
                    q.update(options=options, answer=emit.letters_of(options, [core]), fact=fact)
                    out.append(q)
        return out

    def situation(self, rs, path, item):
        """For a consequence: a trigger in the same clause that leads to it (its label says when it applies)."""
        if not path.startswith("consequences."):
            return None
        cid = path.split(".", 1)[1]
        hits = [t for t in rs.get("triggers") or [] if t["cite"] == item["cite"]
                and cid in _expand(rs, t.get("consequences") or [])]
        hits.sort(key=lambda t: "value" in t)   # prefer one without a number of its own
        return hits[0] if hits else None

    def number_sentence(self, rs, item, trigger, situation=None):
        """(text holding the number, words after it, cited words, explanation) for a number question."""
        clause = self.clause(item["cite"])
        quote = item["quote"]
        span = locate(quote, clause)
        if situation is not None:
            label = tidy(situation["label"])
            action = action_text(item["label"], situation["label"] + situation.get("quote", ""))
            if loosely_in(number_text(item), action) and not loosely_in(number_text(item), label):
                subject = subject_for(label)
                fact = self.fact_span(item["cite"], [situation["quote"], quote])
                if not fact or len(fact) > MAX_FACT:
                    fact = strip_numbering(tidy(clause[slice(*context(clause, span))])) if span else tidy(quote)
                    said = f"“{inner_quotes(strip_numbering(tidy(situation['quote'])).rstrip('，；。'))}……{inner_quotes(fact)}”"
                else:
                    said = f"“{inner_quotes(fact)}”"
                return (f"{subject}{label}的，{action}", "", fact,
                        f"{self.where(item['cite'])}规定：{said}。")
        if trigger is not None:
            label = tidy(trigger["label"])
            if not loosely_in(number_text(item), label):
                return None, "", "", ""
            subject = subject_for(label)
            tail, cons = self.trigger_outcome(rs, trigger)
            same = cons is not None and cons["cite"] == item["cite"]
            fact = self.fact_span(item["cite"], [quote, cons["quote"]]) if same else ""
            if not fact or len(fact) > MAX_FACT:
                fact = self.fact_span(item["cite"], [quote]) if span else tidy(quote)
            explanation = self.explain(item["cite"], fact, item.get("note", ""))
            if cons is not None and not same and not loosely_in(cons["quote"], fact):
                explanation += self.explain(cons["cite"], strip_numbering(tidy(cons["quote"])), again=True)
            return subject + label, ("的，" + tail) if tail else "的", fact, explanation
        if span:
            a, b = context(clause, span)
            text = strip_numbering(tidy(clause[a:b]))
            fact = text
        else:   # the rule's quote is not (or no longer) in the clause: ask from the quote itself
            text = fact = tidy(quote)
        return text, "", fact, self.explain(item["cite"], fact, item.get("note", ""))

    def trigger_outcome(self, rs, trigger):
        """(what follows, as words for the stem; the consequence item they come from or None)."""
        ids = _expand(rs, trigger.get("consequences") or [])
        cons = rs.get("consequences") or {}
        words = trigger["label"] + trigger.get("quote", "")
        for cid in ids:
            if cons[cid]["kind"] == "tier":
                return action_text(cons[cid]["label"], words), cons[cid]
        if trigger.get("tier"):
            return f"评为{trigger['tier']}等次", None
        for cid in ids:
            text = action_text(cons[cid]["label"], words)
            if len(text) <= 30 and not loosely_in(number_text(trigger), text):
                return text, cons[cid]
        return "", None


def _accept(item, core) -> list[str]:
    written = number_text(item)
    alts = []
    if item.get("unit") == "month" and written == "半年":
        alts.append("6个月")
    return [a for a in alts if normalise(a) != normalise(core)]


def _numbered(rs):
    """(key path, item, topic, trigger or None) for every rule item with a number, in file order."""
    att = rs.get("attendance") or {}
    for key in ("requirements", "nights"):
        for item in att.get(key) or []:
            if "value" in item:
                yield f"attendance.{key}.{item['label']}", item, TOPIC["attendance"], None
    for trig in rs.get("triggers") or []:
        if "value" in trig:
            topic = TOPIC["tier"] if trig.get("tier") else (TOPIC["attendance"] if "attendance" in trig["applies_to"]
                                                          else TOPIC["recall"])
            yield f"triggers.{trig['id']}", trig, topic, trig
    for cid, c in (rs.get("consequences") or {}).items():
        if "value" in c and c["kind"] != "tier":
            yield f"consequences.{cid}", c, TOPIC["deadline"] if c["kind"] == "deadline" else TOPIC["recall"], None
    quota = (rs.get("quota") or {}).get("excellent_share")
    if quota:
        yield "quota.excellent_share", quota, TOPIC["quota"], None
    applies = (rs.get("assessment") or {}).get("applies")
    if applies and "value" in applies:
        yield "assessment.applies", applies, TOPIC["assessment"], None
    for chk in (rs.get("eligibility") or {}).get("checks") or []:
        if "value" in chk:
            yield f"eligibility.checks.{chk['label']}", chk, TOPIC["eligibility"], None


