"""Turn `calculators.engine.describe()` into the plain data the pages are generated from.

The page spec is what the form HTML and the browser's field checks both read, so the
names, limits, labels and help texts are the CLI's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from build_scripts import citations
from build_scripts.corpus import load_spec
from calculators import fields as field_tables
from calculators.loader import load_rule_sets
from calculators.vocabulary import LEVELS


# The order of the calculator pages (each page is tools/<name>.md; its title is the calculator's own,
# calculators.fields.CALCULATORS, through describe()).
PAGES: tuple[str, ...] = ("attendance", "leave", "assessment", "quota", "eligibility")
FOLDER = "tools"


@dataclass
class CalculatorSpec:
    name: str
    slug: str
    title: str
    summary: str
    fields: list[dict[str, Any]]
    rule_sets: list[dict[str, str]]  # [{"id", "title"}], only those that support this calculator
    outputs: dict[str, Any] = field(default_factory=dict)
    checks: dict[str, Any] = field(default_factory=dict)  # messages, max_reasons, not_above
    value_labels: dict[str, Any] = field(default_factory=dict)  # describe()["labels"]: actions, roles

    def browser_spec(self) -> dict[str, Any]:
        return {
            # every clause a result may cite, with the link the page shows (scripts build no URL)
            "cites": citations.links(rule_set_cites([r["id"] for r in self.rule_sets]), FOLDER),
            "calculator": self.name,
            "title": self.title,
            "fields": self.fields,
            "rule_sets": self.rule_sets,
            "outputs": self.outputs,
            "checks": self.checks,
            "value_labels": self.value_labels,
        }


def rule_set_cites(rule_ids: list[str]) -> set[str]:
    """Every citation in these rule sets: all a result from them can cite."""
    rule_sets = load_rule_sets()
    return set().union(*(citations.cites_in(rule_sets[rid]) for rid in rule_ids))


# The keys of a field in the page spec, in this order (describe() gives each field these and no others).
FIELD_KEYS = ("name", "label", "type", "required", "help", "min", "max", "max_by", "exclusive_min", "unit",
              "default", "item_type", "max_items", "messages", "choices")


def page_field(described: dict[str, Any]) -> dict[str, Any]:
    return {k: described[k] for k in FIELD_KEYS if k in described}


def check_tables(calculator: str) -> dict[str, Any]:
    """The error texts and cross-field limits the CLI uses (calculators/fields.py)."""
    return {
        "messages": field_tables.MESSAGES,
        "max_reasons": {str(k): v for k, v in field_tables.MAX_REASONS.items()},
        "not_above": [list(t) for t in field_tables.NOT_ABOVE.get(calculator, [])],
        "cross": field_tables.CROSS_CHECKS.get(calculator, []),
        # how typed text is read (units after the number, 半, length)
        "text": {
            "units": field_tables.UNIT_WORDS,
            "half_after": field_tables.HALF_AFTER,
            "half_before": field_tables.HALF_BEFORE,
            "other_units": field_tables.OTHER_UNIT_WORDS,
            "max_chars": field_tables.TEXT_MAX_CHARS,
        },
    }


def calculator_specs(desc: dict[str, Any]) -> list[CalculatorSpec]:
    """One spec per calculator of `calculators.engine.describe()`, in the order of PAGES."""
    rank = rule_set_rank(desc["rule_sets"])
    return [
        CalculatorSpec(
            name=name,
            slug=name,
            title=calc["title"],
            summary=calc["summary"],
            fields=[page_field(f) for f in calc["fields"]],
            rule_sets=[{"id": rid, "title": desc["rule_sets"][rid]["title"]}
                       for rid in sorted(calc["rule_sets"], key=rank)],
            outputs=calc["outputs"],
            checks=check_tables(name),
            value_labels=desc["labels"],
        )
        for name, calc in sorted(desc["calculators"].items(), key=lambda kv: PAGES.index(kv[0]))
    ]


def rule_set_rank(rule_sets: dict[str, dict[str, Any]], data: dict[str, Any] | None = None):
    """Sort key for the jurisdiction picker: the level of the rule set's document in the order of
    vocabulary.json `levels` (broadest first), then the order documents.yml lists them in;
    so the first option, the default, is the broadest rule set that covers the calculator."""
    data = load_spec() if data is None else data
    where = {d["id"]: (LEVELS.index(d["level"]), i) for i, d in enumerate(data["documents"])}

    def rank(rule_id: str) -> tuple[int, int, str]:
        return (*where[rule_sets[rule_id]["document"]], rule_id)

    return rank
