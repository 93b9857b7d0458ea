"""Assessment: the tier a rule set imposes, whether 优秀 is still open, and what follows."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from . import common
from .common import Item, finding
from .conditions import evaluate


def _worst(tiers: list[str], order: list[str]) -> str:
    ranked = sorted(tiers, key=lambda t: order.index(t) if t in order else len(order))
    return ranked[-1]


def calculate(rule_set: dict[str, Any], inp: dict[str, Any]) -> dict[str, Any]:
    section = rule_set["assessment"]
    facts = dict(inp)
    notes: list[Item] = []
    if inp.get("disapproval_votes") is not None and inp.get("total_votes"):
        facts["disapproval_ratio"] = Fraction(inp["disapproval_votes"], inp["total_votes"])
    elif inp.get("disapproval_votes") is not None and inp.get("total_votes") == 0:
        notes.append(finding("总票数为 0，无法计算不称职得票率。", None))

    annual = True
    applies = section.get("applies")
    if applies is not None:
        result = evaluate(applies["when"], facts)
        if result is False:
            annual = False
            notes.append(finding(f"不满足“{applies['label']}”：本年度不进行年度考核，"
                                 "条文规定的“直接评定等次”无从适用，下面只列出其他后果。", applies["cite"]))
        elif result is None:
            notes.append(finding(f"未填写已驻村月数，按已满足“{applies['label']}”计算。", applies["cite"]))

    fired, unchecked = common.check_triggers(rule_set, "assessment", facts)
    triggers = [common.trigger_finding(t, facts) for t in fired]
    consequences: list[Item] = []
    tiers_seen: list[str] = []
    for t in fired:
        refs = t.get("consequences") or []
        items = common.consequences(rule_set, refs)
        if not annual:
            kinds = common.consequence_kinds(rule_set, refs)
            items = [i for i, k in zip(items, kinds) if k != "tier"]
        common.add_unique(consequences, items)
        if t.get("tier") and common.is_definite(t) and annual:
            tiers_seen.append(t["tier"])

    order = (section.get("tiers") or {}).get("value") or []
    forced_tier = _worst(tiers_seen, order) if tiers_seen else None
    if forced_tier:
        tier_refs = (section.get("tier_consequences") or {}).get(forced_tier) or []
        common.add_unique(consequences, common.consequences(rule_set, tier_refs))

    blocked = [t for t in fired if t.get("blocks_excellent") and common.is_definite(t)]
    excellent_eligible = not forced_tier and not blocked
    if section.get("excellent"):
        ex = section["excellent"]
        notes.append(finding(f"评为优秀的条件：{ex['label']}。", ex["cite"]))
    if "quota" in rule_set:
        q = rule_set["quota"]["excellent_share"]
        notes.append(finding(f"优秀等次另受名额限制：{q['label']}{q['value']}%。", q["cite"]))

    notes += common.trigger_notes(fired)
    notes += common.unchecked_note(unchecked)
    notes += [common.note_item(n) for n in section.get("notes") or []]
    return {
        **common.header(rule_set, "assessment"),
        "forced_tier": forced_tier,
        "excellent_eligible": excellent_eligible,
        "triggers": triggers,
        "consequences": consequences,
        "silent": not (rule_set.get("triggers") or section.get("tiers")),
        "notes": notes,
    }
