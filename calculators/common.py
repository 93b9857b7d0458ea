"""Pieces every calculator shares: findings, consequences and triggers from a rule set."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .conditions import evaluate, fields_used
from .fields import CALCULATORS
from .schema import expand_refs

Item = dict[str, Any]

DERIVED_LABELS = {
    "days_in_village_month": "本月驻村工作天数",
    "days_in_village_year": "全年驻村工作天数",
    "leave_total": "本年已批准请假天数（请假时加上本次天数）",
    "disapproval_ratio": "不称职得票率",
}


def finding(text: str, cite: str | None) -> Item:
    return {"text": text, "cite": cite}


def note_item(note: dict[str, Any]) -> Item:
    return finding(note["text"], note.get("cite"))


def add_unique(items: list[Item], new: list[Item]) -> None:
    for item in new:
        if item not in items:
            items.append(item)


def label_of(name: str) -> str:
    if name in DERIVED_LABELS:
        return DERIVED_LABELS[name]
    for calc in CALCULATORS.values():
        for f in calc["fields"]:
            if f["name"] == name:
                return f["label"]
    return name


def show_value(v: Any) -> str:
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, Fraction):
        return f"{v.numerator}/{v.denominator}（约{float(v) * 100:.1f}%）"
    if isinstance(v, list):
        return "、".join(map(str, v)) or "无"
    return str(v)


def facts_text(cond: dict[str, Any], facts: dict[str, Any]) -> str:
    """"填写：全年驻村工作天数 195" for the fields a condition used."""
    parts = []
    for name in dict.fromkeys(fields_used(cond)):
        if facts.get(name) is not None:
            parts.append(f"{label_of(name)} {show_value(facts[name])}")
    return f"（填写：{'，'.join(parts)}）" if parts else ""


# Who a consequence is about, from its kind (a consequence may say `to:` itself).
AUDIENCE_OF_KIND = {"unit": "unit", "deadline": "procedure", "report": "procedure"}
AUDIENCES = ("self", "unit", "procedure")


def consequence_item(rule_set: dict[str, Any], cid: str) -> Item:
    """One consequence as shown: text, cite, to (self | unit | procedure), and when the text makes it
    conditional (情节严重的, 视情, 不宜驻村工作的) `condition`; `alternative` names the set of outcomes
    only one of which follows, with what decides between them."""
    c = (rule_set.get("consequences") or {})[cid]
    item = finding(c["label"], c["cite"])
    item["to"] = c.get("to") or AUDIENCE_OF_KIND.get(c["kind"], "self")
    if c.get("condition"):
        item["condition"] = c["condition"]
    if c.get("mitigates"):
        item["mitigation"] = True
    if c.get("alternative"):
        alt = (rule_set.get("alternatives") or {})[c["alternative"]]
        item["alternative"] = alt["label"]
        item["alternative_cite"] = alt["cite"]
    return item


def consequences(rule_set: dict[str, Any], refs: list[str], certainty: str = "definite",
                 because: str | None = None) -> list[Item]:
    table = rule_set.get("consequences") or {}
    ids = expand_refs(refs, table, rule_set.get("groups") or {})
    out = []
    for i in ids:
        item = consequence_item(rule_set, i)
        if certainty == "possible":
            item["certainty"] = "possible"
            if because:
                item["condition"] = because if "condition" not in item else f"{because}；{item['condition']}"
        out.append(item)
    return out


def merge_consequences(items: list[Item], new: list[Item]) -> None:
    """Add consequences once; a consequence that is definite by one finding stays definite."""
    for item in new:
        same = next((i for i in items if i["text"] == item["text"] and i["cite"] == item["cite"]), None)
        if same is None:
            items.append(item)
        elif same.get("certainty") == "possible" and item.get("certainty") != "possible":
            items[items.index(same)] = item


def consequence_kinds(rule_set: dict[str, Any], refs: list[str]) -> list[str]:
    table = rule_set.get("consequences") or {}
    return [table[i]["kind"] for i in expand_refs(refs, table, rule_set.get("groups") or {})]


def triggers_for(rule_set: dict[str, Any], calculator: str) -> list[dict[str, Any]]:
    return [t for t in rule_set.get("triggers") or [] if calculator in t["applies_to"]]


def check_triggers(rule_set: dict[str, Any], calculator: str, facts: dict[str, Any]
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(fired, unchecked): triggers whose condition holds, and those lacking an input."""
    fired, unchecked = [], []
    for t in triggers_for(rule_set, calculator):
        result = evaluate(t["when"], facts)
        if result is True:
            fired.append(t)
        elif result is None:
            unchecked.append(t)
    return fired, unchecked


def is_definite(trigger: dict[str, Any]) -> bool:
    return trigger.get("certainty", "definite") == "definite"


def trigger_finding(trigger: dict[str, Any], facts: dict[str, Any], certainty: str | None = None,
                    because: str | None = None) -> Item:
    certainty = certainty or trigger.get("certainty", "definite")
    prefix = "" if certainty == "definite" else "可能适用："
    item = finding(prefix + trigger["label"] + facts_text(trigger["when"], facts), trigger["cite"])
    if certainty != "definite":
        item["certainty"] = "possible"
        item["because"] = because or trigger.get("note") or "条文的用语没有数字标准，是否适用需组织认定。"
    return item


def trigger_notes(triggers: list[dict[str, Any]]) -> list[Item]:
    return [finding(t["note"], t["cite"]) for t in triggers if t.get("note")]


def unchecked_note(unchecked: list[dict[str, Any]], facts: dict[str, Any] | None = None) -> list[Item]:
    """One short note naming the inputs that would decide more (the full list is in `unchecked`)."""
    if not unchecked:
        return []
    names = missing_inputs(unchecked, facts or {})
    return [finding(f"还有 {len(unchecked)} 种情形未核对，填写这些项可以核对：{'、'.join(label_of(n) for n in names)}。",
                    None)]


def missing_inputs(unchecked: list[dict[str, Any]], facts: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for t in unchecked:
        for n in fields_used(t["when"]):
            n = INPUT_OF_DERIVED.get(n, n)
            if facts.get(n) is None and n not in out:
                out.append(n)
    return out


# The input a derived fact comes from (for "fill in this field").
INPUT_OF_DERIVED = {"days_in_village_month": "days_in_village", "days_in_village_year": "days_in_village_year",
                    "leave_total": "leave_days_year", "disapproval_ratio": "disapproval_votes"}


def unchecked_items(unchecked: list[dict[str, Any]], facts: dict[str, Any], calculator: str) -> list[Item]:
    """[{field, label, cite}] the inputs that would decide more, each a tap back to its field."""
    own = {f["name"] for f in CALCULATORS[calculator]["fields"]}
    out: list[Item] = []
    for t in unchecked:
        for n in fields_used(t["when"]):
            n = INPUT_OF_DERIVED.get(n, n)
            if calculator == "attendance" and n == "days_in_village_year":
                n = "days_in_village"
            if n in own and facts.get(n) in (None, []) and not any(o["field"] == n for o in out):
                out.append({"field": n, "label": label_of(n), "why": t["label"], "cite": t.get("cite")})
    return out


def unused_inputs(rule_set: dict[str, Any], calculator: str, inp: dict[str, Any],
                  used: set[str]) -> list[Item]:
    """"本制度不使用此项：…" for inputs the user gave that this rule set's rules never read."""
    names = [n for n, v in inp.items() if v not in (None, []) and n not in used]
    if not names:
        return []
    return [finding(f"本制度不使用此项：{'、'.join(label_of(n) for n in names)}（所选文件没有据此作出规定，"
                    "填写的内容没有影响结果）。", None)]


def fields_in(rule_set: dict[str, Any], calculator: str, extra: list[dict[str, Any]] = ()) -> set[str]:
    """Input names the rule set's conditions read for a calculator (derived facts mapped to inputs)."""
    out: set[str] = set()
    for t in triggers_for(rule_set, calculator):
        out.update(INPUT_OF_DERIVED.get(n, n) for n in fields_used(t["when"]))
    for cond in extra:
        out.update(INPUT_OF_DERIVED.get(n, n) for n in fields_used(cond))
    if "disapproval_votes" in out:
        out.add("total_votes")
    return out


def caveats(rule_set: dict[str, Any]) -> list[Item]:
    """What every result from this rule set must say once (e.g. the text is undated and may be superseded)."""
    return [finding(c["text"], c.get("cite")) for c in rule_set.get("caveats") or []]


def citations_of(items: list[Item]) -> list[str]:
    return list(dict.fromkeys(i["cite"] for i in items if i.get("cite")))


def header(rule_set: dict[str, Any], calculator: str) -> dict[str, Any]:
    return {"calculator": calculator, "rules": rule_set["id"], "rules_name": rule_set["short_name"],
            "caveats": caveats(rule_set)}


# --- consequences that hang on the annual assessment ------------------------------------------

YEAR_FIELDS = ("days_in_village_year",)


def _has_year_shortfall(cond: dict[str, Any]) -> bool:
    """A "不足N天 in the year" test: only final once the whole assessment year has been served."""
    if "field" in cond:
        return cond["field"] in YEAR_FIELDS and ("max_exclusive" in cond or "max_inclusive" in cond)
    return any(_has_year_shortfall(c) for key in ("all", "any") for c in cond.get(key, [])) or (
        "not" in cond and _has_year_shortfall(cond["not"]))


def whole_year(facts: dict[str, Any]) -> bool | None:
    """Whether the figures cover one complete assessment year served in the village."""
    if facts.get("whole_year") is not None:
        return bool(facts["whole_year"])
    months = facts.get("months_served")
    if months is None:
        return None
    return months >= 12


def annual_applies(rule_set: dict[str, Any], facts: dict[str, Any]) -> tuple[bool | None, dict[str, Any] | None]:
    """(does an annual assessment apply this year, the rule item that says when it does)."""
    applies = (rule_set.get("assessment") or {}).get("applies")
    if applies is None:
        return True, None
    if whole_year(facts) is True:
        return True, applies
    return evaluate(applies["when"], facts), applies


def trigger_certainty(rule_set: dict[str, Any], trigger: dict[str, Any], facts: dict[str, Any]
                      ) -> tuple[str, str | None, str | None]:
    """(certainty, why it is only possible, the other clause the reason rests on).

    A trigger whose consequence is an annual-assessment tier (and the recall, ban ... the same
    sentence ties to it) is certain only when an annual assessment applies; a "全年不足N天" trigger
    only when the figures cover a whole assessment year. Otherwise it is shown as 可能适用."""
    if not is_definite(trigger):
        return "possible", trigger.get("note"), None
    if trigger.get("tier"):
        annual, applies = annual_applies(rule_set, facts)
        if annual is False and applies:
            return ("possible", f"填写的情况不满足“{applies['label']}”，本年度不进行年度考核；"
                    f"“{trigger['label']}”的后果写在年度考核的条款里，对不满半年的人是否适用条文没有写明，需组织认定。",
                    applies["cite"])
        if annual is None and applies:
            return ("possible", f"条文规定“{applies['label']}”；没有填写已驻村月数（或是否为完整年度），"
                    "无法确定本年度是否进行年度考核，所以这些后果只是可能适用。", applies["cite"])
    if _has_year_shortfall(trigger["when"]):
        whole = whole_year(facts)
        if whole is not True:
            applies = (rule_set.get("assessment") or {}).get("applies")
            why = ("驻村不满一个完整的考核年度（或年度尚未结束），全年天数还不是最终数字；"
                   if whole is False else "没有说明所填天数是否为一个完整考核年度的天数；")
            return ("possible", why + f"“{trigger['label']}”按完整年度计，是否适用需组织认定。",
                    applies["cite"] if applies else None)
    return "definite", None, None


def fired_trigger(rule_set: dict[str, Any], trigger: dict[str, Any], facts: dict[str, Any],
                  findings: list[Item], consequence_list: list[Item]) -> str:
    """Add a fired trigger's finding and consequences; return its certainty."""
    certainty, because, because_cite = trigger_certainty(rule_set, trigger, facts)
    item = trigger_finding(trigger, facts, certainty, because)
    if because_cite and because_cite != trigger["cite"]:
        item["because_cite"] = because_cite
    findings.append(item)
    short = f"如“{trigger['label']}”确实适用" if certainty == "possible" else None
    merge_consequences(consequence_list, consequences(rule_set, trigger.get("consequences") or [], certainty, short))
    return certainty
