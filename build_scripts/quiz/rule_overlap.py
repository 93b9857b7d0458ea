"""Overlap questions: a day count that falls into two ranges (以上/以内 both include the number) asks for
both approvers (多选); nobody is asked to pick one."""
from __future__ import annotations

from . import emit
from .leave_reading import _bounds
from .rule_builder import _num
from .rule_text import TOPIC


class OverlapQuestions:
    def overlaps(self, rs) -> list[dict]:
        ranges = (rs.get("leave") or {}).get("ranges") or []
        if not ranges:
            return []
        from calculators import leave as leave_calc
        out, done = [], set()
        roles = self.leave_roles(ranges)
        top = max(_bounds(rng)[1] or _bounds(rng)[0] for rng in ranges)
        for role in roles:
            for days in range(1, int(top) + 2):
                res = leave_calc.calculate(rs, {"role": role, "days": days})
                if not res["ambiguous"]:
                    continue
                approvers = tuple(sorted({rd["approver"] for rd in res["readings"] if rd["approver"]}))
                if (days, approvers) in done or len(approvers) < 2:
                    continue
                done.add((days, approvers))
                q = self.leave_overlap(rs, role, days, res, roles, ranges)
                if q:
                    out.append(q)
        return out

    def leave_overlap(self, rs, role, days, res, roles, ranges):
        readings = [rd for rd in res["readings"] if rd["approver"]]
        approvers = list(dict.fromkeys(rd["approver"] for rd in readings))
        subject = self.role_word(rs, role)
        if len(roles) == 3 and all(_same_approvers(rs, r, days, res) for r in roles):
            subject = "驻村干部"
        path = f"leave.overlap.{role}.{days}"
        wrong = self.actor_distractors(rs, set(approvers), role, days, subject, 2, (rs["id"], path))
        if len(wrong) < 2:
            return None
        read = [r for r in ranges if any(rd["text"].startswith(r["label"] + "（") for rd in readings)]
        quotes = [r["quote"] for r in read if r["cite"] == readings[0]["cite"]]
        fact = self.fact_span(readings[0]["cite"], quotes) if quotes else ""
        if not fact:
            return None
        labels = "”和“".join(r["label"] for r in read)
        extra = (f"“以上”“以内”都包含本数，{_num(days)}天同时落在“{labels}”两档，两档的批准人不同，"
                 f"条文没有说明适用哪一档：实际办理时应向管理部门确认。")
        stem = (f"{self.intro(rs['document'])}{subject}请假恰好{_num(days)}天。按“以上、以内均包含本数”的计数规则，"
                f"这一天数同时落在条文规定的两档中，条文字面上对应的批准人有{emit.CHOICE}。")
        options = emit.shuffled([*approvers, *wrong], rs["id"], path, "order")
        q = self.base(rs, path, "overlap", "多选", TOPIC["leave"], stem,
                      self.explain(readings[0]["cite"], fact, extra), readings[0]["cite"])
        q.update(options=options, answer=emit.letters_of(options, approvers), fact=fact)
        return q


def _same_approvers(rs, role, days, res) -> bool:
    from calculators import leave as calc
    other = calc.calculate(rs, {"role": role, "days": days})
    return {rd["approver"] for rd in other["readings"]} == {rd["approver"] for rd in res["readings"]}
