"""Attendance: are the days in the village enough for the period, and what follows if not."""

from __future__ import annotations

from typing import Any

from . import common, tenure
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
    excused_open = False

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
        elif req.get("counts_unclear"):
            notes.append(finding(req["counts_unclear"], req["cite"]))
        if req.get("note"):
            notes.append(finding(req["note"], req["cite"]))
        year_open = period == "year" and inp.get("whole_year") is False
        excuse = section.get("excuse")
        if shortfall == 0:
            compliant = True
            findings.append(finding(f"达到{word}的要求（填写 {days} 天）。", req["cite"]))
        elif year_open:
            compliant = None
            findings.append(finding(f"全年尚未结束或驻村未满一年：目前 {days} 天，按{word}的要求还差 {shortfall} 天，"
                                    "年度结束时才能确定是否达标。", req["cite"]))
        else:
            findings.append(finding(f"未达到{word}的要求：填写 {days} 天，差 {shortfall} 天。", req["cite"]))
            compliant = False
            if inp.get("excused") is True:
                if excuse and excuse["allowed"]:
                    compliant = True
                    findings.append(finding(f"缺少的天数已办请假手续：{excuse['label']}。", excuse["cite"]))
                else:
                    compliant, silent = None, True
                    excused_open = True
                    notes.append(finding("缺少的天数已办请假手续，但本文件没有说明经批准的请假能否抵作驻村天数，"
                                         "是否算达标无法从条文得出。", req["cite"]))
            elif inp.get("excused") is None and excuse and excuse["allowed"]:
                compliant = None
                notes.append(finding(f"本文件允许经批准的请假说明天数不足（{excuse['label']}）；"
                                     "没有填写缺少的天数是否办了请假手续，所以不能确定是否达标。", excuse["cite"]))

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
    definite = []
    for t in fired:
        on_days = f"days_in_village_{period}" in common.fields_used(t["when"])
        if on_days and excused_open:
            # The shortfall itself is in doubt (leave may count): what follows from it is only possible.
            t = {**t, "certainty": "possible",
                 "note": "缺少的天数已请假，条文没有说明请假能否抵作驻村天数，这一后果是否适用需组织认定。"}
        certainty = common.fired_trigger(rule_set, t, facts, findings, consequences)
        if certainty == "definite":
            definite.append(t)
            if t.get("breach", True) and compliant is True:
                compliant = False
    notes += common.trigger_notes(definite)
    notes += [common.note_item(n) for n in section.get("notes") or []]

    used = {"period", "days_in_village"} | common.fields_in(rule_set, "attendance")
    if section.get("nights"):
        used.add("nights_in_village")
    if section.get("excuse") or req is not None:
        used.add("excused")
    if period == "year" and req is not None or any(
            common._has_year_shortfall(t["when"]) or t.get("tier") for t in common.triggers_for(rule_set, "attendance")):
        used.add("whole_year")
    notes += common.unused_inputs(rule_set, "attendance", inp, used)
    pending = common.unchecked_items(unchecked, facts, "attendance")
    if any(f.get("certainty") == "possible" and "whole_year" in used for f in findings) and inp.get("whole_year") is None:
        pending.insert(0, {"field": "whole_year", "label": common.label_of("whole_year"),
                           "why": "全年天数、年度考核", "cite": None})

    return {
        **common.header(rule_set, "attendance"),
        "compliant": compliant,
        "required": required,
        "shortfall": shortfall,
        "findings": findings,
        "consequences": consequences,
        "silent": silent,
        "unchecked": pending,
        # where no assessment or eligibility result shows the term, the attendance result does
        "tenure": [] if ("assessment" in rule_set or "eligibility" in rule_set) else tenure.findings(rule_set, inp),
        "notes": notes,
    }
