"""Assessment: the tier a rule set imposes, whether 优秀 is still open, and what follows.

Certainty: a tier (and what the same sentence ties to it: recall, no promotion ...) is certain only
when an annual assessment applies this year and, for a "全年不足N天" rule, the figures cover a whole
assessment year (`common.trigger_certainty`); otherwise it is 可能适用 with both clauses.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from . import common, tenure
from .common import Item, finding
from .conditions import evaluate


def _worst(tiers: list[str], order: list[str]) -> str:
    ranked = sorted(tiers, key=lambda t: order.index(t) if t in order else len(order))
    return ranked[-1]


def _months(inp: dict[str, Any]) -> str:
    months = inp.get("months_served")
    return f"（已工作 {common.show_value(months)} 个月）" if months is not None else ""


def _excellent(rule_set: dict[str, Any], section: dict[str, Any], forced_tier: str | None,
               fired: list[tuple[dict[str, Any], str]], unchecked: list[dict[str, Any]],
               rating: str | None, annual: bool | None, applies: dict[str, Any] | None,
               inp: dict[str, Any]) -> tuple[bool | None, Item]:
    """(False: the text rules 优秀 out; None: it cannot say; True: checked and not ruled out)."""
    blockers = [(t, c) for t, c in fired if t.get("blocks_excellent") or t.get("tier")]
    tiers = (section.get("tiers") or {}).get("value") or []
    cite = (section.get("excellent") or section.get("tiers") or {}).get("cite")
    if forced_tier:
        return False, finding(f"条文规定直接评定为{forced_tier}，不能评为优秀。", cite)
    # A rule set that names who gets an annual assessment (神木: 工作半年以上的): outside it there is no
    # annual grade to speak of, and what happens instead is the text's silence, not "由考核决定".
    if applies and annual is False:
        return None, finding(f"不满足“{applies['label']}”{_months(inp)}：本年度不进行这项年度考核，也就没有它的等次"
                             "（包括优秀）；不满足这一条件的人是否另行评定等次、能否评为优秀，本文件未规定。",
                             applies["cite"])
    if applies and annual is None:
        return None, finding(f"条文规定“{applies['label']}”；没有填写已驻村月数，不能确定本年度是否进行年度考核，"
                             "也就不能确定能否评为优秀。", applies["cite"])
    definite = [t for t, c in blockers if c == "definite"]
    if definite:
        return False, finding(f"已出现条文排除评优的情形：{definite[0]['label']}。", definite[0]["cite"])
    if rating and rating != "优秀":
        return False, finding(f"填写的本年度考核等次是{rating}。", cite)
    has_rules = bool(section.get("excellent")) or "优秀" in tiers or any(
        t.get("blocks_excellent") for t in common.triggers_for(rule_set, "assessment"))
    if not has_rules:
        return None, finding("本文件未规定个人评为优秀的条件：填写的情况没有使条文排除优秀，"
                             "能否评为优秀由考核决定。", cite)
    if blockers:
        return None, finding(f"可能适用的情形会影响评优（{blockers[0][0]['label']}），需组织认定。",
                             blockers[0][0]["cite"])
    open_blockers = [t for t in unchecked if t.get("blocks_excellent") or t.get("tier")]
    if open_blockers:
        return None, finding("未核对：影响评优的情形还有未填写的项（见“还需填写”），不能确定。", cite)
    return True, finding("已核对的情形都没有排除评优；是否评为优秀仍由考核决定。", cite)


def calculate(rule_set: dict[str, Any], inp: dict[str, Any]) -> dict[str, Any]:
    section = rule_set["assessment"]
    facts = dict(inp)
    notes: list[Item] = []
    if inp.get("disapproval_votes") is not None and inp.get("total_votes"):
        facts["disapproval_ratio"] = Fraction(inp["disapproval_votes"], inp["total_votes"])
    elif inp.get("disapproval_votes") is not None and inp.get("total_votes") == 0:
        notes.append(finding("总票数为 0，无法计算不称职得票率。", None))

    annual, applies = common.annual_applies(rule_set, facts)
    if applies is not None and annual is False:
        notes.append(finding(f"不满足“{applies['label']}”：本年度不进行年度考核，下面凡以年度考核为前提的后果都只是可能适用。",
                             applies["cite"]))

    fired, unchecked = common.check_triggers(rule_set, "assessment", facts)
    triggers: list[Item] = []
    consequences: list[Item] = []
    certainties: list[tuple[dict[str, Any], str]] = []
    for t in fired:
        certainties.append((t, common.fired_trigger(rule_set, t, facts, triggers, consequences)))

    order = (section.get("tiers") or {}).get("value") or []
    definite_tiers = [t["tier"] for t, c in certainties if t.get("tier") and c == "definite"]
    forced_tier = _worst(definite_tiers, order) if definite_tiers else None
    rating = inp.get("rating")
    tier_table = section.get("tier_consequences") or {}
    if forced_tier:
        common.merge_consequences(consequences, common.consequences(rule_set, tier_table.get(forced_tier) or []))
        if rating and rating != forced_tier:
            notes.append(finding(f"填写的等次是{rating}，但条文规定直接评定为{forced_tier}。", None))
    elif rating and applies and annual is False:
        # a grade the user reports although this rule set holds no annual assessment for them: what the text
        # ties to its own annual grades is only possible
        notes.append(finding(f"填写的等次是{rating}；按条文本年度不进行年度考核，这个等次是否就是条文所说的"
                             "年度考核等次需组织认定。", applies["cite"]))
        common.merge_consequences(consequences, common.consequences(
            rule_set, tier_table.get(rating) or [], "possible", f"如{rating}是条文所说的年度考核等次"))
    elif rating:
        common.merge_consequences(consequences, common.consequences(rule_set, tier_table.get(rating) or []))
    for t, c in certainties:
        if t.get("tier") and c == "possible" and t["tier"] != forced_tier:
            common.merge_consequences(consequences, common.consequences(
                rule_set, tier_table.get(t["tier"]) or [], "possible", f"如评定为{t['tier']}"))

    excellent_eligible, excellent_item = _excellent(rule_set, section, forced_tier, certainties, unchecked, rating,
                                                    annual, applies, inp)
    if section.get("excellent"):
        ex = section["excellent"]
        notes.append(finding(f"评为优秀的条件：{ex['label']}。", ex["cite"]))
    if "quota" in rule_set:
        q = rule_set["quota"]["excellent_share"]
        notes.append(finding(f"优秀等次另受名额限制：{q['label']}{q['value']}%。", q["cite"]))

    notes += common.trigger_notes([t for t, c in certainties if c == "definite"])
    notes += [common.note_item(n) for n in section.get("notes") or []]
    manual = [finding(g["label"], g["cite"]) for g in section.get("unlisted") or []]

    used = common.fields_in(rule_set, "assessment", [applies["when"]] if applies else [])
    if applies or any(common._has_year_shortfall(t["when"]) for t in common.triggers_for(rule_set, "assessment")):
        used.add("months_served")
    if tier_table:
        used.add("rating")
    if rule_set.get("tenure"):
        used.update({"months_served", "rotation_reason"})
    notes += common.unused_inputs(rule_set, "assessment", inp, used)
    pending = common.unchecked_items(unchecked, facts, "assessment")
    if applies and inp.get("months_served") is None and any(t.get("tier") for t in fired):
        pending.insert(0, {"field": "months_served", "label": common.label_of("months_served"),
                           "why": applies["label"], "cite": applies["cite"]})
    if tier_table and rating is None and not forced_tier and not (applies and annual is False):
        pending.append({"field": "rating", "label": common.label_of("rating"),
                        "why": "等次本身引起的后果", "cite": section.get("tiers", {}).get("cite")})
    return {
        **common.header(rule_set, "assessment"),
        "forced_tier": forced_tier,
        # only where the rule set says who is assessed (神木: 工作半年以上的); elsewhere null
        "annual_assessment": annual if applies else None,
        "excellent_eligible": excellent_eligible,
        "excellent": excellent_item,
        "triggers": triggers,
        "consequences": consequences,
        "silent": not (rule_set.get("triggers") or section.get("tiers")),
        "unlisted": manual,
        "tenure": tenure.findings(rule_set, inp),
        "unchecked": pending,
        "notes": notes,
    }
