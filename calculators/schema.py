"""The shape of a rule set, and a checker that reports every problem with its key path.

A rule set is one mapping (one YAML file per document, `calculators/rules/<document-id>.yml`).
Each rule item is modelled on OpenFisca / PolicyEngine parameters: a `label`, the `value`
with its `unit` and `period` where there is a number, and the legal reference as
`cite: <doc-id>#<anchor>` plus `quote:`, the clause's own words copied exactly.

The shape is a table (`PARTS`, at the end): each part of a rule set (a list, a mapping or one item, or a
section made of parts) with each item's required and optional keys and its rules, in the order they are
checked; one walker (`_Checker.part` and `_Checker.item`) applies it, and each rule is a `rule_*` method.
Roles, units, support topics and rotation reasons come from the vocabulary (vocabulary.json).
"""

from __future__ import annotations

import re
from typing import Any

from .citations import EXAMPLE, is_citation
from .conditions import BOUND_KEYS, FIELD_TESTS
from .fields import CALCULATORS
from .vocabulary import ROLES, ROTATION_REASONS, SUPPORT_TOPICS, UNITS

CALCULATOR_NAMES = tuple(CALCULATORS)
PERIODS = ("month", "year", "day", "once", "term", "none")
ACTIONS = ("consent", "approval", "filing")
CONSEQUENCE_KINDS = ("tier", "recall", "no_promotion", "no_excellent", "bonus_cut", "education",
                     "deadline", "criticism", "accountability", "record", "report", "unit", "other")
OUTCOMES = ("ineligible", "undetermined", "preferred")
CERTAINTY = ("definite", "possible")
AUDIENCES = ("self", "unit", "procedure")
TENURE_KINDS = ("term", "handover", "other")
ROTATION_OUTCOMES = ("allowed", "forbidden", "undetermined")
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

    # --- the walk: a part of a rule set (table below) and the rules of one item ---------
    def part(self, obj: dict, path: str, part: tuple) -> None:
        how, key, *args = part
        where = f"{path}.{key}".lstrip(".")
        if how == "list":
            for i, item in enumerate(self.list_of(obj, key, path)):
                self.item(item, f"{where}[{i}]", args[0])
        elif how == "mapping":   # a value that is no mapping was reported by id_spaces
            items = obj.get(key) or {}
            for k, item in items.items() if isinstance(items, dict) else ():
                self.item(item, f"{where}.{k}", args[0])
        elif how == "one" and key in obj:
            self.item(obj[key], where, args[0])
        elif how == "refs_by_key":
            refs = obj.get(key) or {}
            for k in refs if isinstance(refs, dict) else []:
                self.rule_refs(refs, where, k)
        elif how == "section" and obj.get(key) is not None:
            required, optional, parts = args
            if self.keys(obj[key], key, required, optional):
                for inner in parts:
                    self.part(obj[key], key, inner)
        elif how == "check":
            args[0](self, obj, where)

    def item(self, obj: Any, path: str, shape: tuple) -> None:
        required, optional, rules = shape
        if self.keys(obj, path, required, optional):
            for name, *args in rules:
                getattr(self, f"rule_{name}")(obj, path, *args)

    def rule_cited(self, obj: dict, path: str) -> None:
        self.cited(obj, path)

    def rule_string(self, obj: dict, path: str, key: str) -> None:
        self.string(obj, key, path)

    def rule_enum(self, obj: dict, path: str, key: str, allowed: tuple[str, ...]) -> None:
        self.enum(obj, key, path, allowed)

    def rule_bounds(self, obj: dict, path: str) -> None:
        self.bounds(obj, path)

    def rule_each_in(self, obj: dict, path: str, key: str, allowed: Any, message: str | None = None) -> None:
        for i, v in enumerate(self.list_of(obj, key, path)):
            if not _in(v, allowed):
                self.err(f"{path}.{key}[{i}]", (message or "{!r} is not one of " + ", ".join(allowed)).format(v))

    def rule_condition(self, obj: dict, path: str, key: str) -> None:
        self.condition(obj.get(key), f"{path}.{key}")

    def rule_refs(self, obj: dict, path: str, key: str) -> None:
        for i, ref in enumerate(self.list_of(obj, key, path)):
            if not _in(ref, self.consequences) and not _in(ref, self.groups):
                self.err(f"{path}.{key}[{i}]", f"{ref!r} is not a consequence or group id")

    def rule_alternative(self, obj: dict, path: str) -> None:
        if "alternative" in obj and not _in(obj["alternative"], self.alternatives):
            self.err(f"{path}.alternative", f"{obj['alternative']!r} is not an id under alternatives")

    def rule_steps(self, obj: dict, path: str, key: str, shape: tuple) -> None:
        self.part(obj, path, ("list", key, shape))

    def rule_quote_needs_cite(self, obj: dict, path: str) -> None:
        if "quote" in obj and "cite" not in obj:
            self.err(path, "a quote needs a cite")

    def rule_trigger_id(self, obj: dict, path: str) -> None:
        if not (isinstance(obj.get("id"), str) and ID_RE.match(obj["id"])):
            self.err(f"{path}.id", "should be a lower-case ascii id like absent-15-days")
        elif obj["id"] in self.trigger_ids:
            self.err(f"{path}.id", f"duplicate trigger id {obj.get('id')!r}")
        else:
            self.trigger_ids.add(obj["id"])

    def rule_approval_step(self, obj: dict, path: str) -> None:
        steps = obj.get("steps") if isinstance(obj.get("steps"), list) else []
        if not any(s.get("action") == "approval" for s in steps if isinstance(s, dict)):
            self.err(f"{path}.steps", "needs one step with action: approval")

    def rule_tier_list(self, obj: dict, path: str) -> None:
        if not isinstance(obj.get("value"), list):
            self.err(f"{path}.value", "should be the list of tiers, best first")

    # --- the id spaces that references point into -------------------------------------
    def id_spaces(self, doc: dict) -> None:
        """consequences, groups and alternatives of the rule set (empty where the file's value is no mapping)."""
        self.consequences, self.groups = doc.get("consequences") or {}, doc.get("groups") or {}
        self.alternatives = doc.get("alternatives") or {}
        self.trigger_ids: set[str] = set()
        if not isinstance(self.alternatives, dict):
            self.err("alternatives", "should be a mapping id -> alternative")
            self.alternatives = {}
        if not isinstance(self.consequences, dict):
            self.err("consequences", "should be a mapping id -> consequence")
            self.consequences = {}


def _groups(c: _Checker, doc: dict, path: str) -> None:
    if not isinstance(c.groups, dict):
        c.err("groups", "should be a mapping id -> list of consequence ids")
        c.groups = {}
    for gid, members in list(c.groups.items()):
        if not isinstance(members, list):
            c.err(f"groups.{gid}", "should be a list of consequence or group ids")
            c.groups = {k: v for k, v in c.groups.items() if k != gid}
            continue
        if gid in c.consequences:
            c.err(f"groups.{gid}", "a group id may not repeat a consequence id")
        for i, m in enumerate(members):
            if not _in(m, c.consequences) and not _in(m, c.groups):
                c.err(f"groups.{gid}[{i}]", f"{m!r} is not a consequence or group id")
    for gid in c.groups:
        try:
            expand_refs([gid], c.consequences, c.groups)
        except ValueError as exc:
            c.err(f"groups.{gid}", str(exc))


def _leave_named(c: _Checker, sec: dict, path: str) -> None:
    if not sec.get("ranges") and "silent" not in sec:
        c.err("leave", "give ranges, or silent: when the document names no approver")


def _support_covered(c: _Checker, sec: dict, path: str) -> None:
    """Every support topic has items or a silent entry saying what was searched (未规定 only when checked)."""
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


# --- the table: each part of a rule set, and each item's keys and rules, in the order they are checked --
# An item is (required keys, optional keys, rules); a cited item has label, cite and quote (and may have
# value, unit, period, number_text, note), checked first. Rules name _Checker.rule_* methods.
CITED = ("label", "cite", "quote")
CITED_OPT = ("value", "unit", "period", "number_text", "note")


def _cited(required: tuple = (), optional: tuple = (), *rules: tuple) -> tuple:
    return CITED + required, CITED_OPT + optional, (("cited",), *rules)


ROLES_RULE = ("each_in", "roles", ROLES)
NOTE = (("text",), ("cite", "quote"), (("cited",), ("quote_needs_cite",)))
NOTES = ("list", "notes", NOTE)
STEP = (("by", "action"), ("roles",), (("string", "by"), ("enum", "action", ACTIONS), ROLES_RULE))
CITED_STEP = (("by", "action", "cite", "quote"), ("roles",),
              (("string", "by"), ("enum", "action", ACTIONS), ("cited",), ROLES_RULE))

PARTS: tuple[tuple, ...] = (
    ("mapping", "consequences", _cited(("kind",), ("to", "condition", "alternative", "mitigates"),
                                       ("enum", "kind", CONSEQUENCE_KINDS), ("enum", "to", AUDIENCES),
                                       ("string", "condition"), ("alternative",))),
    ("check", "groups", _groups),
    ("mapping", "alternatives", _cited()),
    ("list", "role_equivalences", _cited(("role", "same_as"), ("certainty",), ("enum", "role", ROLES),
                                         ("enum", "same_as", ROLES), ("enum", "certainty", CERTAINTY))),
    ("list", "caveats", NOTE),
    ("section", "tenure", ("items",), ("rotation", "notes"), (
        ("list", "items", _cited((), BOUND_KEYS + ("roles", "kind"), ("bounds",), ROLES_RULE,
                                 ("enum", "kind", TENURE_KINDS))),
        ("list", "rotation", _cited(("reasons", "outcome"), (), ("enum", "outcome", ROTATION_OUTCOMES),
                                    ("each_in", "reasons", ROTATION_REASONS))),
        NOTES)),
    ("list", "triggers", _cited(("id", "applies_to", "when"),
                                ("tier", "blocks_excellent", "consequences", "certainty", "breach"),
                                ("trigger_id",),
                                ("each_in", "applies_to", ("attendance", "leave", "assessment"),
                                 "{!r}: triggers apply to attendance, leave or assessment"),
                                ("condition", "when"), ("enum", "certainty", CERTAINTY), ("refs", "consequences"))),
    ("section", "attendance", (), ("requirements", "nights", "excuse", "silent", "notes"), (
        *(("list", key, _cited(("period", "min_inclusive"), ("counts", "counts_unclear"), ("bounds",),
                               ("enum", "period", ("month", "year")), ("string", "counts"),
                               ("string", "counts_unclear"))) for key in ("requirements", "nights")),
        ("one", "excuse", _cited(("allowed",))),
        ("one", "silent", NOTE),
        NOTES)),
    ("section", "leave", (), ("ranges", "after_steps", "silent", "notes"), (
        ("list", "ranges", _cited(("roles", "steps"), BOUND_KEYS + ("specific", "implied"), ("bounds",), ROLES_RULE,
                                  ("steps", "steps", STEP), ("string", "implied"), ("approval_step",))),
        ("list", "after_steps", CITED_STEP),
        ("one", "silent", NOTE),
        ("check", "", _leave_named),
        NOTES)),
    ("section", "assessment", (), ("tiers", "applies", "tier_consequences", "excellent", "silent", "notes",
                                   "unlisted"), (
        ("list", "unlisted", _cited()),
        ("one", "tiers", _cited(("value",), (), ("tier_list",))),
        ("one", "applies", _cited(("when",), (), ("condition", "when"))),
        ("one", "excellent", _cited()),
        ("refs_by_key", "tier_consequences"),
        ("one", "silent", NOTE),
        NOTES)),
    ("section", "quota", ("excellent_share",), ("notes",), (
        ("one", "excellent_share", _cited(("value", "max_inclusive"), (), ("bounds",))),
        NOTES)),
    ("section", "eligibility", ("checks",), ("notes",), (
        ("list", "checks", _cited(("when", "outcome"), ("roles",), ROLES_RULE, ("condition", "when"),
                                  ("enum", "outcome", OUTCOMES))),
        NOTES)),
    ("section", "support", ("items",), ("notes", "silent"), (
        ("check", "", _support_covered),
        ("list", "items", _cited(("topic",), BOUND_KEYS, ("bounds",), ("enum", "topic", tuple(SUPPORT_TOPICS)))),
        NOTES)),
)


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
    c.part(doc, "", NOTES)
    c.id_spaces(doc)
    for part in PARTS:
        c.part(doc, "", part)
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
