"""Leave questions: who approves N days (单选), read through the leave calculator itself: one typical day
count per range and each bound that 以上/以内 include."""
from __future__ import annotations

from . import emit
from .rule_builder import _num
from .rule_text import ROLE_ORDER, TOPIC


class LeaveQuestions:
    def leave(self, rs) -> list[dict]:
        ranges = (rs.get("leave") or {}).get("ranges") or []
        if not ranges:
            return []
        from calculators import leave as leave_calc
        out = []
        roles = self.leave_roles(ranges)
        for rng in ranges:
            for role in [r for r in ROLE_ORDER if r in rng["roles"]]:
                picks = self.leave_days(rs, rng, role, leave_calc)
                for tag, days in picks:
                    q = self.leave_single(rs, rng, role, days, tag, roles, leave_calc)
                    if q:
                        out.append(q)
                if picks:
                    break   # one role per range: the same approver asked twice is not two questions
        return out

    def leave_single(self, rs, rng, role, days, tag, roles, calc):
        res = calc.calculate(rs, {"role": role, "days": days})
        approver = res["approver"]
        if not approver:
            return None
        subject = self.role_subject(rs, role, days, roles, calc)
        path = f"leave.ranges.{rng['label']}.{tag}"
        wrong = self.actor_distractors(rs, {s["by"] for s in res["steps"]}, role, days, subject, 3,
                                       (rs["id"], path))
        if len(wrong) < 3:
            return None
        consent = [s["by"] for s in res["steps"] if s["action"] == "consent"]
        fact = self.sentence_of(rng["cite"], rng["quote"])
        extra = _bound_note(rng, days)
        explanation = self.explain(rng["cite"], fact, extra)
        mid = f"经{'、'.join(consent)}同意后，报{emit.CHOICE}批准" if consent else f"应由{emit.CHOICE}批准"
        stem = f"{self.intro(rs['document'])}{subject}请假{_num(days)}天，{mid}。"
        options = emit.shuffled([approver, *wrong], rs["id"], path, "order")
        q = self.base(rs, path, "leave", "单选", TOPIC["leave"], stem, explanation, rng["cite"])
        q.update(options=options, answer=emit.letters_of(options, [approver]), fact=fact)
        return q


def _bound_note(rng, days) -> str:
    if "max_inclusive" in rng and days == rng["max_inclusive"] or "min_inclusive" in rng and days == rng["min_inclusive"]:
        return f"“以上”“以内”都包含本数，{_num(days)}天属于这一档。"
    return ""
