"""Questions on a source sentence's keys: a 单选 per key that has three distractors (else a 填空), an
all-blanks 填空 (`together`), the other 填空; then the sentence's statement and which-document questions,
in that order of preference (the caller keeps the first few)."""
from __future__ import annotations

from . import emit
from .keyed_text import parse, render
from .normalise import normalise

MAX_TYPED = 9        # a longer key is asked as 单选 only when it has distractors: nobody types 13 characters exactly


class KeyQuestions:
    def from_keys(self, fact) -> list[dict]:
        """Candidates in order of preference (the caller keeps the first few)."""
        pieces, keys = parse(fact["say"])
        self.check_keys(fact, keys)
        answers = [k.answer for k in keys]
        plain = render(pieces, answers)
        pieces_s, _ = parse(emit.strip_lead(fact["say"]))
        first, blanks = [], []
        for i, key in enumerate(keys):
            fills = answers[:i] + [emit.BLANK] + answers[i + 1:]
            tk = self.base(fact, "tk", "填空", (fact["say"], i), self.stem(fact, pieces_s, fills),
                           self.explain(fact, plain))
            tk.update(answer=[key.answer], fact=plain)
            if key.accept:
                tk["accept"] = [key.accept]
            if len(key.distractors) >= 3:
                fills = answers[:i] + [emit.CHOICE] + answers[i + 1:]
                options = emit.ordered_options([key.answer, *key.distractors[:3]], fact["say"], i)
                dx = self.base(fact, "dx", "单选", (fact["say"], i), self.stem(fact, pieces_s, fills),
                               self.explain(fact, plain))
                dx.update(options=options, answer=emit.letters_of(options, [key.answer]), fact=plain)
                first.append(dx)
                if len(normalise(key.answer)) <= MAX_TYPED:
                    blanks.append(tk)
            else:
                first.append(tk)
        out = first + self.all_blanks(fact, pieces_s, keys, plain) + blanks
        statement = self.statement(fact, pieces_s, keys, plain)
        if statement:
            out.append(statement)
        if fact.get("which"):
            out.append(self.which(fact, plain))
        return out

    def all_blanks(self, fact, pieces, keys, plain) -> list[dict]:
        """One 填空 with every key blank, when the source asks for it (`together`) and all can be typed."""
        typed_ok = all(len(normalise(k.answer)) <= MAX_TYPED or len(k.distractors) < 3 for k in keys)
        if not (fact.get("together") and len(keys) > 1 and typed_ok):
            return []
        q = self.base(fact, "tk", "填空", (fact["say"], "all"),
                      self.stem(fact, pieces, [emit.BLANK] * len(keys)), self.explain(fact, plain))
        q.update(answer=[k.answer for k in keys], fact=plain)
        if any(k.accept for k in keys):
            q["accept"] = [k.accept for k in keys]
        if fact.get("order_free"):
            q["order_free"] = [list(range(len(keys)))]
        return [q]
