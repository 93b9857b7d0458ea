"""Leave: who consents, who approves and who files a request of N days.

Ranges are taken from the rule set with their bounds as worded. A day count that falls in two
ranges with different steps is an overlap (`ambiguous`: every reading is shown); one that falls
in none is `uncovered`. A range marked `specific` (e.g. a rule for team leaders only) replaces the
general ranges for that role, and the general reading is kept in the notes.
"""

from __future__ import annotations

from typing import Any

from . import common
from .common import Item, finding
from .conditions import describe_bounds, in_bounds
from .fields import ACTION_LABELS, ROLE_LABELS


def _steps(rng: dict[str, Any], after: list[dict[str, Any]], role: str) -> list[dict[str, Any]]:
    steps = [{"by": s["by"], "action": s["action"], "cite": rng["cite"]} for s in rng["steps"]]
    approver = _approver(steps)
    for s in after:
        if s.get("roles") and role not in s["roles"]:
            continue
        by = approver if s["by"] == "准假单位" and approver else s["by"]
        step = {"by": by, "action": s["action"], "cite": s["cite"]}
        if step not in steps:
            steps.append(step)
    return steps


def _approver(steps: list[dict[str, Any]]) -> str | None:
    return next((s["by"] for s in steps if s["action"] == "approval"), None)


def _steps_text(steps: list[dict[str, Any]]) -> str:
    return "，".join(f"{s['by']}{ACTION_LABELS[s['action']]}" for s in steps)


def _range_text(rng: dict[str, Any]) -> str:
    return f"{rng['label']}（{describe_bounds(rng, '天')}）：{_steps_text([dict(s) for s in rng['steps']])}"


def calculate(rule_set: dict[str, Any], inp: dict[str, Any]) -> dict[str, Any]:
    section = rule_set["leave"]
    role, days = inp["role"], inp["days"]
    after = section.get("after_steps") or []
    notes: list[Item] = []
    steps: list[dict[str, Any]] = []
    readings: list[dict[str, Any]] = []
    approver = None
    ambiguous = uncovered = silent = False

    ranges = [r for r in section.get("ranges") or [] if role in r["roles"]]
    if "silent" in section and not ranges:
        silent = True
        notes.append(common.note_item(section["silent"]))
    else:
        matches = [r for r in ranges if in_bounds(days, r)]
        chosen = [r for r in matches if r.get("specific")] or matches
        for r in matches:
            if r not in chosen:
                notes.append(finding(f"一般规定“{_range_text(r)}”也涵盖 {days} 天，"
                                     f"但{ROLE_LABELS[role]}另有专门规定，按专门规定列出；如认为应适用一般规定，请以条文为准。",
                                     r["cite"]))
        for r in chosen:
            s = _steps(r, after, role)
            readings.append({"approver": _approver(s), "steps": s, "text": _range_text(r), "cite": r["cite"]})
            if r.get("implied"):
                notes.append(finding(r["implied"], r["cite"]))
        distinct = {tuple((x["by"], x["action"]) for x in rd["steps"]) for rd in readings}
        if not readings:
            uncovered = True
            ladder = "；".join(_range_text(r) for r in ranges)
            notes.append(finding(f"{days} 天不在条文规定的任何一档内，条文没有规定由谁审批。条文的各档：{ladder}。",
                                 ranges[0]["cite"] if ranges else None))
        elif len(distinct) > 1:
            ambiguous = True
            both = "；".join(rd["text"] for rd in readings)
            notes.append(finding(f"{days} 天同时落在{len(readings)}档内（条文的范围重叠），各档审批人不同，"
                                 f"本计算器不替条文选择：{both}。", readings[0]["cite"]))
        else:
            steps = readings[0]["steps"]
            approver = _approver(steps)

    facts = dict(inp)
    facts["leave_total"] = days + (inp.get("leave_days_year") or 0)
    fired, unchecked = common.check_triggers(rule_set, "leave", facts)
    if "leave_days_year" not in inp:
        unchecked += [t for t in common.triggers_for(rule_set, "leave")
                      if t not in fired and "leave_total" in common.fields_used(t["when"])]
    consequences: list[Item] = []
    findings: list[Item] = []
    for t in fired:
        findings.append(common.trigger_finding(t, facts))
        common.add_unique(consequences, common.consequences(rule_set, t.get("consequences") or []))
    notes += common.trigger_notes(fired)
    notes += common.unchecked_note(unchecked)
    notes += [common.note_item(n) for n in section.get("notes") or []]

    cites = [rd["cite"] for rd in readings] + [s["cite"] for rd in readings for s in rd["steps"]]
    cites += [i["cite"] for i in findings + consequences + notes if i.get("cite")]
    return {
        **common.header(rule_set, "leave"),
        "steps": steps,
        "approver": approver,
        "ambiguous": ambiguous,
        "uncovered": uncovered,
        "silent": silent,
        "readings": readings,
        "findings": findings,
        "notes": notes,
        "consequences": consequences,
        "citations": list(dict.fromkeys(cites)),
    }
