"""保障待遇: work funds, allowances, insurance, health checks, leave ... from each rule set's `support`."""

from __future__ import annotations

from calculators.vocabulary import SUPPORT_TOPICS

from . import md

SLUG, TITLE, TOOL = "support", "保障待遇对比", None
WHAT = "各地为驻村干部安排的工作经费、生活补助、通讯和交通补贴、保险、体检、医疗、休假等保障。金额以条文原话为准；条文只说“按规定”“参照标准”的，这里不补数字。"


def _topic(topic: str):
    def parts(rs: md.RuleSet) -> list[str]:
        items = [md.value_item(i) + md.aside(i.get("note"))
                 for i in rs["support"]["items"] if i["topic"] == topic]
        searched = (rs["support"].get("silent") or {}).get(topic)
        if not items and searched:
            return [md.NOT_STATED + md.aside(searched, "已核对：")]
        return items
    return parts


def _notes(rs: md.RuleSet) -> list[str]:
    return [md.note(n) for n in rs["support"].get("notes") or []]


def render(all_sets: dict[str, md.RuleSet]) -> str:
    sets = md.having(all_sets, "support")
    body = "".join(md.section(name, sets, _topic(topic)) for topic, name in SUPPORT_TOPICS.items())
    notes = md.section("其他规定", sets, _notes) if any(rs["support"].get("notes") for rs in sets.values()) else ""
    return md.lead(TITLE, WHAT, TOOL, sets, all_sets) + body + notes
