"""Leave-steps questions: everyone who must consent or approve (多选), where a range names more than one."""
from __future__ import annotations

from . import emit
from .rule_builder import _num
from .rule_text import ROLE_ORDER, TOPIC


class LeaveStepQuestions:
    def leave_steps(self, rs) -> list[dict]:
        from calculators import leave as calc
        ranges = (rs.get("leave") or {}).get("ranges") or []
        roles = self.leave_roles(ranges)
        out = []
        for rng in ranges:
            actors = list(dict.fromkeys(s["by"] for s in rng["steps"] if s["action"] in ("consent", "approval")))
            if len(actors) < 2:
                continue
            for role in [r for r in ROLE_ORDER if r in rng["roles"]]:
                picks = [d for tag, d in self.leave_days(rs, rng, role, calc) if tag == "typical"]
                if not picks:
                    continue
                days = picks[0]
                subject = self.role_subject(rs, role, days, roles, calc)
                path = f"leave.ranges.{rng['label']}.steps"
                wrong = self.actor_distractors(rs, set(actors), role, days, subject, 2, (rs["id"], path))
                if len(wrong) < 2:
                    break
                fact = self.sentence_of(rng["cite"], rng["quote"])
                options = emit.shuffled([*actors, *wrong], rs["id"], path, "order")
                stem = f"{self.intro(rs['document'])}{subject}请假{_num(days)}天，需经其同意或批准的有{emit.CHOICE}。"
                q = self.base(rs, path, "leave-steps", "多选", TOPIC["leave"], stem,
                              self.explain(rng["cite"], fact), rng["cite"])
                q.update(options=options, answer=emit.letters_of(options, actors), fact=fact)
                out.append(q)
                break
        return out
