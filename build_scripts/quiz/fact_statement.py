""""Which statement is right" (单选): the true sentence and three with one key swapped for a distractor."""
from __future__ import annotations

from . import emit
from .keyed_text import render

MAX_STATEMENT = 60   # longer sentences make unreadable options on a phone


class StatementQuestions:
    def statement(self, fact, pieces, keys, plain):
        answers = [k.answer for k in keys]
        swaps = [(i, d) for i, k in enumerate(keys) for d in k.distractors[:3]]
        true = emit.sentence(render(pieces, answers)).rstrip("。")
        if len(keys) < 2 or len(swaps) < 3 or len(true) > MAX_STATEMENT:  # one key: the 单选 already asks it
            return None
        if fact.get("lead") or fact.get("tail"):   # the bare sentence would be a fragment as an option
            return None
        picked = emit.shuffled(swaps, fact["say"], "statement")[:3]
        false = [emit.sentence(render(pieces, answers[:i] + [d] + answers[i + 1:])).rstrip("。") for i, d in picked]
        options = emit.shuffled([true, *false], fact["say"], "statement-order")
        stem = f"{self.fact_intro(fact)}下列说法正确的是{emit.CHOICE}。"
        q = self.base(fact, "dx", "单选", (fact["say"], "statement"), stem, self.explain(fact, plain))
        q.update(options=options, answer=emit.letters_of(options, [true]), fact=plain)
        return q
