""""Which document says this" (单选, kind which-document): the cited document among three others."""
from __future__ import annotations

from . import emit


class WhichQuestions:
    def which(self, fact, plain) -> dict:
        doc = fact["cite"].split("#")[0]
        others = emit.shuffled([d for d in self.naming if d != doc], fact["say"], "which")[:3]
        options = emit.shuffled([self.naming[d] for d in [doc, *others]], fact["say"], "which-order")
        stem = f"下列文件中，规定“{emit.sentence(emit.strip_lead(plain)).rstrip('。')}”的是{emit.CHOICE}。"
        q = self.base(fact, "dx", "单选", (fact["say"], "which"), stem, self.explain(fact, plain))
        q.update(options=options, answer=emit.letters_of(options, [self.naming[doc]]), fact=plain,
                 kind="which-document")
        return q
