"""Consequence questions: which consequences follow from a trigger (多选), distractors from other
documents' consequences of other kinds."""
from __future__ import annotations

from . import emit
from .question_builder import inner_quotes
from .rule_builder import _expand
from .rule_text import (DISTRACTOR_KINDS, MAX_OPTION, SANCTION_KINDS, TOPIC, action_text, locate, loosely_in,
                        subject_for, tidy)


class ConsequenceQuestions:
    # --- consequences
    def consequence_options(self):
        out = []
        for rs in self.rule_sets.values():
            for cid, c in (rs.get("consequences") or {}).items():
                out.append((rs["document"], c["kind"], action_text(c["label"])))
        return out

    def kind_of(self, text: str) -> str:
        return next(k for d, k, t in self.consequence_options() if t == text)

    def consequences(self, rs) -> list[dict]:
        cons = rs.get("consequences") or {}
        out, done = [], set()
        doc = self.corpus.documents.get(rs["document"])
        doc_text = "".join(doc.texts.values()) if doc else ""
        for trig in rs.get("triggers") or []:
            ids = _expand(rs, trig.get("consequences") or [])
            clause = self.clause(trig["cite"])
            words = trig["label"] + trig.get("quote", "")
            right, kinds = [], set()
            for cid in ids:
                c = cons[cid]
                text = action_text(c["label"], words)
                if (c["cite"] == trig["cite"] and c["kind"] in SANCTION_KINDS and len(text) <= MAX_OPTION
                        and locate(text, clause) and not loosely_in(text, trig["label"])):
                    right.append(text)
                    kinds.add(c["kind"])
            right = list(dict.fromkeys(right))[:4]
            if len(right) < 2 or tuple(right) in done:
                continue
            done.add(tuple(right))
            banned_kinds = kinds | ({"no_excellent"} if "tier" in kinds else set())
            pool = [t for d, k, t in self.consequence_options()
                    if d != rs["document"] and k in DISTRACTOR_KINDS and k not in banned_kinds
                    and len(t) <= MAX_OPTION and not loosely_in(t, doc_text)
                    and not any(loosely_in(t, r) or loosely_in(r, t) for r in right)]
            path = f"triggers.{trig['id']}.consequences"
            by_kind = {}
            for t in emit.shuffled(list(dict.fromkeys(pool)), rs["id"], path):
                by_kind.setdefault(self.kind_of(t), t)       # one per kind: no two near-identical distractors
            wrong = emit.shuffled(list(by_kind.values()), rs["id"], path, "pick")[:2]
            if len(wrong) < 2:
                continue
            label = tidy(trig["label"])
            subject = subject_for(label)
            fact = self.fact_span(trig["cite"], right)
            if not fact:
                continue
            options = emit.shuffled([*right, *wrong], rs["id"], path, "order")
            stem = f"{self.intro(rs['document'])}{subject}{label}的，应受到的处理有{emit.CHOICE}。"
            topic = TOPIC["tier"] if "tier" in kinds else TOPIC["recall"]
            q = self.base(rs, path, "consequence", "多选", topic, stem,
                          self.explain(trig["cite"], fact, "和".join(f"“{inner_quotes(w)}”" for w in wrong)
                                       + "不是本文件对这一情形规定的处理。"),
                          trig["cite"])
            q.update(options=options, answer=emit.letters_of(options, right), fact=fact)
            out.append(q)
        return out
