"""Leave questions: who approves N days (单选), both approvers where two ranges include N (多选), everyone
who must consent or approve (多选), read through the leave calculator itself."""
from __future__ import annotations

import math

from . import emit
from .rule_builder import _num
from .rule_text import (ACTOR_FAMILIES, ROLE_ORDER, ROLE_WORDS, ROLE_WORDS_BY_DOC, TOPIC, loosely_in)


class LeaveQuestions:
    # --- leave
    def leave(self, rs) -> list[dict]:
        section = rs.get("leave") or {}
        ranges = section.get("ranges") or []
        if not ranges:
            return []
        from calculators import leave as leave_calc
        out = []
        roles = [r for r in ROLE_ORDER if any(r in rng["roles"] for rng in ranges)]
        top = max(_bounds(rng)[1] or _bounds(rng)[0] for rng in ranges)
        overlaps_done = set()
        for rng in ranges:
            for role in [r for r in ROLE_ORDER if r in rng["roles"]]:
                picks = self.leave_days(rs, rng, role, leave_calc)
                for tag, days in picks:
                    q = self.leave_single(rs, rng, role, days, tag, roles, leave_calc)
                    if q:
                        out.append(q)
                if picks:
                    break   # one role per range: the same approver asked twice is not two questions
        for role in roles:
            for days in range(1, int(top) + 2):
                res = leave_calc.calculate(rs, {"role": role, "days": days})
                if not res["ambiguous"]:
                    continue
                approvers = tuple(sorted({rd["approver"] for rd in res["readings"] if rd["approver"]}))
                if (days, approvers) in overlaps_done or len(approvers) < 2:
                    continue
                overlaps_done.add((days, approvers))
                q = self.leave_overlap(rs, role, days, res, roles, ranges)
                if q:
                    out.append(q)
        return out

    def leave_days(self, rs, rng, role, calc) -> list[tuple[str, int]]:
        """Day counts the calculator reads unambiguously with this range: one inside, plus each bound."""
        lo, hi = _bounds(rng)
        hi_search = hi if hi is not None else lo + 6
        good = []
        for d in range(max(1, int(math.ceil(lo))), int(hi_search) + 1):
            res = calc.calculate(rs, {"role": role, "days": d})
            if res["ambiguous"] or res["uncovered"] or res["silent"] or not res["readings"]:
                continue
            if res["readings"][0]["cite"] != rng["cite"] or res["readings"][0]["text"] != calc._range_text(rng):
                continue
            good.append(d)
        if not good:
            return []
        bounds = {b for r in (rs["leave"]["ranges"]) for b in _bounds(r) if b is not None}
        inner = [d for d in good if d not in bounds]
        picks = []
        if inner:
            picks.append(("typical", emit.shuffled(inner, rs["id"], rng["label"], role)[0]))
        for tag in ("min_inclusive", "max_inclusive"):   # 以上/以内 include the number: ask the bound itself
            if rng.get(tag) in good:
                picks.append((tag, rng[tag]))
        return picks

    def role_subject(self, rs, role, days, roles, calc) -> str:
        """驻村干部 when every role gets the same steps for this day count, else the role's name."""
        if len(roles) == 3:
            steps = {tuple((s["by"], s["action"]) for s in calc.calculate(rs, {"role": r, "days": days})["steps"])
                     for r in roles}
            if len(steps) == 1:
                return "驻村干部"
        return {**ROLE_WORDS, **ROLE_WORDS_BY_DOC.get(rs["document"], {})}[role]

    def leave_actors(self) -> list[str]:
        seen = []
        for rs in self.rule_sets.values():
            for rng in (rs.get("leave") or {}).get("ranges") or []:
                for s in rng["steps"]:
                    if s["action"] == "approval" and s["by"] not in seen:
                        seen.append(s["by"])
        return seen

    def literal_actors(self, rs, role, days) -> set:
        """Everyone in any step of any range that contains the day count as worded (implied bounds dropped)."""
        names = set()
        for rng in (rs.get("leave") or {}).get("ranges") or []:
            if role not in rng["roles"]:
                continue
            spec = {k: v for k, v in rng.items() if k in ("min_inclusive", "max_inclusive", "min_exclusive",
                                                          "max_exclusive")}
            if rng.get("implied"):
                spec.pop("min_exclusive", None)
            from calculators.conditions import in_bounds
            if in_bounds(days, spec):
                names |= {s["by"] for s in rng["steps"]}
        names |= {s["by"] for s in (rs.get("leave") or {}).get("after_steps") or []}
        return names

    def actor_distractors(self, rs, right: set, role, days, subject, n, seed) -> list[str]:
        banned = set(right) | self.literal_actors(rs, role, days) | {subject}
        for fam in ACTOR_FAMILIES:
            if banned & fam:
                banned |= fam
        own = [s["by"] for rng in rs["leave"]["ranges"] for s in rng["steps"]]
        candidates = [a for a in self.leave_actors() if a not in banned and not loosely_in(a, subject)]
        first = emit.shuffled([a for a in candidates if a in own], *seed, "own")
        rest = emit.shuffled([a for a in candidates if a not in own], *seed, "other")
        picked = []
        for a in dict.fromkeys(first + rest):   # at most one of 乡镇党委 / 镇（街道）党（工）委书记 / ...
            if not any(a in fam and any(b in fam for b in picked) for fam in ACTOR_FAMILIES):
                picked.append(a)
        return picked[:n]

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
        extra = self.implied_note(rng, days)
        explanation = self.explain(rs, rng["cite"], fact, extra)
        mid = f"经{'、'.join(consent)}同意后，报{emit.CHOICE}批准" if consent else f"应由{emit.CHOICE}批准"
        stem = f"{self.intro(rs)}{subject}请假{_num(days)}天，{mid}。"
        options = emit.shuffled([approver, *wrong], rs["id"], path, "order")
        q = self.base(rs, path, "leave", "单选", TOPIC["leave"], stem, explanation, rng["cite"])
        q.update(options=options, answer=emit.letters_of(options, [approver]), fact=fact)
        return q

    def implied_note(self, rng, days) -> str:
        lo, hi = _bounds(rng)
        bits = []
        if "max_inclusive" in rng and days == rng["max_inclusive"] or "min_inclusive" in rng and days == rng["min_inclusive"]:
            bits.append(f"“以上”“以内”都包含本数，{_num(days)}天属于这一档。")
        return "".join(bits)

    def leave_overlap(self, rs, role, days, res, roles, ranges):
        readings = [rd for rd in res["readings"] if rd["approver"]]
        approvers = list(dict.fromkeys(rd["approver"] for rd in readings))
        subject = {**ROLE_WORDS, **ROLE_WORDS_BY_DOC.get(rs["document"], {})}[role]
        if len(roles) == 3 and all(calc_same(rs, r, days, res) for r in roles):
            subject = "驻村干部"
        path = f"leave.overlap.{role}.{days}"
        wrong = self.actor_distractors(rs, set(approvers), role, days, subject, 2, (rs["id"], path))
        if len(wrong) < 2:
            return None
        quotes = [r["quote"] for r in ranges if r["cite"] == readings[0]["cite"]
                  and any(rd["text"].startswith(r["label"] + "（") for rd in readings)]
        fact = self.fact_span(readings[0]["cite"], quotes) if quotes else ""
        if not fact:
            return None
        labels = "”和“".join(r["label"] for r in ranges if any(rd["text"].startswith(r["label"] + "（")
                                                               for rd in readings))
        extra = (f"“以上”“以内”都包含本数，{_num(days)}天同时落在“{labels}”两档，两档的批准人不同，"
                 f"条文没有说明适用哪一档：实际办理时应向管理部门确认。")
        stem = (f"{self.intro(rs)}{subject}请假恰好{_num(days)}天。按“以上、以内均包含本数”的计数规则，"
                f"这一天数同时落在条文规定的两档中，条文字面上对应的批准人有{emit.CHOICE}。")
        options = emit.shuffled([*approvers, *wrong], rs["id"], path, "order")
        q = self.base(rs, path, "overlap", "多选", TOPIC["leave"], stem,
                      self.explain(rs, readings[0]["cite"], fact, extra), readings[0]["cite"])
        q.update(options=options, answer=emit.letters_of(options, approvers), fact=fact)
        return q

    def leave_steps(self, rs) -> list[dict]:
        """多选: everyone who must agree or approve, where the text names more than one."""
        from calculators import leave as calc
        section = rs.get("leave") or {}
        ranges = section.get("ranges") or []
        roles = [r for r in ROLE_ORDER if any(r in rng["roles"] for rng in ranges)]
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
                stem = f"{self.intro(rs)}{subject}请假{_num(days)}天，需经其同意或批准的有{emit.CHOICE}。"
                q = self.base(rs, path, "leave-steps", "多选", TOPIC["leave"], stem,
                              self.explain(rs, rng["cite"], fact), rng["cite"])
                q.update(options=options, answer=emit.letters_of(options, actors), fact=fact)
                out.append(q)
                break
        return out


def calc_same(rs, role, days, res) -> bool:
    from calculators import leave as calc
    other = calc.calculate(rs, {"role": role, "days": days})
    return {rd["approver"] for rd in other["readings"]} == {rd["approver"] for rd in res["readings"]}




def _bounds(rng) -> tuple:
    lo = rng.get("min_inclusive", rng.get("min_exclusive", 0) + (1 if "min_exclusive" in rng else 0))
    hi = rng.get("max_inclusive", rng.get("max_exclusive", None))
    if hi is not None and "max_exclusive" in rng:
        hi = hi - 1
    return lo, hi


