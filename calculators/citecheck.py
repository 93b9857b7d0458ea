"""Rule-set citations checked against the clause texts: the one check the site build and the tests share.

For every item with a `cite` in a rule set:
- the citation resolves (the caller's `resolve(cite) -> clause text` raises when it does not);
- the `quote` is inside the cited clause's own text (whitespace ignored);
- the number it is cited for (`value`, and each bound not marked `implied`) is in the quote, as
  `number_text` when given, else as digits or, with a `numeral` function, as Chinese numerals.

Standard library only (the package runs in Pyodide); the corpus is passed in by the caller.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from .conditions import BOUND_KEYS

Resolver = Callable[[str], str]
Numeral = Callable[[int], str]
NUMBER_RE = re.compile(r"\d+(\.\d+)?(/\d+)?")


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cited_items(obj: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(key path, item) for every mapping with a `cite`, e.g. ("leave.ranges[1]", {...})."""
    if isinstance(obj, dict):
        if "cite" in obj:
            yield path, obj
        for k, v in obj.items():
            yield from cited_items(v, f"{path}.{k}" if path else str(k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from cited_items(v, f"{path}[{i}]")


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) or (
        isinstance(value, str) and bool(NUMBER_RE.fullmatch(value.strip())))


def _forms(number: Any, number_text: str | None, numeral: Numeral | None) -> list[str]:
    if number_text:
        return [number_text]
    forms = [str(number)]
    if numeral is not None and isinstance(number, int) and not isinstance(number, bool) and 0 < number < 1000:
        forms.append(numeral(number))
    return forms


def number_problems(item: dict[str, Any], numeral: Numeral | None = None) -> list[str]:
    """The value and the directly written bounds must appear in the quote."""
    if "quote" not in item:
        return []
    quote = norm(item["quote"])
    value = item.get("value")
    out: list[str] = []
    if isinstance(value, str) and not is_number(value):
        if norm(value) not in quote:
            out.append(f"value {value!r} is not in the quote {item['quote']!r}")
    elif is_number(value):
        forms = _forms(value, item.get("number_text"), numeral)
        if not any(norm(f) in quote for f in forms):
            out.append(f"value {' / '.join(forms)!r} is not in the quote {item['quote']!r}")
    if item.get("implied"):
        return out
    for key in BOUND_KEYS:
        if key in item:
            bound = item[key]
            text = item.get("number_text") if str(value) == str(bound) else None
            forms = _forms(bound, text, numeral)
            if not any(norm(f) in quote for f in forms):
                out.append(f"{key} {bound} is not in the quote {item['quote']!r}")
    return out


def item_problems(item: dict[str, Any], resolve: Resolver, numeral: Numeral | None = None) -> list[str]:
    try:
        clause_text = resolve(item["cite"])
    except Exception as exc:  # the resolver names what is missing
        return [f"cite {item['cite']!r} does not resolve: {exc}"]
    out = []
    if "quote" in item and norm(item["quote"]) not in norm(clause_text):
        out.append(f"quote {item['quote']!r} is not in the text of {item['cite']}")
    return out + number_problems(item, numeral)


def rule_set_problems(rule_sets: dict[str, dict[str, Any]], resolve: Resolver, numeral: Numeral | None = None,
                      source: Callable[[str], str] = lambda rid: f"calculators/rules/{rid}.yml") -> list[str]:
    """Every problem as `calculators/rules/<file>.yml: <key path>: <problem>`."""
    return [f"{source(rid)}: {path}: {problem}"
            for rid, rs in rule_sets.items()
            for path, item in cited_items(rs)
            for problem in item_problems(item, resolve, numeral)]
