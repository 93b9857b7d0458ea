"""请销假: who consents, approves and files, by role and day count, with overlaps and gaps shown.

The day ranges are cut at every bound a rule set writes; each piece is run through the leave
calculator itself (calculators.leave.calculate), so this page and the calculator cannot disagree.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from calculators import leave as leave_calc
from calculators.conditions import BOUND_KEYS, as_number, describe_bounds, in_bounds
from calculators.fields import ACTION_LABELS, ROLE_LABELS
from calculators.vocabulary import ROLES

from . import md

SLUG, TITLE, TOOL = "leave", "请销假：审批权限对比", "leave"
WHAT = "各地按身份和请假天数规定的同意、批准、备案（记录）程序。两档都包含同一天数（重叠）时列出每一种读法；哪一档都不包含（空档）时写明未规定。"

Segment = tuple[Fraction, bool, Fraction | None, bool]  # lo, lo included, hi (None: no end), hi included


def _num(x: Fraction) -> str:
    return str(x.numerator) if x.denominator == 1 else f"{float(x):g}"


def _segments(ranges: list[dict[str, Any]]) -> list[tuple[Segment, Fraction]]:
    """Open pieces between the bounds and the bounds themselves, each with a day count inside it."""
    points = sorted({as_number(r[k]) for r in ranges for k in BOUND_KEYS if k in r})
    out, prev = [], Fraction(0)
    for p in points:
        if p > prev:
            out.append(((prev, False, p, False), (prev + p) / 2))
        out.append(((p, True, p, True), p))
        prev = p
    out.append(((prev, False, None, False), prev + 1))
    return out


def _label(seg: Segment) -> str:
    lo, lo_in, hi, hi_in = seg
    if hi == lo:
        return f"正好{_num(lo)}天"
    parts = []
    if lo_in:
        parts.append(f"{_num(lo)}天以上（含{_num(lo)}天）")
    elif lo > 0:
        parts.append(f"超过{_num(lo)}天")
    if hi is not None:
        parts.append(f"{_num(hi)}天以内（含{_num(hi)}天）" if hi_in else f"不足{_num(hi)}天")
    return "、".join(parts) or "任意天数"


def _steps(steps: list[dict[str, Any]]) -> str:
    """乡镇党委同意 → 县驻村办批准 [cite]: consecutive steps with one citation share it."""
    out, pending, last = [], [], None
    for s in steps + [{"cite": None}]:
        if s["cite"] != last and pending:
            out.append(md.cited(" → ".join(pending), last))
            pending = []
        if s["cite"] is not None:
            pending.append(f"{s['by']}{ACTION_LABELS[s['action']]}")
        last = s["cite"]
    return " → ".join(out)


def _outcome(rs: md.RuleSet, role: str, days: Fraction) -> str:
    """The cell for one role and one day count, from the calculator's own result."""
    x = int(days) if days.denominator == 1 else float(days)
    result = leave_calc.calculate(rs, {"role": role, "days": x})
    if result["uncovered"]:
        return f"**{md.NOT_STATED}（空档）**：条文的各档都不包含这个天数"
    readings = result["readings"]
    if result["ambiguous"]:
        conditions = [rd.get("condition") for rd in readings]
        why = (["重叠"] if len(set(conditions)) < len(conditions) else []) + (["要看本人身份"] if any(conditions) else [])
        lines = [f"**{'，且'.join(why)}，有{len(readings)}种读法：**"]
        lines += [f"{'①②③④⑤'[i]} {rd['condition'] + '：' if rd.get('condition') else ''}{rd['text']}{md.cite(rd['cite'])}"
                  for i, rd in enumerate(readings)]
        return "<br>".join(lines)
    text = _steps(readings[0]["steps"])
    ranges = [r for r in rs["leave"].get("ranges") or [] if role in r["roles"]]
    if any(r.get("specific") and in_bounds(x, r) for r in ranges):
        general = [r for r in ranges if not r.get("specific") and in_bounds(x, r)]
        text += "".join(md.aside(f"“{r['label']}”：{_steps([dict(s, cite=r['cite']) for s in r['steps']])}",
                                 "专门规定优先；一般规定也包含这个天数：") for r in general)
    return text


def _merged(segs: list[tuple[Segment, Fraction]], column: list[str]) -> list[tuple[Segment, str]]:
    """Neighbouring day pieces with the same answer become one row."""
    rows: list[tuple[Segment, str]] = []
    for (seg, _), cell in zip(segs, column):
        if rows and rows[-1][1] == cell:
            lo, lo_in, _, _ = rows[-1][0]
            rows[-1] = ((lo, lo_in, seg[2], seg[3]), cell)
        else:
            rows.append((seg, cell))
    return rows


def _ladder(rs: md.RuleSet) -> str:
    """Per rule set: one two-column table (请假天数 | 审批) per group of roles with equal answers, so that
    it reads on a 390 px phone without sideways scrolling."""
    ranges = rs["leave"].get("ranges") or []
    segs = _segments(ranges)
    by_role = {role: [_outcome(rs, role, sample) for _, sample in segs] for role in ROLES}
    groups: dict[tuple[str, ...], list[str]] = {}
    for role, column in by_role.items():
        groups.setdefault(tuple(column), []).append(role)
    out = []
    for column, roles in groups.items():
        name = "所有驻村干部" if len(roles) == len(ROLES) else "、".join(ROLE_LABELS[r] for r in roles)
        if len(groups) > 1:
            out.append(f"**{name}**\n\n")
        out.append(md.table(["请假天数", "审批"], [[_label(seg), md.cell([c])] for seg, c in _merged(segs, list(column))]))
    return "\n".join(out)


def _block(rs: md.RuleSet) -> str:
    head = f"### {rs['jurisdiction']}《{rs['short_name']}》\n\n"
    if not rs["leave"].get("ranges"):
        return head + f"{md.NOT_STATED}：{md.note(rs['leave']['silent'])}\n\n"
    return head + _ladder(rs) + "\n"


def _written(rs: md.RuleSet) -> list[str]:
    out = []
    for r in rs["leave"].get("ranges") or []:
        roles = "" if len(r["roles"]) == len(ROLES) else "【" + "、".join(ROLE_LABELS[x] for x in r["roles"]) + "】"
        steps = "，".join(f"{s['by']}{ACTION_LABELS[s['action']]}" for s in r["steps"])
        implied = md.aside(r.get("implied"))
        out.append(md.cited(f"{roles}{r['label']}（{describe_bounds(r, '天')}）：{steps}", r["cite"]) + implied)
    for s in rs["leave"].get("after_steps") or []:
        out.append(md.cited(f"每次请假之后：{s['by']}{ACTION_LABELS[s['action']]}", s["cite"]))
    return out


def _cumulative(rs: md.RuleSet) -> list[str]:
    return [md.trigger(rs, t) for t in rs.get("triggers") or [] if "leave" in t["applies_to"]]


def _notes(rs: md.RuleSet) -> list[str]:
    return [md.note(n) for n in rs["leave"].get("notes") or []]


def render(all_sets: dict[str, md.RuleSet]) -> str:
    sets = md.having(all_sets, "leave")
    ladders = "".join(_block(rs) for rs in sets.values())
    return (md.lead(TITLE, WHAT, TOOL, sets, all_sets)
            + "## 按请假天数查谁批准\n\n每个文件按身份分表；身份答案相同的合为一张表。“备案/记录”是批准后的登记。\n\n" + ladders
            + md.section("条文写的各档", sets, _written)
            + md.section("累计请假的限制", sets, _cumulative)
            + md.section("其他规定", sets, _notes))
