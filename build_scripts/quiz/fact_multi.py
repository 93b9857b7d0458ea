"""多选 from a listed source (`multi`): the first four listed items (and the last three when there are
more), with two that are not listed. The explanation says 所列为 only when the source marks the list
`complete`; otherwise 包括 and the whole clause."""
from __future__ import annotations

from . import emit


class ListQuestions:
    def multi(self, fact, clause_text) -> list[dict]:
        right, wrong = fact["right"], fact["wrong"]
        variants = [right[:4]]
        if len(right) > 4:
            variants.append(right[-3:])
        out = []
        quoted = self.says(fact["cite"], emit.sentence(clause_text).rstrip("。"))
        for n, chosen in enumerate(variants):
            options = emit.shuffled([*chosen, *wrong[:2]], fact["multi"], n)
            stem = f"{self.fact_intro(fact)}{fact['multi']}{emit.CHOICE}。"
            listed = "所列为" if fact.get("complete") else "包括"
            explanation = f"{quoted}{listed}：{'；'.join(right)}。{'、'.join(wrong[:2])}不在其中。"
            q = self.base(fact, "mx", "多选", (fact["multi"], n), stem, explanation)
            q.update(options=options, answer=emit.letters_of(options, chosen), fact=clause_text)
            out.append(q)
        return out
