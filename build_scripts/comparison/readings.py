"""解读说明: a register of every interpretive choice in the rule sets, generated from them.

Every `note`, `implied` bound, `certainty: possible` trigger, conditional consequence, alternative,
role equivalence, 需组织认定 check, overlap and gap between leave ranges, silence (`silent`, support
`silent`), caveat, ground without an input (`unlisted`) and the engine-wide readings (part-year,
self-approval, 未核对) is listed with its clause, so a trainer can review it and a county can
override it in its own rule set. Calculator results link here.
"""

from __future__ import annotations

from typing import Any, Iterator

from calculators.citecheck import cited_items
from calculators.conditions import as_number
from calculators.diary import READINGS as DIARY_READINGS
from calculators.fields import ROLE_LABELS
from calculators.vocabulary import SUPPORT_TOPICS

from . import md

SLUG, TITLE, TOOL = "readings", "解读说明", None
WHAT = ("计算器和对比页面在条文没有写明、用语模糊或条款之间有重叠时作出的每一个读法，都列在这里，"
        "并附条款链接。培训老师可以逐条审核；县里可以在自己的规则集里改写其中任何一条。")

# Readings built into the calculators (not in one rule set): what, and which rule items they act on.
ENGINE_READINGS = (
    ("不满一年、不满半年",
     "条文把“直接评定为某等次”以及同一句里的召回、不得提拔等后果写在年度考核里。只有确定本年度进行年度考核"
     "（例如神木“工作半年以上的”）时，这些后果才按“确定”列出；驻村不满半年、或没有填写已驻村月数时，标为“可能适用”，"
     "同时引年度考核的条款和该情形的条款。“全年驻村工作时间不足N天”按一个完整考核年度计：年中自查或驻村不满一年时，"
     "天数还不是全年的最终数字，也只标“可能适用”。"
     "不满半年（神木）时本年度不进行年度考核，也就没有年度考核的等次：“能否评优秀”答“不能确定”，写明本文件没有规定"
     "不满半年的人是否另行评定等次（未规定），不说“由考核决定”；这时填写的等次引起的后果也只标“可能适用”。"),
    ("自己不能批准自己",
     "条文写“由第一书记批准驻村干部请假”时，第一书记本人的请假条文没有写由谁批准，结果是“条文没有覆盖”，不回答“第一书记批准”。"
     "队长（组长）可能就是第一书记的（如河北办法第四条“同一单位选派的”），列出两种读法和各自的前提。"),
    ("模糊用语",
     "“长期”“多次”“情况严重”“视情”“不宜驻村工作的”等没有数字标准的用语，不据天数或次数作出确定结论："
     "情形标“可能适用”，后果标“有条件”并写明条件，由组织认定。"),
    ("计数规则",
     "“以上、以下、以内”包含本数，“超过、不足、不满、低于”不含本数。两档都包含同一个数时（如“3天以内”和“3天以上”），两种读法都列出。"),
    ("没有核对的，不说“是”",
     "没有填写的项目不当作“符合”：结果列出还需填写的项目。文件没有规定个人评优秀条件的，不回答“可以评优秀”；"
     "文件不使用的填写项，结果写“本制度不使用此项”。"),
)


def _dedupe(rows: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    return list(dict.fromkeys(rows))


def _interval(r: dict[str, Any]) -> tuple[Any, bool, Any, bool]:
    """(low, low included, high, high included); no upper bound -> high None."""
    if "min_inclusive" in r:
        lo, lo_in = as_number(r["min_inclusive"]), True
    elif "min_exclusive" in r:
        lo, lo_in = as_number(r["min_exclusive"]), False
    else:
        lo, lo_in = as_number(0), False
    if "max_inclusive" in r:
        return lo, lo_in, as_number(r["max_inclusive"]), True
    if "max_exclusive" in r:
        return lo, lo_in, as_number(r["max_exclusive"]), False
    return lo, lo_in, None, False


def _leave_overlaps_and_gaps(rs: md.RuleSet) -> Iterator[tuple[str, str, str | None]]:
    from calculators.leave import _is_own

    ranges = (rs.get("leave") or {}).get("ranges") or []
    for r in ranges:
        for step in r["steps"]:
            for role in r["roles"]:
                if step["action"] == "approval" and _is_own(role, step["by"]):
                    yield ("自己不能批准自己", f"“{r['label']}”由{step['by']}批准：{ROLE_LABELS[role]}本人请假时"
                           "不能自己批准，结果是“条文没有覆盖”。", r["cite"])
    for role, role_label in ROLE_LABELS.items():
        special = [r for r in ranges if role in r["roles"] and r.get("specific")]
        for r in special:
            yield ("专门规定", f"{role_label}另有“{r['label']}”，在它涵盖的天数内按专门规定列出，一般规定作为说明。", r["cite"])
        mine = sorted((r for r in ranges if role in r["roles"] and not r.get("specific")),
                      key=lambda r: _interval(r)[0])
        if special:
            continue
        for i, a in enumerate(mine):
            alo, alo_in, ahi, ahi_in = _interval(a)
            for b in mine[i + 1:]:
                blo, blo_in, bhi, bhi_in = _interval(b)
                if ahi is not None and (blo < ahi or (blo == ahi and blo_in and ahi_in)):
                    yield ("范围重叠", f"{role_label}请假 {float(blo):g} 天同时落在“{a['label']}”和“{b['label']}”两档，"
                                       "两档审批人不同：两种读法都列出，不替条文选择。", a["cite"])
            if ahi is None:
                continue
            later = [_interval(b) for b in mine[i + 1:]]
            if not later:
                yield ("没有覆盖", f"{role_label}请假超过{float(ahi):g}天的，条文没有规定由谁批准。", a["cite"])
                continue
            nxt = min(later, key=lambda x: (x[0], not x[1]))
            if nxt[0] > ahi or (nxt[0] == ahi and not ahi_in and not nxt[1]):
                yield ("没有覆盖", f"{role_label}请假超过{float(ahi):g}天、不足{float(nxt[0]):g}天的，"
                                   "两档之间有空隙，条文没有规定由谁批准。", a["cite"])


def rows_of(rs: md.RuleSet) -> list[tuple[str, str, str | None]]:
    """(kind, reading, cite) for every interpretive choice in one rule set."""
    rows: list[tuple[str, str, str | None]] = []
    for c in rs.get("caveats") or []:
        rows.append(("适用提示", c["text"], c.get("cite")))
    for e in rs.get("role_equivalences") or []:
        sure = "条文写明" if e.get("certainty", "definite") == "definite" else "可能（需组织认定）"
        rows.append(("身份对应", f"{ROLE_LABELS[e['role']]}就是{ROLE_LABELS[e['same_as']]}——{sure}：{e['label']}。"
                     + (e.get("note") or ""), e["cite"]))
    for t in rs.get("triggers") or []:
        if t.get("certainty") == "possible":
            rows.append(("可能适用", f"{t['label']}：{t.get('note') or '用语没有数字标准，由组织认定。'}", t["cite"]))
    for cid, c in (rs.get("consequences") or {}).items():
        if c.get("condition"):
            rows.append(("有条件的后果", f"“{c['label']}”以“{c['condition']}”为条件，结果中标“有条件”。", c["cite"]))
    for a in (rs.get("alternatives") or {}).values():
        rows.append(("二选一", a["label"] + "。", a["cite"]))
    for chk in (rs.get("eligibility") or {}).get("checks") or []:
        if chk["outcome"] == "undetermined":
            rows.append(("需组织认定", chk["label"] + "。", chk["cite"]))
    applies = (rs.get("assessment") or {}).get("applies")
    if applies:
        rows.append(("不满一年、不满半年", f"“{applies['label']}”：不满足时本年度不进行年度考核，"
                     "直接评定等次及同一句里的后果只标“可能适用”。", applies["cite"]))
    for r in (rs.get("leave") or {}).get("ranges") or []:
        if r.get("implied"):
            rows.append(("推出的界限", r["implied"], r["cite"]))
    rows += list(_leave_overlaps_and_gaps(rs))
    for key in ("attendance", "leave", "assessment"):
        silent = (rs.get(key) or {}).get("silent")
        if silent:
            rows.append(("未规定（已核对）", silent["text"], silent.get("cite")))
    for topic, searched in ((rs.get("support") or {}).get("silent") or {}).items():
        rows.append(("未规定（已核对）", f"保障待遇“{SUPPORT_TOPICS[topic]}”：{searched}", None))
    for r in (rs.get("attendance") or {}).get("requirements") or []:
        if r.get("counts_unclear"):
            rows.append(("需组织认定", r["counts_unclear"], r["cite"]))
    for g in (rs.get("assessment") or {}).get("unlisted") or []:
        rows.append(("没有填写项", f"“{g['label']}”：情形要逐案认定，计算器没有设填写项，结果中原文列出，请对照条文。", g["cite"]))
    for path, item in cited_items(rs):
        if item.get("note") and not path.startswith(("role_equivalences", "triggers")) or (
                path.startswith("triggers") and item.get("note") and item.get("certainty") != "possible"):
            rows.append(("说明", item["note"], item["cite"]))
    for path, item in cited_items(rs):
        if path.startswith(("attendance.notes", "leave.notes", "assessment.notes", "eligibility.notes")) and \
                any(w in item.get("text", "") for w in ("需组织认定", "没有写", "没有规定", "未规定", "不作判断", "这里按", "按“")):
            rows.append(("说明", item["text"], item["cite"]))
    return _dedupe(rows)


def render(all_sets: dict[str, md.RuleSet]) -> str:
    out = [f"# {TITLE}\n", WHAT + "\n",
           "!!! note \"怎么读这一页\"\n"
           "    本页和计算器用的是同一份规则数据。“我们的读法”一栏是本知识库的解读，不是条文原话；"
           "条款链接指向原文。有不同意见的，以原发文机关的正式文本和组织认定为准。\n"]
    out.append("## 所有计算器共同的读法\n")
    out.append(md.table(["类别", "我们的读法"], [[k, v] for k, v in ENGINE_READINGS + DIARY_READINGS]))
    for rs in md.ordered(all_sets).values():
        rows = rows_of(rs)
        if not rows:
            continue
        out.append(f"## {rs['jurisdiction']}《{rs['short_name']}》\n")
        out.append(md.table(["类别", "我们的读法"], [[k, md.cell([md.cited(text, cite)])] for k, text, cite in rows]))
    return "\n".join(out)
