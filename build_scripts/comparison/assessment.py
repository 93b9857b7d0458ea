"""考核等次与召回: tiers, excellent conditions and quota, forced tiers, recall triggers, consequences."""

from __future__ import annotations

from . import md

SLUG, TITLE, TOOL = "assessment", "考核等次与召回对比", "assessment"
WHAT = "各地驻村干部年度考核的等次、评优秀的条件和比例、直接定等次的情形、召回的情形和各种后果。"


def _sub(rs: md.RuleSet, key: str) -> dict:
    return (rs.get("assessment") or {}).get(key) or {}


def _tiers(rs: md.RuleSet) -> list[str]:
    t = _sub(rs, "tiers")
    if not t:
        return []
    return [md.cited("、".join(t["value"]), t["cite"]) + md.aside(t.get("note"))]


def _applies(rs: md.RuleSet) -> list[str]:
    a = _sub(rs, "applies")
    return [md.value_item(a)] if a else []


def _excellent(rs: md.RuleSet) -> list[str]:
    out = []
    if _sub(rs, "excellent"):
        out.append("条件：" + md.cited(_sub(rs, "excellent")["label"], _sub(rs, "excellent")["cite"]))
    share = (rs.get("quota") or {}).get("excellent_share")
    if share:
        out.append("比例：" + md.value_item(share) + f"（可用{md.tool_link('quota')}核算人数）")
    return out


def _triggers(rs: md.RuleSet, keep) -> list[str]:
    return [md.trigger(rs, t) for t in rs.get("triggers") or [] if "assessment" in t["applies_to"] and keep(rs, t)]


def _forced(rs: md.RuleSet) -> list[str]:
    return _triggers(rs, lambda rs, t: bool(t.get("tier")) and t.get("certainty") != "possible")


def _no_excellent(rs: md.RuleSet) -> list[str]:
    return [md.trigger(rs, t, kinds={"no_excellent"}) for t in rs.get("triggers") or []
            if t.get("blocks_excellent") or "no_excellent" in md.consequence_kinds(rs, t.get("consequences") or [])]


def _recall(rs: md.RuleSet) -> list[str]:
    out = [md.trigger(rs, t) for t in rs.get("triggers") or []
           if "recall" in md.consequence_kinds(rs, t.get("consequences") or [])]
    for tier, refs in _sub(rs, "tier_consequences").items():
        if "recall" in md.consequence_kinds(rs, refs):
            out.append("<br>→ ".join([f"**年度考核为{tier}等次**"] + md.consequences(rs, refs)))
    return out


def _tier_consequences(rs: md.RuleSet) -> list[str]:
    return ["<br>→ ".join([f"**{tier}**"] + md.consequences(rs, refs))
            for tier, refs in _sub(rs, "tier_consequences").items()]


def _all(rs: md.RuleSet) -> list[str]:
    return _triggers(rs, lambda rs, t: True)


def _notes(rs: md.RuleSet) -> list[str]:
    return [md.note(n) for n in (rs.get("assessment") or {}).get("notes") or []]


def render(all_sets: dict[str, md.RuleSet]) -> str:
    sets = md.having(all_sets, "assessment", "quota", "triggers")
    return (md.lead(TITLE, WHAT, TOOL, sets, all_sets)
            + md.section("考核等次", sets, _tiers)
            + md.section("哪些人参加年度考核", sets, _applies)
            + md.section("评优秀：条件与比例", sets, _excellent)
            + md.section("直接定为某一等次的情形", sets, _forced,
                         "条文写明“评为（定为）某等次”的情形；写“多次”“情况严重”等没有数字标准的，列在下面“全部情形”里，标“可能适用”。")
            + md.section("不能评优秀的情形", sets, _no_excellent)
            + md.section("召回的情形", sets, _recall)
            + md.section("各等次的后果", sets, _tier_consequences)
            + md.section("考核中的全部情形及后果", sets, _all)
            + md.section("其他规定", sets, _notes))
