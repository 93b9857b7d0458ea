"""Tenure and rotation (任期、交接与轮换) from a rule set's `tenure` section, shown by the assessment
and eligibility calculators.

    findings(rule_set, inp, role=None) -> [{text, cite}]

`months_served` is compared with a term stated in years (不少于2年 → 24 months, inclusive);
`rotation_reason` with the grounds the text allows or forbids. A term written with 一般 / 原则上
is shown with that word: it is a rule with exceptions, not a bar.
"""

from __future__ import annotations

from typing import Any

from .common import Item, finding
from .vocabulary import ROTATION_REASONS

OUTCOME_WORDS = {"allowed": "条文允许", "forbidden": "条文不允许", "undetermined": "条文没有写明，需组织认定"}


def findings(rule_set: dict[str, Any], inp: dict[str, Any], role: str | None = None) -> list[Item]:
    section = rule_set.get("tenure")
    if not section:
        return []
    out: list[Item] = []
    months = inp.get("months_served")
    for item in section["items"]:
        if role and item.get("roles") and role not in item["roles"]:
            continue
        text = item["label"]
        if item.get("kind") == "term" and months is not None and item.get("unit") == "year" and "min_inclusive" in item:
            need = int(item["min_inclusive"]) * 12
            if months >= need:
                text += f"（已驻村 {months} 个月，已满 {need} 个月）"
            else:
                text += f"（已驻村 {months} 个月，还差 {need - months} 个月满 {need} 个月）"
        out.append(finding(text + "。", item["cite"]))
    reason = inp.get("rotation_reason")
    if reason:
        rule = next((r for r in section.get("rotation") or [] if reason in r["reasons"]), None)
        if rule is None:
            out.append(finding(f"轮换原因“{ROTATION_REASONS[reason]}”：本文件没有写明能否据此轮换，需组织认定。",
                               section["items"][0]["cite"]))
        else:
            out.append(finding(f"轮换原因“{ROTATION_REASONS[reason]}”：{OUTCOME_WORDS[rule['outcome']]}——{rule['label']}。",
                               rule["cite"]))
    out += [finding(n["text"], n.get("cite")) for n in section.get("notes") or []]
    return out
