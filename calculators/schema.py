"""The shape of a rule set, and a checker that reports every problem with its key path.

A rule set is one mapping (one YAML file per document, `calculators/rules/<document-id>.yml`).
Each rule item is modelled on OpenFisca / PolicyEngine parameters: a `label`, the `value`
with its `unit` and `period` where there is a number, and the legal reference as
`cite: <doc-id>#<anchor>` plus `quote:`, the clause's own words copied exactly.
"""

from __future__ import annotations

import re
from typing import Any

from .citations import EXAMPLE, is_citation
from .conditions import BOUND_KEYS, FIELD_TESTS
from .fields import CALCULATORS

CALCULATOR_NAMES = tuple(CALCULATORS)
ROLES = ("first_secretary", "team_leader", "member")
PERIODS = ("month", "year", "day", "once", "term", "none")
UNITS = ("day", "night", "time", "percent", "ratio", "workday", "year", "month", "person",
         "yuan", "vote", "none")
ACTIONS = ("consent", "approval", "filing")
CONSEQUENCE_KINDS = ("tier", "recall", "no_promotion", "no_excellent", "bonus_cut", "education",
                     "deadline", "criticism", "accountability", "record", "report", "unit", "other")
OUTCOMES = ("ineligible", "undetermined", "preferred")
CERTAINTY = ("definite", "possible")
AUDIENCES = ("self", "unit", "procedure")
TENURE_KINDS = ("term", "handover", "other")
ROTATION_REASONS = ("promotion", "post_change", "health", "left_unit", "term_end")
ROTATION_OUTCOMES = ("allowed", "forbidden", "undetermined")
# `support` (保障待遇) items: topic id -> the row name on the comparison page, in page order.
SUPPORT_TOPICS = {
    "pay": "工资、福利和人事关系", "work_funds": "工作经费", "living_allowance": "生活补助",
    "hardship_allowance": "艰苦边远地区补助", "transport": "交通补贴", "communication": "通讯补贴",
    "insurance": "人身意外伤害保险", "health_check": "体检", "medical": "医疗费", "paid_leave": "休假",
    "injury_death": "因公负伤、工伤和牺牲", "conditions": "工作和生活条件", "care": "关怀慰问",
    "training": "学习培训",
}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Names a condition may test: every input field plus the derived facts the calculators add.
DERIVED = {
    "days_in_village_month": "attendance: days_in_village when period is month",
    "days_in_village_year": "attendance: days_in_village when period is year",
    "leave_total": "leave: leave_days_year + days; attendance: leave_days_year",
    "disapproval_ratio": "assessment: disapproval_votes / total_votes (exact fraction)",
}
CONDITION_FIELDS = set(DERIVED) | {f["name"] for c in CALCULATORS.values() for f in c["fields"]}


class RuleSetError(ValueError):
    """A rule set does not match the schema. `problems` lists (key path, message)."""

    def __init__(self, source: str, problems: list[tuple[str, str]]) -> None:
        self.source = source
        self.problems = problems
        lines = [f"{source}: {path or '(top)'}: {msg}" for path, msg in problems]
        super().__init__("rule set invalid:\n  " + "\n  ".join(lines))


def _in(value: Any, collection: Any) -> bool:
    """`value in collection`, False for a value that cannot be looked up (a mapping or list from the file)."""
    try:
        return value in collection
    except TypeError:
        return False


class _Checker:
    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def err(self, path: str, msg: str) -> None:
        self.problems.append((path, msg))

    # --- primitives -----------------------------------------------------------------
    def keys(self, obj: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...]) -> bool:
        if not isinstance(obj, dict):
            self.err(path, "should be a mapping")
            return False
        complete = True
        for k in required:
            if k not in obj:
                self.err(f"{path}.{k}".lstrip("."), "is required")
                complete = False
        for k in obj:
            if not _in(k, required) and not _in(k, optional):
                self.err(f"{path}.{k}".lstrip("."), f"unknown key (allowed: {', '.join(required + optional)})")
        return complete

    def string(self, obj: dict, key: str, path: str) -> None:
        if key in obj and not (isinstance(obj[key], str) and obj[key].strip()):
            self.err(f"{path}.{key}".lstrip("."), "should be a non-empty string")

    def enum(self, obj: dict, key: str, path: str, allowed: tuple[str, ...]) -> None:
        if key in obj and not _in(obj[key], allowed):
            self.err(f"{path}.{key}".lstrip("."), f"{obj[key]!r} is not one of {', '.join(allowed)}")

    def list_of(self, obj: dict, key: str, path: str) -> list:
        if key not in obj:
            return []
        if not isinstance(obj[key], list):
            self.err(f"{path}.{key}".lstrip("."), "should be a list")
            return []
        return obj[key]

    def number(self, value: Any, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self.err(path, "should be a number or a fraction string like \"1/3\"")
        elif isinstance(value, str) and not re.fullmatch(r"\d+(\.\d+)?(/\d+)?", value.strip()):
            self.err(path, f"{value!r} is not a number or fraction")

    def bounds(self, obj: dict, path: str) -> None:
        for k in BOUND_KEYS:
            if k in obj:
                self.number(obj[k], f"{path}.{k}")
        if "min_inclusive" in obj and "min_exclusive" in obj:
            self.err(path, "give min_inclusive or min_exclusive, not both")
        if "max_inclusive" in obj and "max_exclusive" in obj:
            self.err(path, "give max_inclusive or max_exclusive, not both")

    # --- shared parts ---------------------------------------------------------------
    CITED = ("label", "cite", "quote")
    CITED_OPT = ("value", "unit", "period", "number_text", "note")

    def cited(self, obj: dict, path: str) -> None:
        for k in ("label", "quote", "number_text", "note"):
            self.string(obj, k, path)
        cite = obj.get("cite")
        if "cite" in obj and not is_citation(cite):
            self.err(f"{path}.cite", f"{cite!r} is not a citation like {EXAMPLE}")
        self.enum(obj, "unit", path, UNITS)
        self.enum(obj, "period", path, PERIODS)
        if "value" in obj and not isinstance(obj["value"], (list, bool, str)):
            self.number(obj["value"], f"{path}.value")

    def note(self, obj: Any, path: str) -> None:
        if self.keys(obj, path, ("text",), ("cite", "quote")):
            self.cited(obj, path)
            if "quote" in obj and "cite" not in obj:
                self.err(path, "a quote needs a cite")

    def notes(self, obj: dict, key: str, path: str) -> None:
        for i, n in enumerate(self.list_of(obj, key, path)):
            self.note(n, f"{path}.{key}[{i}]".lstrip("."))

    def condition(self, cond: Any, path: str) -> None:
        if not isinstance(cond, dict):
            self.err(path, "a condition should be a mapping")
            return
        if "all" in cond or "any" in cond:
            key = "all" if "all" in cond else "any"
            self.keys(cond, path, (key,), ())
            for i, c in enumerate(cond[key] if isinstance(cond[key], list) else []):
                self.condition(c, f"{path}.{key}[{i}]")
            return
        if "not" in cond:
            self.keys(cond, path, ("not",), ())
            self.condition(cond["not"], f"{path}.not")
            return
        self.keys(cond, path, ("field",), FIELD_TESTS)
        if not _in(cond.get("field"), CONDITION_FIELDS):
            self.err(f"{path}.field", f"{cond.get('field')!r} is not an input field or derived fact")
        if not any(k in cond for k in FIELD_TESTS):
            self.err(path, f"needs a test: one of {', '.join(FIELD_TESTS)}")
        self.bounds(cond, path)

    def roles(self, obj: dict, path: str) -> None:
        for i, r in enumerate(self.list_of(obj, "roles", path)):
            if not _in(r, ROLES):
                self.err(f"{path}.roles[{i}]", f"{r!r} is not one of {', '.join(ROLES)}")

    def steps(self, obj: dict, key: str, path: str, cited: bool) -> None:
        for i, s in enumerate(self.list_of(obj, key, path)):
            p = f"{path}.{key}[{i}]"
            req = ("by", "action") + (("cite", "quote") if cited else ())
            if self.keys(s, p, req, ("roles",)):
                self.string(s, "by", p)
                self.enum(s, "action", p, ACTIONS)
                if cited:
                    self.cited(s, p)
                self.roles(s, p)


def _check_sections(c: _Checker, doc: dict) -> None:
    consequences = doc.get("consequences") or {}
    groups = doc.get("groups") or {}
    alternatives = doc.get("alternatives") or {}
    if not isinstance(alternatives, dict):
        c.err("alternatives", "should be a mapping id -> alternative")
        alternatives = {}
    if not isinstance(consequences, dict):
        c.err("consequences", "should be a mapping id -> consequence")
        consequences = {}
    for cid, item in consequences.items():
        p = f"consequences.{cid}"
        if c.keys(item, p, c.CITED + ("kind",), c.CITED_OPT + ("to", "condition", "alternative", "mitigates")):
            c.cited(item, p)
            c.enum(item, "kind", p, CONSEQUENCE_KINDS)
            c.enum(item, "to", p, AUDIENCES)
            c.string(item, "condition", p)
            if "alternative" in item and not _in(item["alternative"], alternatives):
                c.err(f"{p}.alternative", f"{item['alternative']!r} is not an id under alternatives")
    if not isinstance(groups, dict):
        c.err("groups", "should be a mapping id -> list of consequence ids")
        groups = {}
    for gid, members in list(groups.items()):
        if not isinstance(members, list):
            c.err(f"groups.{gid}", "should be a list of consequence or group ids")
            groups = {k: v for k, v in groups.items() if k != gid}
            continue
        if gid in consequences:
            c.err(f"groups.{gid}", "a group id may not repeat a consequence id")
        for i, m in enumerate(members if isinstance(members, list) else []):
            if not _in(m, consequences) and not _in(m, groups):
                c.err(f"groups.{gid}[{i}]", f"{m!r} is not a consequence or group id")
    for gid in groups:
        try:
            expand_refs([gid], consequences, groups)
        except ValueError as exc:
            c.err(f"groups.{gid}", str(exc))

    def refs(obj: dict, key: str, path: str) -> None:
        for i, ref in enumerate(c.list_of(obj, key, path)):
            if not _in(ref, consequences) and not _in(ref, groups):
                c.err(f"{path}.{key}[{i}]", f"{ref!r} is not a consequence or group id")

    for aid, alt in alternatives.items():
        if c.keys(alt, f"alternatives.{aid}", c.CITED, c.CITED_OPT):
            c.cited(alt, f"alternatives.{aid}")
    for i, e in enumerate(c.list_of(doc, "role_equivalences", "")):
        p = f"role_equivalences[{i}]"
        if c.keys(e, p, c.CITED + ("role", "same_as"), c.CITED_OPT + ("certainty",)):
            c.cited(e, p)
            c.enum(e, "role", p, ROLES)
            c.enum(e, "same_as", p, ROLES)
            c.enum(e, "certainty", p, CERTAINTY)
    for i, n in enumerate(c.list_of(doc, "caveats", "")):
        c.note(n, f"caveats[{i}]")
    sec = doc.get("tenure")
    if sec is not None and c.keys(sec, "tenure", ("items",), ("rotation", "notes")):
        for i, item in enumerate(c.list_of(sec, "items", "tenure")):
            p = f"tenure.items[{i}]"
            if c.keys(item, p, c.CITED, c.CITED_OPT + BOUND_KEYS + ("roles", "kind")):
                c.cited(item, p)
                c.bounds(item, p)
                c.roles(item, p)
                c.enum(item, "kind", p, TENURE_KINDS)
        for i, item in enumerate(c.list_of(sec, "rotation", "tenure")):
            p = f"tenure.rotation[{i}]"
            if c.keys(item, p, c.CITED + ("reasons", "outcome"), c.CITED_OPT):
                c.cited(item, p)
                c.enum(item, "outcome", p, ROTATION_OUTCOMES)
                for j, r in enumerate(c.list_of(item, "reasons", p)):
                    if not _in(r, ROTATION_REASONS):
                        c.err(f"{p}.reasons[{j}]", f"{r!r} is not one of {', '.join(ROTATION_REASONS)}")
        c.notes(sec, "notes", "tenure")

    seen: set[str] = set()
    for i, t in enumerate(c.list_of(doc, "triggers", "")):
        p = f"triggers[{i}]"
        if not c.keys(t, p, c.CITED + ("id", "applies_to", "when"),
                      c.CITED_OPT + ("tier", "blocks_excellent", "consequences", "certainty", "breach")):
            continue
        c.cited(t, p)
        if not (isinstance(t.get("id"), str) and ID_RE.match(t["id"])):
            c.err(f"{p}.id", "should be a lower-case ascii id like absent-15-days")
        elif t["id"] in seen:
            c.err(f"{p}.id", f"duplicate trigger id {t.get('id')!r}")
        else:
            seen.add(t["id"])
        for j, a in enumerate(c.list_of(t, "applies_to", p)):
            if not _in(a, ("attendance", "leave", "assessment")):
                c.err(f"{p}.applies_to[{j}]", f"{a!r}: triggers apply to attendance, leave or assessment")
        c.condition(t.get("when"), f"{p}.when")
        c.enum(t, "certainty", p, CERTAINTY)
        refs(t, "consequences", p)

    sec = doc.get("attendance")
    if sec is not None and c.keys(sec, "attendance", (), ("requirements", "nights", "excuse", "silent", "notes")):
        for key in ("requirements", "nights"):
            for i, r in enumerate(c.list_of(sec, key, "attendance")):
                p = f"attendance.{key}[{i}]"
                if c.keys(r, p, c.CITED + ("period", "min_inclusive"), c.CITED_OPT + ("counts", "counts_unclear")):
                    c.cited(r, p)
                    c.bounds(r, p)
                    c.enum(r, "period", p, ("month", "year"))
                    c.string(r, "counts", p)
                    c.string(r, "counts_unclear", p)
        if "excuse" in sec and c.keys(sec["excuse"], "attendance.excuse", c.CITED + ("allowed",), c.CITED_OPT):
            c.cited(sec["excuse"], "attendance.excuse")
        if "silent" in sec:
            c.note(sec["silent"], "attendance.silent")
        c.notes(sec, "notes", "attendance")

    sec = doc.get("leave")
    if sec is not None and c.keys(sec, "leave", (), ("ranges", "after_steps", "silent", "notes")):
        for i, r in enumerate(c.list_of(sec, "ranges", "leave")):
            p = f"leave.ranges[{i}]"
            if c.keys(r, p, c.CITED + ("roles", "steps"), c.CITED_OPT + BOUND_KEYS + ("specific", "implied")):
                c.cited(r, p)
                c.bounds(r, p)
                c.roles(r, p)
                c.steps(r, "steps", p, cited=False)
                c.string(r, "implied", p)
                if not any(s.get("action") == "approval" for s in (r.get("steps") if isinstance(r.get("steps"), list) else []) if isinstance(s, dict)):
                    c.err(f"{p}.steps", "needs one step with action: approval")
        c.steps(sec, "after_steps", "leave", cited=True)
        if "silent" in sec:
            c.note(sec["silent"], "leave.silent")
        if not sec.get("ranges") and "silent" not in sec:
            c.err("leave", "give ranges, or silent: when the document names no approver")
        c.notes(sec, "notes", "leave")

    sec = doc.get("assessment")
    if sec is not None and c.keys(sec, "assessment", (),
                                  ("tiers", "applies", "tier_consequences", "excellent", "silent", "notes", "unlisted")):
        for i, g in enumerate(c.list_of(sec, "unlisted", "assessment")):
            p = f"assessment.unlisted[{i}]"
            if c.keys(g, p, c.CITED, c.CITED_OPT):
                c.cited(g, p)
        if "tiers" in sec and c.keys(sec["tiers"], "assessment.tiers", c.CITED + ("value",), c.CITED_OPT):
            c.cited(sec["tiers"], "assessment.tiers")
            if not isinstance(sec["tiers"].get("value"), list):
                c.err("assessment.tiers.value", "should be the list of tiers, best first")
        if "applies" in sec and c.keys(sec["applies"], "assessment.applies", c.CITED + ("when",), c.CITED_OPT):
            c.cited(sec["applies"], "assessment.applies")
            c.condition(sec["applies"].get("when"), "assessment.applies.when")
        if "excellent" in sec and c.keys(sec["excellent"], "assessment.excellent", c.CITED, c.CITED_OPT):
            c.cited(sec["excellent"], "assessment.excellent")
        tc = sec.get("tier_consequences") or {}
        for tier in tc if isinstance(tc, dict) else []:
            refs(tc, tier, "assessment.tier_consequences")
        if "silent" in sec:
            c.note(sec["silent"], "assessment.silent")
        c.notes(sec, "notes", "assessment")

    sec = doc.get("quota")
    if sec is not None and c.keys(sec, "quota", ("excellent_share",), ("notes",)):
        p = "quota.excellent_share"
        if c.keys(sec["excellent_share"], p, c.CITED + ("value", "max_inclusive"), c.CITED_OPT):
            c.cited(sec["excellent_share"], p)
            c.bounds(sec["excellent_share"], p)
        c.notes(sec, "notes", "quota")

    sec = doc.get("eligibility")
    if sec is not None and c.keys(sec, "eligibility", ("checks",), ("notes",)):
        for i, chk in enumerate(c.list_of(sec, "checks", "eligibility")):
            p = f"eligibility.checks[{i}]"
            if c.keys(chk, p, c.CITED + ("when", "outcome"), c.CITED_OPT + ("roles",)):
                c.cited(chk, p)
                c.roles(chk, p)
                c.condition(chk.get("when"), f"{p}.when")
                c.enum(chk, "outcome", p, OUTCOMES)
        c.notes(sec, "notes", "eligibility")

    sec = doc.get("support")
    if sec is not None and c.keys(sec, "support", ("items",), ("notes", "silent")):
        silent = sec.get("silent") or {}
        if not isinstance(silent, dict):
            c.err("support.silent", "should be a mapping topic -> what was searched")
            silent = {}
        for topic, searched in silent.items():
            if topic not in SUPPORT_TOPICS:
                c.err(f"support.silent.{topic}", f"{topic!r} is not a support topic")
            if not (isinstance(searched, str) and searched.strip()):
                c.err(f"support.silent.{topic}", "say what was searched (a non-empty string)")
        topics = {i.get("topic") for i in (sec.get("items") if isinstance(sec.get("items"), list) else [])
                  if isinstance(i, dict) and isinstance(i.get("topic"), str)}
        for topic in SUPPORT_TOPICS:
            if topic not in topics and topic not in silent:
                c.err("support", f"topic {topic!r} has neither items nor a silent entry saying what was searched "
                                 "(未规定 only when checked)")
            elif topic in topics and topic in silent:
                c.err(f"support.silent.{topic}", "the topic has items: it is not silent")
        for i, item in enumerate(c.list_of(sec, "items", "support")):
            p = f"support.items[{i}]"
            if c.keys(item, p, c.CITED + ("topic",), c.CITED_OPT + BOUND_KEYS):
                c.cited(item, p)
                c.bounds(item, p)
                c.enum(item, "topic", p, tuple(SUPPORT_TOPICS))
        c.notes(sec, "notes", "support")


# A rule set names its document; the document's names, level and jurisdiction are joined in by the loader
# from build_scripts/corpus/documents.yml (loader.JOINED), never restated here.
TOP_REQUIRED = ("id", "document")
TOP_OPTIONAL = ("summary", "notes", "consequences", "groups", "triggers", "support", "alternatives",
                "role_equivalences", "caveats", "tenure") + CALCULATOR_NAMES


def validate_rule_set(doc: Any, source: str, expected_id: str | None = None) -> dict[str, Any]:
    """Return the rule set unchanged, or raise RuleSetError listing every problem."""
    c = _Checker()
    if not c.keys(doc, "", TOP_REQUIRED, TOP_OPTIONAL):
        raise RuleSetError(source, c.problems)
    for k in ("document", "summary"):
        c.string(doc, k, "")
    if not (isinstance(doc.get("id"), str) and ID_RE.match(doc["id"])):
        c.err("id", "should be a lower-case ascii id like hebei-measures")
    elif expected_id is not None and doc["id"] != expected_id:
        c.err("id", f"{doc['id']!r} differs from the file name {expected_id!r}")
    c.notes(doc, "notes", "")
    _check_sections(c, doc)
    if not any(k in doc for k in CALCULATOR_NAMES):
        c.err("", f"states nothing for any calculator ({', '.join(CALCULATOR_NAMES)})")
    if c.problems:
        raise RuleSetError(source, c.problems)
    return doc


def expand_refs(refs: list[str], consequences: dict[str, Any], groups: dict[str, Any],
                _seen: tuple[str, ...] = ()) -> list[str]:
    """Consequence ids for a list of consequence/group ids, in order, without repeats."""
    out: list[str] = []
    for ref in refs:
        if _in(ref, groups):
            if ref in _seen:
                raise ValueError(f"group {ref!r} includes itself")
            members = expand_refs(groups[ref], consequences, groups, _seen + (ref,))
        else:
            members = [ref] if _in(ref, consequences) else []
        out += [m for m in members if m not in out]
    return out


def supported_calculators(doc: dict[str, Any]) -> list[str]:
    return [name for name in CALCULATOR_NAMES if name in doc]
