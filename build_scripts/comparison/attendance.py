"""考勤: days required per month / per year, what counts, nights, excuses, consequences."""

from __future__ import annotations

from . import md

SLUG, TITLE, TOOL = "attendance", "考勤：驻村天数要求对比", "attendance"
WHAT = "各地对驻村干部每月、每年驻村天数的要求，哪些情形算驻村，住村要求，以及未达标、脱岗的后果。"


def _silent(rs: md.RuleSet) -> list[str]:
    silent = rs["attendance"].get("silent")
    return [md.NOT_STATED + "：" + md.note(silent)] if silent else []


def _requirements(key: str, period: str | None = None):
    def parts(rs: md.RuleSet) -> list[str]:
        out = []
        for r in rs["attendance"].get(key) or []:
            if period in (None, r["period"]):
                out.append(md.value_item(r) + md.aside(r.get("note")))
        return out or _silent(rs)
    return parts


def _counts(rs: md.RuleSet) -> list[str]:
    out = []
    for r in rs["attendance"].get("requirements") or []:
        if r.get("counts"):
            out.append(md.cited(f"{r['label']}：{r['counts']}", r["cite"]))
        elif r.get("counts_unclear"):
            out.append(md.cited(f"需组织认定：{r['counts_unclear']}", r["cite"]))
    return out


def _excuse(rs: md.RuleSet) -> list[str]:
    ex = rs["attendance"].get("excuse")
    if not ex:
        return []
    verdict = "履行了请假手续的，天数不足不按无故缺勤处理" if ex["allowed"] else "请假不能抵扣天数"
    return [md.cited(f"{ex['label']}（{verdict}）", ex["cite"])]


def _consequences(rs: md.RuleSet) -> list[str]:
    return [md.trigger(rs, t) for t in rs.get("triggers") or [] if "attendance" in t["applies_to"]]


def _notes(rs: md.RuleSet) -> list[str]:
    return [md.note(n) for n in rs["attendance"].get("notes") or []]


def render(all_sets: dict[str, md.RuleSet]) -> str:
    sets = md.having(all_sets, "attendance")
    return (md.lead(TITLE, WHAT, TOOL, sets, all_sets)
            + md.section("每月驻村天数", sets, _requirements("requirements", "month"))
            + md.section("每年驻村天数", sets, _requirements("requirements", "year"),
                         "只规定每月天数的文件，不能自行乘以12换算成每年天数；这里只列条文写明的。")
            + md.section("哪些情形算驻村", sets, _counts)
            + md.section("住村（住夜）要求", sets, _requirements("nights"))
            + md.section("请假能否说明天数不足", sets, _excuse)
            + md.section("未达标、脱岗的后果", sets, _consequences)
            + md.section("其他规定", sets, _notes))
