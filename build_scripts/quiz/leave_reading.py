"""What the leave question kinds (rule_leave, rule_overlap, rule_leave_steps) share: day counts the leave
calculator reads unambiguously, whom a stem names, and approvers that are safe as wrong options."""
from __future__ import annotations

import math

from . import emit
from build_scripts.corpus import Corpus
from calculators.vocabulary import ROLE_WORDS

from .rule_text import ROLE_ORDER, TOWNSHIP_ACTORS, loosely_in


class LeaveReading:
    def leave_roles(self, ranges) -> list[str]:
        """The roles the ranges name, members first."""
        return [r for r in ROLE_ORDER if any(r in rng["roles"] for rng in ranges)]

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

    def role_word(self, rs, role) -> str:
        """The role as the document names it (documents.yml role_words: 驻村工作组组长 in Hebei's measures)."""
        return role_words(self.corpus, rs["document"])[role]

    def actor_families(self) -> list[set]:
        """Approvers that overlap in meaning: the township's, and the team leader as each document names it."""
        leaders = {role_words(self.corpus, d)["team_leader"] for d in self.corpus.documents}
        return [TOWNSHIP_ACTORS, leaders]

    def role_subject(self, rs, role, days, roles, calc) -> str:
        """驻村干部 when every role gets the same steps for this day count, else the role's name."""
        if len(roles) == 3:
            steps = {tuple((s["by"], s["action"]) for s in calc.calculate(rs, {"role": r, "days": days})["steps"])
                     for r in roles}
            if len(steps) == 1:
                return "驻村干部"
        return self.role_word(rs, role)

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
        from calculators.conditions import in_bounds
        names = set()
        for rng in (rs.get("leave") or {}).get("ranges") or []:
            if role not in rng["roles"]:
                continue
            spec = {k: v for k, v in rng.items() if k in ("min_inclusive", "max_inclusive", "min_exclusive",
                                                          "max_exclusive")}
            if rng.get("implied"):
                spec.pop("min_exclusive", None)
            if in_bounds(days, spec):
                names |= {s["by"] for s in rng["steps"]}
        names |= {s["by"] for s in (rs.get("leave") or {}).get("after_steps") or []}
        return names

    def actor_distractors(self, rs, right: set, role, days, subject, n, seed) -> list[str]:
        banned = set(right) | self.literal_actors(rs, role, days) | {subject}
        families = self.actor_families()
        for fam in families:
            if banned & fam:
                banned |= fam
        own = [s["by"] for rng in rs["leave"]["ranges"] for s in rng["steps"]]
        candidates = [a for a in self.leave_actors() if a not in banned and not loosely_in(a, subject)]
        first = emit.shuffled([a for a in candidates if a in own], *seed, "own")
        rest = emit.shuffled([a for a in candidates if a not in own], *seed, "other")
        picked = []
        for a in dict.fromkeys(first + rest):   # at most one of 乡镇党委 / 镇（街道）党（工）委书记 / ...
            if not any(a in fam and any(b in fam for b in picked) for fam in families):
                picked.append(a)
        return picked[:n]


def role_words(corpus: Corpus, doc: str) -> dict[str, str]:
    """How a question's sentence names each role for this document: vocabulary.json's words, or the
    document's own (documents.yml role_words)."""
    return {**ROLE_WORDS, **(corpus.documents[doc].meta.get("role_words") or {})}


def _bounds(rng) -> tuple:
    lo = rng.get("min_inclusive", rng.get("min_exclusive", 0) + (1 if "min_exclusive" in rng else 0))
    hi = rng.get("max_inclusive", rng.get("max_exclusive", None))
    if hi is not None and "max_exclusive" in rng:
        hi = hi - 1
    return lo, hi
