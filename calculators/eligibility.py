"""Eligibility: can this person be sent, as first secretary or team member, under a rule set."""

from __future__ import annotations

from typing import Any

from . import common
from .common import Item, finding
from .conditions import evaluate
from .fields import ROLE_LABELS

OUTCOME_PREFIX = {
    "ineligible": "不符合：",
    "undetermined": "需组织认定：",
    "preferred": "优先条件：",
}


def calculate(rule_set: dict[str, Any], inp: dict[str, Any]) -> dict[str, Any]:
    section = rule_set["eligibility"]
    role = inp["role"]
    checks = [c for c in section["checks"] if not c.get("roles") or role in c["roles"]]
    fired: list[dict[str, Any]] = []
    passed: list[dict[str, Any]] = []
    unchecked: list[dict[str, Any]] = []
    for c in checks:
        result = evaluate(c["when"], inp)
        (fired if result else passed if result is False else unchecked).append(c)

    reasons: list[Item] = []
    for outcome in ("ineligible", "undetermined", "preferred"):
        for c in fired:
            if c["outcome"] == outcome:
                text = OUTCOME_PREFIX[outcome] + c["label"] + common.facts_text(c["when"], inp)
                reasons.append(finding(text, c["cite"]))
    for c in passed:
        if c["outcome"] == "ineligible":
            reasons.append(finding(f"已核对，不构成障碍：{c['label']}", c["cite"]))

    notes: list[Item] = [finding(c["note"], c["cite"]) for c in fired if c.get("note")]
    notes += common.unchecked_note(unchecked)
    notes += [common.note_item(n) for n in section.get("notes") or []]

    if any(c["outcome"] == "ineligible" for c in fired):
        eligible: bool | None = False
    elif any(c["outcome"] == "undetermined" for c in fired) or any(
            c["outcome"] == "ineligible" for c in unchecked):
        eligible = None
    else:
        eligible = True
    summary = {False: "不能选派", None: "不能仅凭条文确定（见各项）", True: "条文所列的硬性条件均已满足"}[eligible]
    return {
        **common.header(rule_set, "eligibility"),
        "role_label": ROLE_LABELS[role],
        "eligible": eligible,
        "summary": summary,
        "reasons": reasons,
        "notes": notes,
    }
