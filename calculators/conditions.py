"""Bounds and conditions as written in the rule sets.

Bounds follow the counting rule of CONVENTIONS.md: 以上/以下/以内 include the number
(`min_inclusive`, `max_inclusive`), 超过/不足/不满/低于 exclude it (`min_exclusive`,
`max_exclusive`). A value may be written as a fraction string ("1/3"); comparison is exact.

A condition is one of
  {field: F, min_inclusive|min_exclusive|max_inclusive|max_exclusive: V, ...}
  {field: F, equals: V} / {field: F, in: [..]} / {field: F, not_in: [..]} / {field: F, any_in: [..]}
  {all: [..]} / {any: [..]} / {not: C}
Evaluation is three-valued: True, False, or None when a field it needs was not given.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

BOUND_KEYS = ("min_inclusive", "min_exclusive", "max_inclusive", "max_exclusive")
FIELD_TESTS = BOUND_KEYS + ("equals", "in", "not_in", "any_in")

BOUND_WORDS = {
    "min_inclusive": "不少于",
    "min_exclusive": "超过",
    "max_inclusive": "不超过",
    "max_exclusive": "不足",
}


def as_number(v: Any) -> Fraction:
    """Exact number from an int, float or "a/b" string."""
    if isinstance(v, str):
        return Fraction(v.strip())
    if isinstance(v, float):
        return Fraction(str(v))
    return Fraction(v)


def in_bounds(value: Any, spec: dict[str, Any]) -> bool:
    """Whether a number lies within every bound the spec states (no bound: always true)."""
    x = as_number(value)
    if "min_inclusive" in spec and x < as_number(spec["min_inclusive"]):
        return False
    if "min_exclusive" in spec and x <= as_number(spec["min_exclusive"]):
        return False
    if "max_inclusive" in spec and x > as_number(spec["max_inclusive"]):
        return False
    if "max_exclusive" in spec and x >= as_number(spec["max_exclusive"]):
        return False
    return True


def has_bounds(spec: dict[str, Any]) -> bool:
    return any(k in spec for k in BOUND_KEYS)


def _field_test(cond: dict[str, Any], facts: dict[str, Any]) -> bool | None:
    value = facts.get(cond["field"])
    if value is None or value == []:  # an empty list (no rating entered) is not a checked "none of them"
        return None
    if "equals" in cond and value != cond["equals"]:
        return False
    if "in" in cond and value not in cond["in"]:
        return False
    if "not_in" in cond and value in cond["not_in"]:
        return False
    if "any_in" in cond and not any(v in cond["any_in"] for v in value):
        return False
    if has_bounds(cond):
        return in_bounds(value, cond)
    return True


def evaluate(cond: dict[str, Any], facts: dict[str, Any]) -> bool | None:
    if "all" in cond:
        results = [evaluate(c, facts) for c in cond["all"]]
        if False in results:
            return False
        return None if None in results else True
    if "any" in cond:
        results = [evaluate(c, facts) for c in cond["any"]]
        if True in results:
            return True
        return None if None in results else False
    if "not" in cond:
        r = evaluate(cond["not"], facts)
        return None if r is None else not r
    return _field_test(cond, facts)


def parts(cond: dict[str, Any]) -> list[dict[str, Any]]:
    """The condition and every condition inside it (all / any / not), outermost first."""
    out = [cond]
    for key in ("all", "any"):
        for c in cond.get(key, []):
            out += parts(c)
    if "not" in cond:
        out += parts(cond["not"])
    return out


def fields_used(cond: dict[str, Any]) -> list[str]:
    return [c["field"] for c in parts(cond) if "field" in c]


def describe_bounds(spec: dict[str, Any], unit: str = "") -> str:
    """Plain Chinese for a range, e.g. "超过1、不超过3天"."""
    parts = [f"{BOUND_WORDS[k]}{spec[k]}" for k in BOUND_KEYS if k in spec]
    return "、".join(parts) + unit if parts else "不限"
