"""我的驻村台账: from a day-by-day record to the existing calculators' inputs, and where the cadre stands.

    profile = {"rules": "<rule-set id>", "role": "first_secretary|team_leader|member", "start": "YYYY-MM-DD"}
    mark    = {"date": "YYYY-MM-DD", "mark": one of MARKS,
               "kind": for 公出 one of OFFICIAL_KINDS, "status": for 请假 one of LEAVE_STATUS, "approver": text}

    validate(profile, marks, today) -> (days {date: mark}, errors [{date?, field, message}])
    inputs(profile, days, today)    -> the attendance / assessment facts for this month and this year
    status(profile, marks, today, as_of=None) -> {"errors", "lines": [{id, level, text, cite, consequences?}], ...};
                                       with an earlier as_of (a month's last day, for its printed 考勤表), where the
                                       cadre stood at the end of that day, from the records up to it
    leave_request(profile, marks, start, end, today) -> the leave calculator's result for those dates
    run_json(action, json_text)     -> what the page's worker calls (one JSON object in, one out)

Nothing here decides what a rule set does not say: whether 公出 counts is read from the requirement's
`counts` / `counts_unclear` text, and where that is silent the days are shown apart as
"本制度未规定是否计入". The thresholds and the warnings come from the rule sets' triggers, evaluated
by the calculators' own condition code; the month and year lines from the attendance calculator.
Every reading this module adds is in READINGS (shown on the 解读说明 page).
"""

from __future__ import annotations

import base64
import calendar
import json
from datetime import date, timedelta
from typing import Any

from . import common, diary_xlsx, engine
from .conditions import evaluate, fields_used
from .fields import ACTION_LABELS, ROLE_LABELS
from .inputs import InputError
from .loader import load_rule_sets

MARKS = {"in_village": "在村", "night": "在村住宿", "leave": "请假", "official": "公出",
         "absent": "无故离岗", "duty": "值班"}
OFFICIAL_KINDS = {"meeting": "会议", "training": "培训", "trip": "出差"}
LEAVE_STATUS = {"pending": "待批", "approved": "已批准"}
# The words in a requirement's `counts` text that name each kind of 公出.
OFFICIAL_WORDS = {"meeting": ("开会", "会议"), "training": ("培训",), "trip": ("出差",)}
# Marks that say the cadre was in the village that day (only a past or present day can say so).
IN_VILLAGE = ("in_village", "night", "duty")
# The facts a day-by-day record can give, and the word for "one more day" of each.
DIARY_FIELDS = {"leave_total": "再请假", "unexcused_days_year": "再无故离岗", "longest_unexcused_run": "再连续离村"}
WARN_WITHIN = 5   # a threshold this many days away or fewer is a warning
SEARCH_DAYS = 400  # how far ahead "再 N 天" looks

SILENT = "本制度未规定是否计入"

READINGS = (
    ("台账：哪些日子算驻村天数",
     "标“在村”“在村住宿”“值班”的日子算作驻村工作天数；“在村住宿”另计一晚住宿。“请假”（已批准）和“无故离岗”不算。"
     "“公出”（会议、培训、出差）只有在条文写明计入时（如“含因公出差、开会和培训”）才计入；条文列举了计入项而没有写到这一种、"
     "或没有写计入什么的，这些天单独列出，标“本制度未规定是否计入”，并分别说明计入与不计入时的结果。"),
    ("台账：请假天数",
     "一张请假条的天数按起止日期之间的日历天数计（含起止两天、含双休日和节假日）；条文没有写请假天数是否扣除双休日和节假日，需组织认定。"
     "“待批”的请假不计入已批准的请假天数，单独提示批准后会怎样。"),
    ("台账：连续离岗",
     "“连续N天”只数台账上相邻的、都标“无故离岗”的日子；中间有一天没有记录，连续就断开。没有记录的日子不当作在村，也不当作离岗。"),
    ("台账：不满一个月、不满一年",
     "本月或本年驻村开始得晚的，条文没有规定按比例折算，台账仍按整月、整年的天数要求列出，并注明“驻村不满一个月（一年）”，需组织认定。"),
    ("台账：提前提醒",
     f"条文规定的情形还差 {WARN_WITHIN} 天以内就会出现时，台账提前提醒（如“再连续离村 2 天将达到连续15天”）。"),
    ("台账：以前月份的考勤表",
     "打印以前月份的考勤表时，表下列的是那个月最后一天结束时的情况：只算到那一天为止的记录；那个月已经过完，"
     "只写达到没有、差几天，不再写“还剩几天”，也不再提前提醒。打印本月的考勤表时，列的是到今天的情况。"),
)


class DiaryError(ValueError):
    pass


def _day(text: Any) -> date | None:
    if not isinstance(text, str) or len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _err(field: str, message: str, day: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"field": field, "message": message}
    if day is not None:
        out["date"] = day
    return out


def check_profile(profile: Any) -> list[dict[str, Any]]:
    if not isinstance(profile, dict):
        return [_err("rules", "请先填写个人设置：适用的制度、身份和本轮驻村开始日期。")]
    errors = []
    rule_sets = load_rule_sets()
    if profile.get("rules") not in rule_sets or "attendance" not in rule_sets[profile["rules"]]:
        errors.append(_err("rules", "请选择适用的制度（只列出规定了驻村考勤的文件）。"))
    if profile.get("role") not in ROLE_LABELS:
        errors.append(_err("role", "请选择身份：" + "、".join(ROLE_LABELS.values()) + "。"))
    if _day(profile.get("start")) is None:
        errors.append(_err("start", "请填写本轮驻村开始日期，如 2026-03-01。"))
    return errors


def validate(profile: dict[str, Any], marks: Any, today: date) -> tuple[dict[date, dict[str, Any]], list[dict[str, Any]]]:
    """The marks that can be counted, one per day, and a Chinese message for each one that cannot."""
    errors: list[dict[str, Any]] = []
    start = _day((profile or {}).get("start"))
    if not isinstance(marks, list):
        return {}, [_err("marks", "台账记录应是一个列表。")]
    days: dict[date, dict[str, Any]] = {}
    bad: set[date] = set()
    for i, m in enumerate(marks, 1):
        if not isinstance(m, dict):
            errors.append(_err("marks", f"第 {i} 条记录不是一天的记录，已跳过。"))
            continue
        d = _day(m.get("date"))
        kind = m.get("mark")
        if d is None:
            what = MARKS.get(kind, "记录") if isinstance(kind, str) else "记录"
            errors.append(_err("date", f"第 {i} 条{what}没有日期或日期写得不对（应为 2026-03-01 这样的格式）。"))
            continue
        key = d.isoformat()
        if kind not in MARKS:
            errors.append(_err("mark", f"{_cn(d)}：记录的类型不对，只能是" + "、".join(MARKS.values()) + "。", key))
            bad.add(d)
            continue
        label = MARKS[kind]
        if kind == "official" and m.get("kind") not in OFFICIAL_KINDS:
            errors.append(_err("kind", f"{_cn(d)}：请选择公出的类别（" + "、".join(OFFICIAL_KINDS.values()) + "）。", key))
            bad.add(d)
            continue
        if kind == "leave" and m.get("status") not in LEAVE_STATUS:
            errors.append(_err("status", f"{_cn(d)}：请选择请假是“待批”还是“已批准”。", key))
            bad.add(d)
            continue
        if kind != "leave" and d > today:
            errors.append(_err("date", f"{_cn(d)}还没有到，不能记为{label}（只有请假可以提前记）。", key))
            bad.add(d)
            continue
        if start and d < start:
            errors.append(_err("date", f"{_cn(d)}在本轮驻村开始日期（{_cn(start)}）之前，不能记为{label}；"
                                       "如开始日期填错了，请先改个人设置。", key))
            bad.add(d)
            continue
        if d in days:
            old = days[d]
            same = {k: old.get(k) for k in ("mark", "kind", "status")} == {k: m.get(k) for k in ("mark", "kind", "status")}
            if not same:
                errors.append(_err("mark", f"{_cn(d)}同时记了“{_label(old)}”和“{_label(m)}”，一天只能有一种记录，请改成一种。", key))
                bad.add(d)
            continue
        days[d] = m
    for d in bad:
        days.pop(d, None)
    return days, errors


def _label(m: dict[str, Any]) -> str:
    label = MARKS.get(m.get("mark"), "？")
    if m.get("mark") == "official":
        label += f"（{OFFICIAL_KINDS.get(m.get('kind'), '？')}）"
    if m.get("mark") == "leave":
        label += f"（{LEAVE_STATUS.get(m.get('status'), '？')}）"
    return label


def _requirement(rule_set: dict[str, Any], period: str | None = None) -> dict[str, Any] | None:
    reqs = (rule_set.get("attendance") or {}).get("requirements") or []
    return next((r for r in reqs if period is None or r["period"] == period), None)


def official_counting(rule_set: dict[str, Any], kind: str) -> dict[str, Any]:
    """{"counts": True | None, "text", "cite"}: does a day of 公出 of this kind count, as the text says."""
    req = _requirement(rule_set)
    name = OFFICIAL_KINDS[kind]
    if req is None:
        return {"counts": None, "text": f"{name}：本制度没有规定驻村天数，{SILENT}。", "cite": None}
    if req.get("counts"):
        if any(w in req["counts"] for w in OFFICIAL_WORDS[kind]):
            return {"counts": True, "text": f"{name}计入驻村天数（{req['counts']}）。", "cite": req["cite"]}
        return {"counts": None, "cite": req["cite"],
                "text": f"{name}：条文写明计入的是“{req['counts']}”，没有写到{name}，{SILENT}。"}
    if req.get("counts_unclear"):
        return {"counts": None, "text": f"{name}：{SILENT}。{req['counts_unclear']}", "cite": req["cite"]}
    return {"counts": None, "text": f"{name}：条文只写了{req['label']}，没有写开会、培训、出差是否计入，{SILENT}。",
            "cite": req["cite"]}


def _count(rule_set: dict[str, Any], days: dict[date, dict[str, Any]], lo: date, hi: date) -> dict[str, Any]:
    """What the marks from lo to hi (both included) give."""
    c = {"village": 0, "nights": 0, "official_open": 0, "leave": 0, "pending": 0, "absent": 0, "marked": 0}
    counts = {k: official_counting(rule_set, k)["counts"] for k in OFFICIAL_KINDS}
    for d, m in days.items():
        if not lo <= d <= hi:
            continue
        c["marked"] += 1
        k = m["mark"]
        if k in IN_VILLAGE:
            c["village"] += 1
            c["nights"] += k == "night"
        elif k == "official":
            if counts[m["kind"]]:
                c["village"] += 1
            else:
                c["official_open"] += 1
        elif k == "leave":
            c["leave" if m["status"] == "approved" else "pending"] += 1
        elif k == "absent":
            c["absent"] += 1
    return c


def _runs(days: dict[date, dict[str, Any]], lo: date, hi: date, today: date) -> tuple[int, int]:
    """(longest run of consecutive 无故离岗 days from lo to hi, the run that reaches today or yesterday)."""
    longest = run = 0
    last: date | None = None
    for d in sorted(x for x, m in days.items() if m["mark"] == "absent" and lo <= x <= hi):
        run = run + 1 if last is not None and d - last == timedelta(days=1) else 1
        longest = max(longest, run)
        last = d
    current = run if last is not None and (today - last).days in (0, 1) else 0
    return longest, current


def _open_days(days: dict[date, dict[str, Any]], lo: date, hi: date, first: date, start: date) -> int:
    """Days from `first` to hi on which the cadre may still be in the village (not yet marked away)."""
    n = 0
    d = max(first, lo, start)
    while d <= hi:
        n += d not in days
        d += timedelta(days=1)
    return n


def months_served(start: date, today: date) -> int:
    months = (today.year - start.year) * 12 + today.month - start.month
    if today.day < start.day:
        months -= 1
    return max(0, months)


def inputs(profile: dict[str, Any], days: dict[date, dict[str, Any]], today: date, closed: bool = False) -> dict[str, Any]:
    """The calculators' inputs for this month and this year (and what stays open: from today on, or with `closed`
    from the day after, `today` being over)."""
    rule_set = load_rule_sets()[profile["rules"]]
    start = _day(profile["start"])
    assert start is not None
    m_lo = max(today.replace(day=1), start)
    m_hi = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    y_lo = max(date(today.year, 1, 1), start)
    y_hi = date(today.year, 12, 31)
    month = _count(rule_set, days, m_lo, min(today, m_hi))
    year = _count(rule_set, days, y_lo, today)
    year_all = _count(rule_set, days, y_lo, y_hi)  # with leave marked ahead
    longest, current = _runs(days, y_lo, today, today)
    first_open = today + timedelta(days=1) if closed else today
    out = {
        "month": {"period": "month", "days_in_village": month["village"], "nights_in_village": month["nights"],
                  "leave_days": month["leave"]},
        "year": {"period": "year", "days_in_village": year["village"], "whole_year": False, "leave_days": year["leave"],
                 "leave_days_year": year["leave"], "unexcused_days_year": year["absent"],
                 "longest_unexcused_run": longest},
        "assessment": {"unexcused_days_year": year["absent"], "longest_unexcused_run": longest,
                       "months_served": months_served(start, today)},
        "open": {"month_official": month["official_open"], "year_official": year["official_open"],
                 "month_days_left": _open_days(days, m_lo, m_hi, first_open, start),
                 "year_days_left": _open_days(days, y_lo, y_hi, first_open, start),
                 "pending_leave": year_all["pending"], "leave_ahead": year_all["leave"] - year["leave"],
                 "current_run": current, "month_start": m_lo.isoformat(), "year_start": y_lo.isoformat()},
    }
    return out


def _line(id_: str, level: str, text: str, cite: str | None, **extra: Any) -> dict[str, Any]:
    return {"id": id_, "level": level, "text": text, "cite": cite, **extra}


def _until(period: str, now: date, closed: bool) -> str:
    """How far a count goes: 到今天, or for an earlier day 到10月31日 (nothing for a month that is over)."""
    if not closed:
        return "到今天"
    if period == "month" and now.day == calendar.monthrange(now.year, now.month)[1]:
        return ""
    return f"到{now.month}月{now.day}日"


def _period_lines(rule_set: dict[str, Any], rid: str, period: str, inp: dict[str, Any], open_: dict[str, Any],
                  start: date, now: date, closed: bool = False) -> list[dict[str, Any]]:
    word = {"month": "本月", "year": "本年"}[period]
    until = _until(period, now, closed)
    req = _requirement(rule_set, period)
    got = inp["days_in_village"]
    official = open_[f"{period}_official"]
    left = open_[f"{period}_days_left"]
    ended = closed and left == 0   # the period is over: what was reached, not what is still possible
    extra = f"（另有公出 {official} 天，{SILENT}）" if official else ""
    if req is None:
        other = _requirement(rule_set)
        if other is not None:
            by = "按月" if other["period"] == "month" else "按年"
            return [_line(period, "info", f"{word}{until}驻村 {got} 天{extra}；本制度{by}规定驻村天数（{other['label']}"
                                          f"不少于{other['min_inclusive']}天）。", other["cite"])]
        return []
    result = engine.run("attendance", rid, {"period": period, "days_in_village": min(got, 31 if period == "month" else 366),
                                            **({"whole_year": False} if period == "year" else {})})
    need = result["required"]
    short = result["shortfall"]
    lines = []
    head = f"{word}{until}驻村 {got} 天{extra}，{req['label']}不少于{need}天"
    if short == 0:
        lines.append(_line(period, "ok", f"{head}，已经达到。", req["cite"]))
    elif left >= short and not ended:
        lines.append(_line(period, "ok" if left - short >= WARN_WITHIN else "warn",
                           f"{head}，还需 {short} 天；{word}还剩 {left} 天可以在村，来得及"
                           f"（最多只能再离开 {left - short} 天）。", req["cite"]))
    else:
        lines.append(_short_line(rule_set, period, head, short, left, official, inp, req, ended))
    lo = date.fromisoformat(open_[f"{period}_start"])
    if (period == "month" and lo.day != 1) or (period == "year" and (lo.month, lo.day) != (1, 1)):
        lines.append(_line(f"{period}-part", "silent",
                           f"本轮驻村从{_cn(start)}开始，{word}驻村不满一个{'月' if period == 'month' else '年'}；"
                           "条文没有规定按比例折算，上面按整段的要求列出，需组织认定。", req["cite"]))
    nights = next((r for r in (rule_set["attendance"].get("nights") or []) if r["period"] == period), None)
    if nights is not None:
        have = inp.get("nights_in_village", 0)
        need_n = nights["min_inclusive"]
        gap = max(0, need_n - have)
        text = f"{word}在村住宿 {have} 天，{nights['label']}不少于{need_n}天"
        if gap == 0:
            lines.append(_line(f"{period}-nights", "ok", text + "，已经达到。", nights["cite"]))
        elif gap <= left:
            lines.append(_line(f"{period}-nights", "ok" if left - gap >= WARN_WITHIN else "warn",
                               text + f"，还需住 {gap} 天，{word}还剩 {left} 天，来得及。", nights["cite"]))
        else:
            lines.append(_line(f"{period}-nights", "breach", text + (f"，差 {gap} 天，没有达到。" if ended else
                                                                     f"，还需住 {gap} 天，{word}只剩 {left} 天，已经来不及。"),
                               nights["cite"]))
    return lines


def _short_line(rule_set: dict[str, Any], period: str, head: str, short: int, left: int, official: int,
                inp: dict[str, Any], req: dict[str, Any], ended: bool) -> dict[str, Any]:
    """Not enough days with the days left (or, `ended`, the period over): whether 公出 or an excuse makes up for it."""
    word = {"month": "本月", "year": "本年"}[period]
    gap = f"差 {short} 天" if ended else f"还需 {short} 天"
    yes, no, fail = ("达到", "没有达到", "没有达到") if ended else ("来得及", "来不及", "已经来不及")
    if official + left >= short:
        room = "；" if ended else f"；{word}还剩 {left} 天可以在村。"
        return _line(period, "silent", f"{head}，{gap}{room}公出的 {official} 天计入就{yes}，不计入就{no}，"
                                       f"{SILENT}，需组织认定。", req["cite"])
    room = "" if ended else f"，{word}只剩 {left} 天可以在村"
    excuse = rule_set["attendance"].get("excuse")
    if excuse and excuse.get("allowed") and inp.get("leave_days", 0):
        return _line(period, "warn", f"{head}，{gap}{room}，按天数{fail}；本制度允许经批准的请假说明天数不足"
                                     f"（{excuse['label']}），{word}已批准请假 {inp['leave_days']} 天。", excuse["cite"])
    return _line(period, "breach", f"{head}，{gap}{room}，{fail}。", req["cite"])


def _diary_triggers(rule_set: dict[str, Any]) -> list[dict[str, Any]]:
    """Triggers a record of days can decide: every field they use is one the diary counts."""
    seen: dict[str, dict[str, Any]] = {}
    for calc in ("attendance", "assessment", "leave"):
        for t in common.triggers_for(rule_set, calc):
            used = set(fields_used(t["when"]))
            if used & set(DIARY_FIELDS) and t.get("id", t["label"]) not in seen:
                seen[t.get("id", t["label"])] = t
    return list(seen.values())


def _consequence_items(rule_set: dict[str, Any], t: dict[str, Any], certainty: str) -> list[dict[str, Any]]:
    items = common.consequences(rule_set, t.get("consequences") or [], certainty)
    return [{"text": i["text"], "cite": i["cite"], **({"condition": i["condition"]} if i.get("condition") else {})}
            for i in items]


def _facts_after(facts: dict[str, Any], field: str, k: int, current_run: int) -> dict[str, Any]:
    out = dict(facts)
    if field == "leave_total":
        out["leave_total"] = facts["leave_total"] + k
    else:  # k more days away without leave, from today on: the running absence grows with them
        out["unexcused_days_year"] = facts["unexcused_days_year"] + k
        out["longest_unexcused_run"] = max(facts["longest_unexcused_run"], current_run + k)
    return out


def _threshold_lines(rule_set: dict[str, Any], inp: dict[str, Any], ahead: bool = True) -> list[dict[str, Any]]:
    """What a rule set's triggers say of the record: reached, or (with `ahead`) how many days away."""
    year, open_ = inp["year"], inp["open"]
    facts = {"leave_total": year["leave_days_year"], "unexcused_days_year": year["unexcused_days_year"],
             "longest_unexcused_run": year["longest_unexcused_run"],
             "months_served": inp["assessment"]["months_served"], "whole_year": False}
    lines = []
    for t in _diary_triggers(rule_set):
        field = next(f for f in DIARY_FIELDS if f in fields_used(t["when"]))
        certainty, because, _ = common.trigger_certainty(rule_set, t, facts)
        prefix = "可能适用：" if certainty == "possible" else ""
        tid = f"trigger-{t.get('id', t['label'])}"
        now = evaluate(t["when"], facts)
        if now:
            lines.append(_line(tid, "breach", f"{prefix}已出现“{t['label']}”{common.facts_text(t['when'], facts)}。",
                               t["cite"], consequences=_consequence_items(rule_set, t, certainty),
                               **({"because": because} if because else {})))
            continue
        if not ahead:
            continue
        current = open_["current_run"] if field != "leave_total" else 0
        if field == "leave_total" and open_["pending_leave"]:
            after = _facts_after(facts, field, open_["pending_leave"], 0)
            if evaluate(t["when"], after):
                lines.append(_line(tid, "warn", f"待批的请假 {open_['pending_leave']} 天批准后，将出现“{t['label']}”"
                                                f"（已批准 {facts['leave_total']} 天）。", t["cite"],
                                   consequences=_consequence_items(rule_set, t, certainty)))
                continue
        k = next((k for k in range(1, SEARCH_DAYS) if evaluate(t["when"], _facts_after(facts, field, k, current))), None)
        if k is None:
            continue
        have = {"leave_total": f"本年已批准请假 {facts['leave_total']} 天",
                "unexcused_days_year": f"本年无故离岗 {facts['unexcused_days_year']} 天",
                "longest_unexcused_run": f"目前连续无故离岗 {current} 天"}[field]
        progress = facts[field] if field != "longest_unexcused_run" else current
        level = "warn" if k <= WARN_WITHIN and progress > 0 else "ok"
        lines.append(_line(tid, level, f"{have}；{DIARY_FIELDS[field]} {k} 天将出现“{prefix}{t['label']}”。",
                           t["cite"], consequences=_consequence_items(rule_set, t, certainty), days_left=k))
    return lines


def _official_lines(rule_set: dict[str, Any], days: dict[date, dict[str, Any]]) -> list[dict[str, Any]]:
    used = sorted({m["kind"] for m in days.values() if m["mark"] == "official"})
    out = []
    for kind in used:
        c = official_counting(rule_set, kind)
        out.append(_line(f"official-{kind}", "ok" if c["counts"] else "silent", c["text"], c["cite"]))
    return out


def status(profile: dict[str, Any], marks: Any, today: date, as_of: date | None = None) -> dict[str, Any]:
    """Where the cadre stands today; with an earlier `as_of`, at the end of that day from the records up to it
    (what the 考勤表 of an earlier month shows): no days left in a month that is over, no look ahead."""
    errors = check_profile(profile)
    if errors:
        return {"errors": errors, "lines": []}
    days, errors = validate(profile, marks, today)
    closed = as_of is not None and as_of < today
    now = as_of if closed and as_of else today
    if closed:
        days = {d: m for d, m in days.items() if d <= now}
    rid = profile["rules"]
    rule_set = load_rule_sets()[rid]
    start = _day(profile["start"])
    assert start is not None
    if start > now:
        when = f"，{_cn(now)}时还没有开始" if closed else "，还没有到"
        return {"errors": errors, "lines": [_line("not-started", "info", f"本轮驻村从{_cn(start)}开始{when}。", None)]}
    inp = inputs(profile, days, now, closed)
    lines = []
    lines += _period_lines(rule_set, rid, "month", inp["month"], inp["open"], start, now, closed)
    lines += _period_lines(rule_set, rid, "year", inp["year"], inp["open"], start, now, closed)
    y = inp["year"]
    until = _until("year", now, closed).removeprefix("到今天")
    leave_text = f"本年{until}已批准请假 {y['leave_days_year']} 天"
    if inp["open"]["pending_leave"]:
        leave_text += f"，待批 {inp['open']['pending_leave']} 天（批准后才计入）"
    if inp["open"]["leave_ahead"]:
        leave_text += f"，另有已批准、日期在今天以后的请假 {inp['open']['leave_ahead']} 天（到那天才计入）"
    caps = [t for t in _diary_triggers(rule_set) if "leave_total" in fields_used(t["when"])]
    lines.append(_line("leave", "info", leave_text + ("。" if caps else "；所选制度没有列出请假累计天数的上限。"),
                       caps[0]["cite"] if caps else None))
    if y["unexcused_days_year"]:
        lines.append(_line("absent", "info", f"本年{until}无故离岗 {y['unexcused_days_year']} 天，最长连续 "
                                             f"{y['longest_unexcused_run']} 天。", None))
    lines += _threshold_lines(rule_set, inp, ahead=not closed)
    lines += _official_lines(rule_set, days)
    order = {"breach": 0, "warn": 1, "silent": 2, "ok": 3, "info": 3}
    lines.sort(key=lambda ln: order[ln["level"]])
    return {"errors": errors, "lines": lines, "inputs": inp, "rules": rid, "title": rule_set["short_name"],
            "as_of": now.isoformat()}


def leave_days(start: date, end: date) -> int:
    return (end - start).days + 1


def leave_request(profile: dict[str, Any], marks: Any, start_text: Any, end_text: Any, today: date) -> dict[str, Any]:
    """Who consents, approves and files a leave from start to end (the leave calculator's answer)."""
    errors = check_profile(profile)
    start, end = _day(start_text), _day(end_text)
    if start is None:
        errors.append(_err("leave_start", "请填写请假的开始日期。"))
    if end is None:
        errors.append(_err("leave_end", "请填写请假的结束日期。"))
    if start and end and end < start:
        errors.append(_err("leave_end", "结束日期不能早于开始日期。"))
    if errors:
        return {"errors": errors}
    assert start and end
    days, _ = validate(profile, marks, today)
    taken = [d for d, m in days.items() if m["mark"] == "leave" and m["status"] == "approved"
             and d.year == start.year and not start <= d <= end]
    clash = [d for d, m in days.items() if start <= d <= end and m["mark"] != "leave"]
    if clash:
        d = min(clash)
        return {"errors": [_err("leave_start", f"{_cn(d)}已经记为“{_label(days[d])}”，请假日期不能和已有记录重叠。",
                                d.isoformat())]}
    n = leave_days(start, end)
    payload: dict[str, Any] = {"role": profile["role"], "days": n, "leave_days_year": len(taken)}
    try:
        result = engine.run("leave", profile["rules"], payload)
    except InputError as exc:
        return {"errors": [_err("leave_end", exc.message)]}
    return {"errors": [], "days": n, "start": start.isoformat(), "end": end.isoformat(),
            "role": ROLE_LABELS[profile["role"]], "leave_days_year": len(taken), "result": result,
            "counting": next(r[1] for r in READINGS if r[0] == "台账：请假天数")}


WEEKDAYS = "一二三四五六日"


def table_rows(profile: dict[str, Any], marks: Any, today: date) -> list[list[str]]:
    """The records as a table (日期, 星期, 记录, 审批人), one row a recorded day, oldest first."""
    days, _ = validate(profile, marks, today)
    rows = [["日期", "星期", "记录", "审批人"]]
    for d in sorted(days):
        m = days[d]
        rows.append([d.isoformat(), "星期" + WEEKDAYS[d.weekday()], _label(m), str(m.get("approver") or "")])
    return rows


def xlsx_base64(profile: dict[str, Any], marks: Any, today: date) -> str:
    return base64.b64encode(diary_xlsx.workbook(table_rows(profile, marks, today), "驻村台账")).decode("ascii")


def describe() -> dict[str, Any]:
    rule_sets = load_rule_sets()
    sets = []
    for rid, rs in rule_sets.items():
        if "attendance" not in rs:
            continue
        sets.append({"id": rid, "title": rs["short_name"], "jurisdiction": rs["jurisdiction"],
                     "official": {k: official_counting(rs, k) for k in OFFICIAL_KINDS},
                     "nights": bool((rs["attendance"].get("nights") or [])),
                     "leave": "leave" in rs})
    return {"version": 1, "marks": MARKS, "official_kinds": OFFICIAL_KINDS, "leave_status": LEAVE_STATUS,
            "roles": dict(ROLE_LABELS), "actions": dict(ACTION_LABELS), "rule_sets": sets}


def run_json(action: str, json_text: str) -> str:
    """The page's entry: {"profile", "marks", "today", ...} in, JSON out; never a traceback."""
    try:
        args = json.loads(json_text)
        if not isinstance(args, dict):
            raise DiaryError
        if action == "describe":
            out: dict[str, Any] = describe()
        else:
            today = _day(args.get("today"))
            if today is None:
                raise DiaryError
            if action == "status":
                as_of = _day(args.get("as_of")) if args.get("as_of") is not None else None
                if args.get("as_of") is not None and as_of is None:
                    raise DiaryError
                out = status(args.get("profile"), args.get("marks"), today, as_of)
                out.pop("inputs", None)
            elif action == "validate":
                errs = check_profile(args.get("profile"))
                out = {"errors": errs + (validate(args["profile"], args.get("marks"), today)[1] if not errs else [])}
            elif action == "xlsx":
                errs = check_profile(args.get("profile"))
                out = {"errors": errs} if errs else {"errors": [], "xlsx": xlsx_base64(args["profile"], args.get("marks"), today)}
            elif action == "leave_request":
                out = leave_request(args.get("profile"), args.get("marks"), args.get("start"), args.get("end"), today)
            else:
                raise DiaryError
    except (DiaryError, ValueError, KeyError, TypeError):
        out = {"errors": [_err("input", "台账数据读不懂，请重新打开本页。")]}
    return json.dumps(out, ensure_ascii=False)
