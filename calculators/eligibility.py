"""Eligibility: can this person be sent, as first secretary or team member, under a rule set."""

from __future__ import annotations

from typing import Any

from . import common, tenure
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
    eq = next((e for e in rule_set.get("role_equivalences") or [] if e["role"] == role), None)
    if eq:
        # 队长 = 第一书记 where the text says so: the first secretary's conditions bind the team leader too;
        # where the text only says so 原则上 / for some villages, a failed condition needs the organisation's decision.
        for c in section["checks"]:
            if c.get("roles") and eq["same_as"] in c["roles"] and role not in c["roles"]:
                if eq.get("certainty", "definite") == "definite":
                    checks.append({**c, "label": f"{c['label']}（{eq['label']}）"})
                else:
                    outcome = "undetermined" if c["outcome"] == "ineligible" else c["outcome"]
                    checks.append({**c, "outcome": outcome, "label": f"{c['label']}——{eq['label']}，"
                                   "本人如兼任第一书记即须符合，需组织认定"})
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
    notes += [common.note_item(n) for n in section.get("notes") or []]

    hard = [c for c in checks if c["outcome"] == "ineligible"]
    checked = [c for c in passed if c["outcome"] == "ineligible"]
    if any(c["outcome"] == "ineligible" for c in fired):
        eligible: bool | None = False
        summary = "不能选派"
    elif any(c["outcome"] == "undetermined" for c in fired):
        eligible, summary = None, "需组织认定（见各项）"
    elif not hard:
        eligible, summary = None, f"本文件未规定{ROLE_LABELS[role]}的硬性选派条件，未核对"
    elif any(c["outcome"] == "ineligible" for c in unchecked):
        eligible = None
        summary = f"未核对完：还有 {len([c for c in unchecked if c['outcome'] == 'ineligible'])} 项条件没有填写"
    else:
        eligible, summary = True, f"已核对的 {len(checked)} 项硬性条件都满足"
    notes += common.unused_inputs(rule_set, "eligibility", inp,
                                  {"role"} | common.fields_in(rule_set, "eligibility", [c["when"] for c in checks]))
    return {
        **common.header(rule_set, "eligibility"),
        "role_label": ROLE_LABELS[role],
        "eligible": eligible,
        "summary": summary,
        "reasons": reasons,
        "unchecked": common.unchecked_items(unchecked, inp, "eligibility"),
        "tenure": tenure.findings(rule_set, inp, role),
        "notes": notes,
    }
