"""The calculators' public entry points: describe(), run(), run_json().

    describe() -> {"version", "calculators": {name: {...fields...}}, "rule_sets": {id: {...}},
                   "messages", "labels"}
    run(calculator, rules_id, payload) -> result dict, or raises InputError(field, message)
    run_json(calculator, rules_id, json_text) -> JSON text: the result, or {"error": {...}}
"""

from __future__ import annotations

import json
from typing import Any, Callable

from . import assessment, attendance, eligibility, leave, quota
from .fields import ACTION_LABELS, CALCULATORS, MAX_REASONS, MESSAGES, ROLE_LABELS, fields_of
from .inputs import InputError, check_inputs, clip, parse_payload
from .loader import load_rule_sets
from .schema import supported_calculators

__all__ = ["InputError", "describe", "run", "run_json", "CALCULATOR_FUNCS"]

CALCULATOR_FUNCS: dict[str, Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]] = {
    "attendance": attendance.calculate,
    "leave": leave.calculate,
    "assessment": assessment.calculate,
    "quota": quota.calculate,
    "eligibility": eligibility.calculate,
}

# What each result key is called on the page (the one set of labels). A yes/no answer may be null: the
# clauses cannot settle it (no condition stated, an input left blank, or 需组织认定); the page says so.
OUTPUTS: dict[str, dict[str, str]] = {
    "attendance": {"compliant": "是否达标", "required": "要求天数", "shortfall": "差几天",
                   "findings": "核对结果", "consequences": "可能的后果", "silent": "条文是否未作规定",
                   "notes": "说明"},
    "leave": {"steps": "审批步骤", "approver": "批准人", "ambiguous": "条文重叠、有多种读法",
              "uncovered": "没有任何一档涵盖", "silent": "条文未规定审批人", "readings": "各种读法",
              "findings": "核对结果", "notes": "说明", "consequences": "后果", "citations": "依据条文"},
    "assessment": {"forced_tier": "条文强制的等次",
                   "annual_assessment": "本年度是否进行年度考核",
                   "excellent_eligible": "条文是否还允许评优秀",
                   "excellent": "评优秀的依据", "triggers": "触发的情形", "consequences": "后果",
                   "unlisted": "没有填写项、需对照条文的情形", "tenure": "任期与轮换", "silent": "条文未作规定",
                   "notes": "说明"},
    "quota": {"max_excellent": "优秀最多人数", "share_percent": "比例上限（%）", "findings": "计算过程",
              "notes": "说明"},
    "eligibility": {"eligible": "能否选派", "summary": "结论", "reasons": "逐项依据",
                    "notes": "说明"},
}

# Every result may carry these: what every result from the rule set must say once, and the inputs that
# would let the calculator check more (each names its field).
for _outputs in OUTPUTS.values():
    _outputs.setdefault("caveats", "注意（关于所选文件）")
    _outputs.setdefault("unchecked", "还可以填写的项目")



def _field_messages(f: dict[str, Any]) -> dict[str, str]:
    """The Chinese error texts for one field, ready to show next to it."""
    label, unit = f["label"], f.get("unit", "")
    m = {"required": MESSAGES["required"].format(label=label)}
    if f["type"] in ("integer", "number", "boolean", "choice"):
        m["type"] = MESSAGES[f["type"]].format(
            label=label, choices="、".join(c["label"] for c in f.get("choices", [])))
    if f["type"] == "list":
        m["type"] = MESSAGES["list"].format(label=label, max_items=f.get("max_items"))
    if "min" in f:
        key = "not_positive" if f.get("exclusive_min") else "negative"
        m["min"] = MESSAGES[key].format(label=label, min=f["min"])
    maxes = f["max_by"]["values"] if "max_by" in f else ({"": f["max"]} if "max" in f else {})
    for when, hi in maxes.items():
        why = MAX_REASONS.get(hi, "") if unit == "天" else ""
        m["max" + (f":{when}" if when else "")] = MESSAGES["too_big"].format(label=label, max=hi, unit=unit, why=why)
    return m


def _describe_field(f: dict[str, Any]) -> dict[str, Any]:
    out = dict(f)
    if "max_by" in f:
        out["max"] = max(f["max_by"]["values"].values())
    out["messages"] = _field_messages(f)
    return out


def describe() -> dict[str, Any]:
    rule_sets = load_rule_sets()
    calculators = {}
    for name, spec in CALCULATORS.items():
        calculators[name] = {
            "name": name,
            "title": spec["title"],
            "summary": spec["summary"],
            "fields": [_describe_field(f) for f in fields_of(name)],
            "outputs": OUTPUTS[name],
            "rule_sets": [rid for rid, rs in rule_sets.items() if name in supported_calculators(rs)],
        }
    sets = {
        rid: {
            "id": rid,
            "title": rs["short_name"],
            "short": rs["short_name"],
            "name": rs["name"],
            "jurisdiction": rs["jurisdiction"],
            "level": rs.get("level"),
            "document": rs["document"],
            "calculators": supported_calculators(rs),
            # sections that only say the document is silent (their result is that cited silence)
            "silent": [name for name in supported_calculators(rs)
                       if isinstance(rs[name], dict) and "silent" in rs[name]],
        }
        for rid, rs in rule_sets.items()
    }
    return {
        "version": 1,
        "calculators": calculators,
        "rule_sets": sets,
        "messages": dict(MESSAGES),
        "labels": {"actions": dict(ACTION_LABELS), "roles": dict(ROLE_LABELS)},
    }


def _names(items: Any) -> str:
    return "、".join(items) or "无"


def run(calculator: str, rules_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(calculator, str) or calculator not in CALCULATOR_FUNCS:
        raise InputError("calculator", MESSAGES["unknown_calculator"].format(
            name=clip(calculator), choices=_names(CALCULATOR_FUNCS)))
    rule_sets = load_rule_sets()
    if not isinstance(rules_id, str) or rules_id not in rule_sets:
        raise InputError("rules", MESSAGES["unknown_rules"].format(name=clip(rules_id), choices=_names(rule_sets)))
    rule_set = rule_sets[rules_id]
    if calculator not in supported_calculators(rule_set):
        ok = [rid for rid, rs in rule_sets.items() if calculator in supported_calculators(rs)]
        raise InputError("calculator", MESSAGES["unsupported"].format(
            rules=rule_set["short_name"], title=CALCULATORS[calculator]["title"], choices=_names(ok)))
    clean = check_inputs(calculator, payload)
    return CALCULATOR_FUNCS[calculator](rule_set, clean)


def run_json(calculator: str, rules_id: str, json_text: str) -> str:
    try:
        result: dict[str, Any] = run(calculator, rules_id, parse_payload(json_text))
    except InputError as exc:
        result = exc.as_dict()
    return json.dumps(result, ensure_ascii=False)
