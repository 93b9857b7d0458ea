"""Attendance: are the days in the village enough for the period, and what follows if not."""

from __future__ import annotations

from typing import Any

from . import common
from .common import Item, finding

PERIOD_WORD = {"month": "每月", "year": "每年"}


def _requirement_for(section: dict[str, Any], key: str, period: str) -> dict[str, Any] | None:
    return next((r for r in section.get(key) or [] if r["period"] == period), None)


def _silent(section: dict[str, Any], period: str) -> list[Item]:
    other = [r for r in section.get("requirements") or [] if r["period"] != period]
    notes: list[Item] = []
    text = f"本文件没有规定{PERIOD_WORD[period]}的驻村天数，无法按{PERIOD_WORD[period]}核对。"
    if other:
        r = other[0]
        text += f"它规定的是{PERIOD_WORD[r['period']]}不少于{r['min_inclusive']}天，请改按{'月' if r['period'] == 'month' else '年'}核对。"
        notes.append(finding(text, r["cite"]))
    elif "silent" in section:
        notes.append(finding(text, None))
        notes.append(common.note_item(section["silent"]))
    else:
        notes.append(finding(text, None))
    return notes


def calculate(rule_set: dict[str, Any], inp: dict[str, Any]) -> dict[str, Any]:
    section = rule_set["attendance"]
    period, days = inp["period"], inp["days_in_village"]
    facts = dict(inp)
    facts[f"days_in_village_{period}"] = days
    facts["leave_total"] = inp.get("leave_days_year")

    findings: list[Item] = []
    consequences: list[Item] = []
    notes: list[Item] = []
    compliant: bool | None
    required = shortfall = None
    silent = False

    req = _requirement_for(section, "requirements", period)
    if req is None:
        silent, compliant = True, None
        notes += _silent(section, period)
    else:
        required = req["min_inclusive"]
        shortfall = max(0, required - days)
        word = f"{req['label']}不少于{required}天"
        if req.get("counts"):
            notes.append(finding(f"计入驻村天数的：{req['counts']}。", req["cite"]))
        if req.get("note"):
            notes.append(finding(req["note"], req["cite"]))
        if shortfall == 0:
            compliant = True
            findings.append(finding(f"达到{word}的要求（填写 {days} 天）。", req["cite"]))
        else:
            findings.append(finding(f"未达到{word}的要求：填写 {days} 天，差 {shortfall} 天。", req["cite"]))
            compliant = False
            excuse = section.get("excuse")
            if inp.get("excused") is True:
                if excuse and excuse["allowed"]:
                    compliant = True
                    findings.append(finding(f"缺少的天数已办请假手续：{excuse['label']}。", excuse["cite"]))
                else:
                    compliant, silent = None, True
                    notes.append(finding("缺少的天数已办请假手续，但本文件没有说明经批准的请假能否抵作驻村天数，"
                                         "是否算达标无法从条文得出。", req["cite"]))

    nights_req = _requirement_for(section, "nights", period)
    if nights_req is not None:
        need = nights_req["min_inclusive"]
        nights = inp.get("nights_in_village")
        if nights is None:
            notes.append(finding(f"未填写在村住宿天数，未核对：{nights_req['label']}不少于{need}天。",
                                 nights_req["cite"]))
        elif nights < need:
            findings.append(finding(f"未达到{nights_req['label']}不少于{need}天的要求：填写 {nights} 天，"
                                    f"差 {need - nights} 天。", nights_req["cite"]))
            compliant = False
        else:
            findings.append(finding(f"达到{nights_req['label']}不少于{need}天的要求（填写 {nights} 天）。",
                                    nights_req["cite"]))

    fired, unchecked = common.check_triggers(rule_set, "attendance", facts)
    for t in fired:
        findings.append(common.trigger_finding(t, facts))
        common.add_unique(consequences, common.consequences(rule_set, t.get("consequences") or []))
        if common.is_definite(t) and t.get("breach", True) and compliant is True:
            compliant = False
    notes += common.trigger_notes(fired)
    notes += common.unchecked_note(unchecked)
    notes += [common.note_item(n) for n in section.get("notes") or []]

    return {
        **common.header(rule_set, "attendance"),
        "compliant": compliant,
        "required": required,
        "shortfall": shortfall,
        "findings": findings,
        "consequences": consequences,
        "silent": silent,
        "notes": notes,
    }
