"""Turn `calculators.engine.describe()` into the plain data the pages are generated from.

The page spec is what the form HTML and the browser's field checks both read, so the
names, limits, labels and help texts are the CLI's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from build_scripts.corpus import load_spec
from calculators.vocabulary import LEVELS


# The order of the calculator pages (each page is tools/<name>.md; its title is the calculator's own,
# calculators.fields.CALCULATORS, through describe()).
PAGES: tuple[str, ...] = ("attendance", "leave", "assessment", "quota", "eligibility")


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

    def browser_spec(self, doc_names: dict[str, str]) -> dict[str, Any]:
        return {
            "clause_labels": clause_labels([r["id"] for r in self.rule_sets]),
            "calculator": self.name,
            "title": self.title,
            "fields": self.fields,
            "rule_sets": self.rule_sets,
            "outputs": self.outputs,
            "checks": self.checks,
            "value_labels": self.value_labels,
            "docs": doc_names,
        }


def _cites_in(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["cite"]} if isinstance(node.get("cite"), str) else set()
        return found.union(*(_cites_in(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_cites_in(v) for v in node))
    return set()


def clause_labels(rule_ids: list[str]) -> dict[str, str]:
    """cite → the clause's numbering as the document writes it (一、2. in Guizhou, 七、（二）3. in Shenmu).

    Results link every finding to its clause; the label must come from the corpus, not be guessed from
    the anchor, because documents number their levels differently.
    """
    from build_scripts.corpus import load_corpus
    from calculators.loader import load_rule_sets

    corpus = load_corpus()
    rule_sets = load_rule_sets()
    labels = {}
    for rid in rule_ids:
        for cite in sorted(_cites_in(rule_sets.get(rid, {}))):
            labels[cite] = corpus.resolve(cite)[1].label
    return labels


def _as_list(items: Any, key: str = "name") -> list[dict[str, Any]]:
    """Accept a list of dicts or a mapping name -> dict."""
    if isinstance(items, dict):
        return [{key: k, **(v or {})} for k, v in items.items()]
    return list(items or [])


def _choices(raw: Any) -> list[dict[str, str]] | None:
    if raw is None:
        return None
    if isinstance(raw, dict):
        return [{"value": str(k), "label": str(v)} for k, v in raw.items()]
    out = []
    for c in raw:
        if isinstance(c, dict):
            value = c.get("value", c.get("name"))
            out.append({"value": str(value), "label": str(c.get("label", value))})
        elif isinstance(c, (list, tuple)):
            out.append({"value": str(c[0]), "label": str(c[1] if len(c) > 1 else c[0])})
        else:
            out.append({"value": str(c), "label": str(c)})
    return out


def normalize_field(raw: dict[str, Any]) -> dict[str, Any]:
    f = {
        "name": raw["name"],
        "label": raw.get("label") or raw["name"],
        "type": raw.get("type", "str"),
        "required": bool(raw.get("required", False)),
        "help": raw.get("help") or "",
    }
    for key in ("min", "max", "max_by", "exclusive_min", "unit", "default", "item_type", "max_items", "messages"):
        if raw.get(key) is not None:
            f[key] = raw[key]
    choices = _choices(raw.get("choices"))
    if choices is not None:
        f["choices"] = choices
    return f


def check_tables(desc: dict[str, Any], calculator: str, fields_module: Any = None) -> dict[str, Any]:
    """The error texts and cross-field limits the CLI uses: from describe() when it carries
    them, else from the package's field table (calculators.fields)."""
    def pick(key: str, attr: str) -> Any:
        if key in desc:
            return desc[key]
        return getattr(fields_module, attr, None) if fields_module is not None else None

    not_above = pick("not_above", "NOT_ABOVE") or {}
    return {
        "messages": pick("messages", "MESSAGES") or {},
        "max_reasons": {str(k): v for k, v in (pick("max_reasons", "MAX_REASONS") or {}).items()},
        "not_above": [list(t) for t in not_above.get(calculator, [])],
        "cross": (pick("cross_checks", "CROSS_CHECKS") or {}).get(calculator, []),
        # how typed text is read (units after the number, 半, length): calculators/fields.py
        "text": {
            "units": pick("unit_words", "UNIT_WORDS") or {},
            "half_after": pick("half_after", "HALF_AFTER") or {},
            "half_before": pick("half_before", "HALF_BEFORE") or {},
            "other_units": pick("other_unit_words", "OTHER_UNIT_WORDS") or [],
            "max_chars": pick("text_max_chars", "TEXT_MAX_CHARS") or 40,
        },
    }


def _rule_sets(desc: dict[str, Any]) -> list[dict[str, Any]]:
    return _as_list(desc.get("rule_sets") or desc.get("rules") or [], key="id")


def calculator_specs(desc: dict[str, Any], fields_module: Any = None) -> list[CalculatorSpec]:
    rule_sets = _rule_sets(desc)
    rank = rule_set_rank(rule_sets)
    specs = []
    for raw in _as_list(desc["calculators"]):
        name = raw["name"]
        supported = raw.get("rule_sets") or raw.get("rules")
        if supported is None:
            supported = [r["id"] for r in rule_sets if name in (r.get("calculators") or [])]
        titles = {r["id"]: r.get("title") or r.get("short") or r["id"] for r in rule_sets}
        supported_ids = sorted((s if isinstance(s, str) else s["id"] for s in supported), key=rank)
        specs.append(
            CalculatorSpec(
                name=name,
                slug=name,
                title=raw["title"],
                summary=raw.get("summary") or raw.get("help") or raw.get("description") or "",
                fields=[normalize_field(f) for f in _as_list(raw.get("fields") or raw.get("inputs"))],
                rule_sets=[{"id": rid, "title": titles.get(rid, rid)} for rid in supported_ids],
                outputs=raw.get("outputs") or {},
                checks=check_tables(desc, name, fields_module),
                value_labels=desc.get("labels") or {},
            )
        )
    order = list(PAGES)
    specs.sort(key=lambda s: order.index(s.name) if s.name in order else len(order))
    return specs


def rule_set_rank(rule_sets: list[dict[str, Any]], data: dict[str, Any] | None = None):
    """Sort key for the jurisdiction picker: the level of the rule set's document in the order of
    vocabulary.json `levels` (broadest first), then the order documents.yml lists them in;
    so the first option, the default, is the broadest rule set that covers the calculator."""
    data = load_spec() if data is None else data
    levels = list(LEVELS)
    docs = data.get("documents") or []
    where = {d["id"]: (levels.index(d["level"]) if d.get("level") in levels else len(levels), i)
             for i, d in enumerate(docs)}
    doc_of = {r["id"]: r.get("document") or r["id"] for r in rule_sets}

    def rank(rule_id: str) -> tuple[int, int, str]:
        return (*where.get(doc_of.get(rule_id, rule_id), (len(levels), len(docs))), rule_id)

    return rank


def document_short_names() -> dict[str, str]:
    """Each document's short name, as documents.yml states it."""
    return {d["id"]: d.get("short") or d.get("title") or d["id"] for d in load_spec().get("documents", [])}
