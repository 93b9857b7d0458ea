"""Markdown pieces shared by the comparison pages: cited items, cells, tables, the lead."""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from calculators.conditions import BOUND_KEYS, BOUND_WORDS
from calculators.schema import expand_refs
from calculators.vocabulary import LEVELS, UNIT_WORDS
from build_scripts import citations

RuleSet = dict[str, Any]
NOT_STATED = "未规定"
COUNTING_RULE = ("计数规则：“以上、以下、以内”**包含**本数（“3天以内”含3天）；"
                 "“超过、不足、不满、低于”**不含**本数（“不足200天”不含200天）。")


def cite(citation: str | None) -> str:
    """The link to the clause, after a space."""
    return f" {citations.md_link(citation)}" if citation else ""


def cited(text: str, citation: str | None) -> str:
    return f"{text}{cite(citation)}"


def tool_token(name: str) -> str:
    """Resolved by the comparison hook: a link when tools/<name>.md is built, plain text otherwise."""
    return f"[[compare-tool:{name}]]"


def who(rs: RuleSet) -> str:
    return f"**{rs['jurisdiction']}**<br>《{rs['short_name']}》"


def number_text(item: dict[str, Any]) -> str:
    """“不少于1万元”, “5万元”, “20天”: the number as the clause writes it, with its bound word."""
    shown = re.sub(r"\s+", "", item.get("number_text") or f"{item['value']}{UNIT_WORDS.get(item.get('unit', 'none'), '')}")
    bound = next((k for k in BOUND_KEYS if k in item and str(item[k]) == str(item["value"])), None)
    return (BOUND_WORDS[bound] if bound else "") + shown


def value_item(item: dict[str, Any]) -> str:
    """label：**number** [cite] — or the label alone when the item has no number."""
    value = item.get("value")
    if value is None or isinstance(value, (bool, list)):
        return cited(item["label"], item["cite"])
    return cited(f"{item['label']}：**{number_text(item)}**", item["cite"])


def aside(text: str | None, prefix: str = "说明：") -> str:
    """A smaller line under an item (a rule set's note, an overridden reading)."""
    return f'<small class="cmp-aside">{prefix}{text}</small>' if text else ""


def note(n: dict[str, Any]) -> str:
    """A rule set's note with its clause; one without a clause (a remark on silence) as an aside."""
    return cited(n["text"], n["cite"]) if n.get("cite") else aside(n["text"])


def consequence_text(rs: RuleSet, c: dict[str, Any]) -> str:
    """A consequence as shown: conditional ones say so (with their condition), alternatives say which."""
    text = c["label"]
    if c.get("mitigates"):
        text = "可从轻或免责：" + text
    elif c.get("condition"):
        text = ("有条件：" if c["condition"] in text else f"有条件（{c['condition']}）：") + text
    if c.get("alternative"):
        text += aside((rs.get("alternatives") or {})[c["alternative"]]["label"], "二选一：")
    return text


def consequences(rs: RuleSet, refs: list[str], kinds: set[str] | None = None) -> list[str]:
    """Each consequence (groups expanded) with its citation; only `kinds` when given."""
    table = rs.get("consequences") or {}
    return [cited(consequence_text(rs, table[i]), table[i]["cite"])
            for i in expand_refs(refs, table, rs.get("groups") or {}) if kinds is None or table[i]["kind"] in kinds]


def consequence_kinds(rs: RuleSet, refs: list[str]) -> set[str]:
    table = rs.get("consequences") or {}
    return {table[i]["kind"] for i in expand_refs(refs, table, rs.get("groups") or {})}


def trigger(rs: RuleSet, t: dict[str, Any], kinds: set[str] | None = None) -> str:
    """One situation and what follows from it (only consequences of `kinds` when given), each cited."""
    head = ("可能适用：" if t.get("certainty") == "possible" else "") + f"**{t['label']}**"
    parts = [cited(head, t["cite"])]
    if t.get("tier") and "tier" not in consequence_kinds(rs, t.get("consequences") or []):
        parts.append(f"定为{t['tier']}")
    parts += consequences(rs, t.get("consequences") or [], kinds)
    return "<br>→ ".join(parts)


CITE_LINK = re.compile(" ?" + citations.MD_LINK.pattern)


def once_per_cell(parts: list[str]) -> list[str]:
    """Each clause cited once in a cell: a citation is kept where it last appears, dropped before
    (one clause, one link text)."""
    seen: set[str] = set()
    out = []
    for part in reversed(parts):
        links = [m.group(0).lstrip() for m in CITE_LINK.finditer(part)]

        def keep(m: re.Match, pending=list(links)) -> str:
            link = pending.pop(0)
            if link in seen or link in pending:
                return ""
            return m.group(0)
        part = CITE_LINK.sub(keep, part)
        seen.update(links)
        out.append(part)
    return list(reversed(out))


def cell(parts: Iterable[str]) -> str:
    """Several items stack as blocks (site CSS .cmp-item); an empty cell says 未规定.
    A clause cited by several items is linked once, after the last of them."""
    parts = once_per_cell([p for p in parts if p])
    if len(parts) > 1:
        parts = [f'<span class="cmp-item">{p}</span>' for p in parts]
    text = "".join(parts) if parts else NOT_STATED
    return text.replace("|", "&#124;").replace("\n", " ")


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def section(title: str, rule_sets: dict[str, RuleSet], parts: Callable[[RuleSet], list[str]],
            intro: str = "") -> str:
    """## title, then one row per rule set (never merged): 地区与文件 | 规定 (未规定 where silent)."""
    rows = [[who(rs), cell(parts(rs))] for rs in rule_sets.values()]
    return f"## {title}\n\n" + (f"{intro}\n\n" if intro else "") + table(["地区与文件", "规定"], rows) + "\n"


def lead(title: str, what: str, tool: str | None, rule_sets: dict[str, RuleSet], all_sets: dict[str, RuleSet]) -> str:
    """The page head: what the page is, how to read it, which rule sets are not on it."""
    out = [f"# {title}\n", what + "\n",
           "!!! note \"怎么读这一页\"\n"
           "    本页和计算器用的是同一份规则数据。"
           "每个地区（文件）单独一行，互不合并；每条规定后面的链接指向原文条款。"
           "规则集里没有写的，表中写“未规定”，不作推测。\n\n"
           f"    {COUNTING_RULE}\n"]
    for rs in rule_sets.values():
        for c in rs.get("caveats") or []:
            out.append(f"!!! warning \"关于《{rs['short_name']}》\"\n    {cited(c['text'], c.get('cite'))}\n")
    if tool:
        out.append(f"按自己的情况核对：{tool_token(tool)}。\n")
    absent = [f"《{rs['short_name']}》" for rid, rs in ordered(all_sets).items() if rid not in rule_sets]
    if absent:
        out.append(f"以下文件（规则集）对本主题没有作出规定，未列入表中：{'、'.join(absent)}。\n")
    return "\n".join(out) + "\n"


def ordered(all_sets: dict[str, RuleSet]) -> dict[str, RuleSet]:
    """Province first, then city, county, township, sending unit (vocabulary.json `levels`, the level each
    rule set takes from its document); unknown levels last."""
    rank = {lvl: i for i, lvl in enumerate(LEVELS)}
    return dict(sorted(all_sets.items(), key=lambda kv: (rank.get(kv[1].get("level", ""), len(rank)), kv[0])))


def having(all_sets: dict[str, RuleSet], *keys: str) -> dict[str, RuleSet]:
    return {rid: rs for rid, rs in ordered(all_sets).items() if any(k in rs for k in keys)}
