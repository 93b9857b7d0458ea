"""Pieces every calculator shares: findings, consequences and triggers from a rule set."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .conditions import evaluate, fields_used
from .fields import CALCULATORS
from .schema import expand_refs

Item = dict[str, Any]

DERIVED_LABELS = {
    "days_in_village_month": "本月驻村工作天数",
    "days_in_village_year": "全年驻村工作天数",
    "leave_total": "本年已批准请假天数（请假时加上本次天数）",
    "disapproval_ratio": "不称职得票率",
}


def finding(text: str, cite: str | None) -> Item:
    return {"text": text, "cite": cite}


def note_item(note: dict[str, Any]) -> Item:
    return finding(note["text"], note.get("cite"))


def add_unique(items: list[Item], new: list[Item]) -> None:
    for item in new:
        if item not in items:
            items.append(item)


def label_of(name: str) -> str:
    if name in DERIVED_LABELS:
        return DERIVED_LABELS[name]
    for calc in CALCULATORS.values():
        for f in calc["fields"]:
            if f["name"] == name:
                return f["label"]
    return name


def show_value(v: Any) -> str:
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, Fraction):
        return f"{v.numerator}/{v.denominator}（约{float(v) * 100:.1f}%）"
    if isinstance(v, list):
        return "、".join(map(str, v)) or "无"
    return str(v)


def facts_text(cond: dict[str, Any], facts: dict[str, Any]) -> str:
    """"填写：全年驻村工作天数 195" for the fields a condition used."""
    parts = []
    for name in dict.fromkeys(fields_used(cond)):
        if facts.get(name) is not None:
            parts.append(f"{label_of(name)} {show_value(facts[name])}")
    return f"（填写：{'，'.join(parts)}）" if parts else ""


def consequences(rule_set: dict[str, Any], refs: list[str]) -> list[Item]:
    table = rule_set.get("consequences") or {}
    ids = expand_refs(refs, table, rule_set.get("groups") or {})
    return [finding(table[i]["label"], table[i]["cite"]) for i in ids]


def consequence_kinds(rule_set: dict[str, Any], refs: list[str]) -> list[str]:
    table = rule_set.get("consequences") or {}
    return [table[i]["kind"] for i in expand_refs(refs, table, rule_set.get("groups") or {})]


def triggers_for(rule_set: dict[str, Any], calculator: str) -> list[dict[str, Any]]:
    return [t for t in rule_set.get("triggers") or [] if calculator in t["applies_to"]]


def check_triggers(rule_set: dict[str, Any], calculator: str, facts: dict[str, Any]
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(fired, unchecked): triggers whose condition holds, and those lacking an input."""
    fired, unchecked = [], []
    for t in triggers_for(rule_set, calculator):
        result = evaluate(t["when"], facts)
        if result is True:
            fired.append(t)
        elif result is None:
            unchecked.append(t)
    return fired, unchecked


def is_definite(trigger: dict[str, Any]) -> bool:
    return trigger.get("certainty", "definite") == "definite"


def trigger_finding(trigger: dict[str, Any], facts: dict[str, Any]) -> Item:
    prefix = "" if is_definite(trigger) else "可能适用："
    return finding(prefix + trigger["label"] + facts_text(trigger["when"], facts), trigger["cite"])


def trigger_notes(triggers: list[dict[str, Any]]) -> list[Item]:
    return [finding(t["note"], t["cite"]) for t in triggers if t.get("note")]


def unchecked_note(unchecked: list[dict[str, Any]]) -> list[Item]:
    if not unchecked:
        return []
    labels = "；".join(
        f"{t['label']}（需填写：{'、'.join(label_of(n) for n in dict.fromkeys(fields_used(t['when'])))}）"
        for t in unchecked)
    return [finding(f"以下情形因缺少填写项未核对：{labels}。", None)]


def citations_of(items: list[Item]) -> list[str]:
    return list(dict.fromkeys(i["cite"] for i in items if i.get("cite")))


def header(rule_set: dict[str, Any], calculator: str) -> dict[str, Any]:
    return {"calculator": calculator, "rules": rule_set["id"], "rules_name": rule_set["short_name"]}
