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
from .vocabulary import OWN_POST


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


def _is_own(role: str, by: str | None) -> bool:
    """The approver is the requester's own post (vocabulary.json roles' own_post): self-approval."""
    return bool(by) and any(by.endswith(name) for name in OWN_POST.get(role, ()))


def _equivalence(rule_set: dict[str, Any], role: str) -> dict[str, Any] | None:
    """The rule item that makes this role the same person as another (队长 = 第一书记)."""
    return next((e for e in rule_set.get("role_equivalences") or [] if e["role"] == role), None)


def _self_approval(rule_set: dict[str, Any], role: str, reading: dict[str, Any]) -> tuple[str, dict[str, Any] | None]:
    """("self" | "maybe" | "", the equivalence item): is the approver the requester?"""
    by = reading["approver"]
    if _is_own(role, by):
        return "self", None
    eq = _equivalence(rule_set, role)
    if eq and _is_own(eq["same_as"], by):
        return ("self" if eq.get("certainty", "definite") == "definite" else "maybe"), eq
    return "", None


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
        # The requester may also hold another post the text gives its own rule (第一书记兼任组长):
        # a definite equivalence applies that rule; a possible one adds it as a reading with its condition.
        for eq in rule_set.get("role_equivalences") or []:
            if eq["same_as"] != role or chosen and any(r.get("specific") for r in chosen):
                continue
            other = [r for r in section.get("ranges") or []
                     if eq["role"] in r["roles"] and role not in r["roles"] and (r.get("specific") or not ranges)
                     and in_bounds(days, r)]
            if not other:
                continue
            post = ROLE_LABELS[eq["role"]]
            extra = [{"approver": _approver(_steps(r, after, eq["role"])), "steps": _steps(r, after, eq["role"]),
                      "text": _range_text(r), "cite": r["cite"]} for r in other]
            if eq.get("certainty", "definite") == "definite":
                readings = extra
            else:
                readings = [{**rd, "condition": f"如本人不兼任{post}"} for rd in readings] or [
                    {"approver": None, "steps": [], "cite": ranges[0]["cite"] if ranges else eq["cite"],
                     "condition": f"如本人不兼任{post}", "text": "条文的各档都不包含这个天数，没有规定由谁审批"}]
                readings += [{**rd, "condition": f"如本人兼任{post}"} for rd in extra]
                notes.append(finding(f"{eq['label']}。本人如兼任{post}，按{post}的专门规定办理。", eq["cite"]))
        kept = []
        for rd in readings:
            own, eq = _self_approval(rule_set, role, rd)
            if not own:
                kept.append(rd)
                continue
            who = ROLE_LABELS[role]
            if own == "self":
                notes.append(finding(f"条文规定“{rd['text']}”，批准人是{rd['approver']}；{who}本人请假不能由自己批准，"
                                     f"条文没有写{who}本人请假由谁批准，需组织认定。",
                                     (eq or rd)["cite"]))
                continue
            kept.append({**rd, "condition": f"如本人不兼任{rd['approver']}"})
            kept.append({"approver": None, "steps": [], "cite": eq["cite"], "condition": f"如本人兼任{rd['approver']}",
                         "text": f"本人就是{rd['approver']}，不能自己批准，条文没有写由谁批准"})
            notes.append(finding(f"{eq['label']}。{who}如兼任{rd['approver']}，按“{rd['text']}”就成了自己批准自己，"
                                 "条文没有写这种情况由谁批准。", eq["cite"]))
        self_only = bool(readings) and not kept
        readings = kept
        distinct = {(rd.get("condition"), tuple((x["by"], x["action"]) for x in rd["steps"])) for rd in readings}
        if self_only:
            uncovered = True
        elif not readings:
            uncovered = True
            ladder = "；".join(_range_text(r) for r in ranges)
            notes.append(finding(f"{days} 天不在条文规定的任何一档内，条文没有规定由谁审批。条文的各档：{ladder}。",
                                 ranges[0]["cite"] if ranges else None))
        elif len(distinct) > 1:
            ambiguous = True
            both = "；".join(rd["text"] for rd in readings)
            by_condition: dict[Any, list[dict[str, Any]]] = {}
            for rd in readings:
                by_condition.setdefault(rd.get("condition"), []).append(rd)
            group = max(by_condition.values(), key=len)
            if len(group) > 1:
                both = "；".join(rd["text"] for rd in group)
                notes.append(finding(f"{days} 天同时落在{len(group)}档内（条文的范围重叠），各档审批人不同，"
                                     f"本计算器不替条文选择：{both}。", group[0]["cite"]))
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
        common.fired_trigger(rule_set, t, facts, findings, consequences)
    notes += common.trigger_notes(fired)
    notes += [common.note_item(n) for n in section.get("notes") or []]
    notes += common.unused_inputs(rule_set, "leave", inp, {"role", "days"} | common.fields_in(rule_set, "leave"))
    pending = common.unchecked_items(unchecked, facts, "leave")

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
        "unchecked": pending,
        "citations": list(dict.fromkeys(cites)),
    }
