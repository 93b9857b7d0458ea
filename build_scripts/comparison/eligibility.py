"""人选条件: who may be sent, condition by condition (党员, 党龄, 工作经历, 身份, 考核, 身体)."""

from __future__ import annotations

from calculators.conditions import fields_used
from calculators.fields import ROLE_LABELS
from calculators.vocabulary import ROLES

from . import md

SLUG, TITLE, TOOL = "eligibility", "人选条件对比", "eligibility"
WHAT = "各地对驻村第一书记、工作队员人选的硬性条件：党员身份、党龄、工作经历、人事身份、近两年考核和身体条件。"

OUTCOMES = {"ineligible": "不得选派", "undetermined": "需组织认定", "preferred": "优先"}
ROWS = [("是否党员", "party_member"), ("党龄", "party_years"), ("工作经历", "work_years"),
        ("人事身份", "employment"), ("近两年考核", "ratings_last_two_years"), ("身体条件", "health_ok")]


def _check(chk: dict) -> str:
    roles = chk.get("roles") or list(ROLES)
    who = "" if len(roles) == len(ROLES) else "（" + "、".join(ROLE_LABELS[r] for r in roles) + "）"
    note = md.aside(chk.get("note"))
    return md.cited(f"**{OUTCOMES[chk['outcome']]}**{who}：{chk['label']}", chk["cite"]) + note


def _by_field(field: str):
    def parts(rs: md.RuleSet) -> list[str]:
        return [_check(c) for c in rs["eligibility"]["checks"] if field in fields_used(c["when"])]
    return parts


def _notes(rs: md.RuleSet) -> list[str]:
    return [md.note(n) for n in rs["eligibility"].get("notes") or []]


def _roles(rs: md.RuleSet) -> list[str]:
    out = []
    for e in rs.get("role_equivalences") or []:
        sure = "" if e.get("certainty", "definite") == "definite" else "（不是所有村都如此，需组织认定）"
        out.append(md.cited(f"{ROLE_LABELS[e['role']]}由{ROLE_LABELS[e['same_as']]}兼任{sure}：{e['label']}", e["cite"]))
    return out


def _tenure(rs: md.RuleSet) -> list[str]:
    section = rs.get("tenure") or {}
    words = {"allowed": "可以轮换", "forbidden": "不得轮换", "undetermined": "需组织认定"}
    out = [md.value_item(i) if i.get("value") is not None and not isinstance(i.get("value"), str) else
           md.cited(i["label"], i["cite"]) for i in section.get("items") or []]
    out += [md.cited(f"**{words[r['outcome']]}**：{r['label']}", r["cite"]) for r in section.get("rotation") or []]
    out += [md.note(n) for n in section.get("notes") or []]
    return out


def render(all_sets: dict[str, md.RuleSet]) -> str:
    sets = md.having(all_sets, "eligibility")
    known = {f for _, f in ROWS}
    other = lambda rs: [_check(c) for c in rs["eligibility"]["checks"]  # noqa: E731
                        if not known & set(fields_used(c["when"]))]
    body = "".join(md.section(title, sets, _by_field(field)) for title, field in ROWS)
    with_roles, with_tenure = md.having(all_sets, "role_equivalences"), md.having(all_sets, "tenure")
    return (md.lead(TITLE, WHAT, TOOL, sets, all_sets)
            + "“不得选派”是条文明确排除的；“需组织认定”是条文留有余地或没有说到、要由组织判断的；“优先”不是硬性条件。\n\n"
            + body + md.section("其他条件", sets, other) + md.section("其他规定", sets, _notes)
            + md.section("第一书记与工作队长", with_roles, _roles,
                         "只列写到这一点的文件；中办国办指导意见（本站为节选）写的是“驻村工作队队长原则上由驻村第一书记兼任”"
                         + md.cite("central-2017#s1-2") + "。")
            + md.section("任期、交接与轮换", with_tenure, _tenure, "只列写到任期的文件。"))
