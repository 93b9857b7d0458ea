"""Every rule item of every rule set has a case in tests/calculators/cases/<document>.yml.

A trigger, leave range, eligibility check, attendance requirement, consequence, tenure rule,
unlisted ground, role equivalence and caveat must show up in some case's result; every numeric
bound (in a trigger, range, check, requirement, or the annual-assessment condition) must have
cases at the number, one below and one above. Adding a rule item without a case fails here.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Iterator

import pytest

from calculators.conditions import BOUND_KEYS, as_number
from calculators.loader import load_rule_sets
from calculators.schema import expand_refs
from calculators.selfcheck import DEFAULT_CASES, load_cases, run_case

RULE_SETS = load_rule_sets()
CASES = [c for c in load_cases(DEFAULT_CASES) if "error" not in c]
RESULTS = [(c, run_case(c)["result"]) for c in CASES]


def _results(rules: str, calculators: tuple[str, ...] | list[str] | None = None):
    for case, result in RESULTS:
        if case["rules"] == rules and result is not None and (calculators is None or case["calculator"] in calculators):
            yield case, result


def _items(result: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for key, value in result.items():
        if isinstance(value, list):
            yield from (v for v in value if isinstance(v, dict))
        elif isinstance(value, dict) and "text" in value:
            yield value


def _shows(rules: str, cite: str, text: str, calculators=None) -> bool:
    return any(i.get("cite") == cite and text in str(i.get("text", ""))
               for _, r in _results(rules, calculators) for i in _items(r))


def _field_tests(cond: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if "field" in cond:
        yield cond
    for key in ("all", "any"):
        for c in cond.get(key, []):
            yield from _field_tests(c)
    if "not" in cond:
        yield from _field_tests(cond["not"])


def _value(case: dict[str, Any], field: str) -> Fraction | None:
    """The number a case gives for a field or derived fact."""
    inp, calc = case["input"], case["calculator"]
    if field in ("days_in_village_month", "days_in_village_year") and calc == "attendance":
        return as_number(inp["days_in_village"]) if inp.get("period") == field.rsplit("_", 1)[1] else None
    if field == "leave_total":
        if calc == "leave":
            return as_number(inp["days"]) + as_number(inp.get("leave_days_year") or 0)
        return as_number(inp["leave_days_year"]) if inp.get("leave_days_year") is not None else None
    if field == "disapproval_ratio":
        if inp.get("disapproval_votes") is None or not inp.get("total_votes"):
            return None
        return Fraction(inp["disapproval_votes"], inp["total_votes"])
    v = inp.get(field)
    return None if v is None or isinstance(v, (bool, str, list)) else as_number(v)


def _bound_problems(rules: str, calculators, field: str, number: Any, where: str, extra=None) -> list[str]:
    n = as_number(number)
    values = {_value(c, field) for c, _ in _results(rules, calculators) if extra is None or extra(c)} - {None}
    out = []
    if n not in values:
        out.append(f"{where}: no case at {field} = {number}")
    if n > 0 and not any(n - 1 <= v < n for v in values):  # nothing lies below 0
        out.append(f"{where}: no case just below {field} = {number}")
    if not any(n < v <= n + 1 for v in values):
        out.append(f"{where}: no case just above {field} = {number}")
    return out


def _condition_bounds(rules: str, calculators, cond: dict[str, Any], where: str, extra=None) -> list[str]:
    out = []
    for t in _field_tests(cond):
        for k in BOUND_KEYS:
            if k in t:
                out += _bound_problems(rules, calculators, t["field"], t[k], where, extra)
    return out


def coverage_problems(rid: str) -> list[str]:
    rs = RULE_SETS[rid]
    out: list[str] = []
    for t in rs.get("triggers") or []:
        where = f"triggers[{t['id']}]"
        if not _shows(rid, t["cite"], t["label"], t["applies_to"]):
            out.append(f"{where}: no case where it fires")
        out += _condition_bounds(rid, t["applies_to"], t["when"], where)
    table = rs.get("consequences") or {}
    for cid, c in table.items():
        if not _shows(rid, c["cite"], c["label"]):
            out.append(f"consequences.{cid}: no case shows it")
    leave = rs.get("leave") or {}
    for i, r in enumerate(leave.get("ranges") or []):
        where = f"leave.ranges[{i}]"
        roles = set(r["roles"])
        if not any(c["input"]["role"] in roles and any(rd.get("cite") == r["cite"] for rd in res.get("readings") or [])
                   for c, res in _results(rid, ["leave"])):
            out.append(f"{where}: no case reads it")
        for k in BOUND_KEYS:
            if k in r:
                out += _bound_problems(rid, ["leave"], "days", r[k], where, lambda c: c["input"]["role"] in roles)
    att = rs.get("attendance") or {}
    for key in ("requirements", "nights"):
        for i, r in enumerate(att.get(key) or []):
            field = "days_in_village" if key == "requirements" else "nights_in_village"
            out += _bound_problems(rid, ["attendance"], field, r["min_inclusive"], f"attendance.{key}[{i}]",
                                   lambda c, p=r["period"]: c["input"].get("period") == p)
    elig = rs.get("eligibility") or {}
    for i, chk in enumerate(elig.get("checks") or []):
        where = f"eligibility.checks[{i}]"
        if not _shows(rid, chk["cite"], chk["label"], ["eligibility"]):
            out.append(f"{where}: no case where it applies")
        out += _condition_bounds(rid, ["eligibility"], chk["when"], where)
    assess = rs.get("assessment") or {}
    if assess.get("applies"):
        out += _condition_bounds(rid, ["assessment"], assess["applies"]["when"], "assessment.applies")
    for i, g in enumerate(assess.get("unlisted") or []):
        if not _shows(rid, g["cite"], g["label"], ["assessment"]):
            out.append(f"assessment.unlisted[{i}]: no case shows it")
    tenure = rs.get("tenure") or {}
    for i, item in enumerate(tenure.get("items") or []):
        if not _shows(rid, item["cite"], item["label"]):
            out.append(f"tenure.items[{i}]: no case shows it")
        if "min_inclusive" in item and item.get("unit") == "year":
            out += _bound_problems(rid, ["assessment"], "months_served", as_number(item["min_inclusive"]) * 12,
                                   f"tenure.items[{i}]")
    for i, rot in enumerate(tenure.get("rotation") or []):
        if not any(c["input"].get("rotation_reason") in rot["reasons"] for c, _ in _results(rid, ["assessment"])):
            out.append(f"tenure.rotation[{i}]: no case with one of its reasons")
    for i, eq in enumerate(rs.get("role_equivalences") or []):
        if not any(c["input"].get("role") == eq["role"] for c, _ in _results(rid)):
            out.append(f"role_equivalences[{i}]: no case for role {eq['role']}")
    if rs.get("caveats") and not any(r.get("caveats") for _, r in _results(rid)):
        out.append("caveats: no case shows them")
    if "quota" in rs and not any(True for _ in _results(rid, ["quota"])):
        out.append("quota: no case")
    return out


@pytest.mark.parametrize("rid", sorted(RULE_SETS))
def test_every_rule_item_has_a_case(rid):
    problems = coverage_problems(rid)
    assert not problems, f"{rid}: add cases to tests/calculators/cases/{rid}.yml:\n  " + "\n  ".join(problems)


def test_every_rule_set_has_its_case_file():
    names = {c["id"].split("/", 1)[0] for c in load_cases(DEFAULT_CASES)}
    assert set(RULE_SETS) <= names


def test_every_case_names_its_clause():
    for c in CASES:
        assert c.get("clause") and "#" in c["clause"], c["id"]


def test_coverage_check_can_fail():
    case_free = {**RULE_SETS["town-rules"], "triggers": [{**RULE_SETS["town-rules"]["triggers"][0],
                                                          "label": "一条没有用例的规则"}]}
    RULE_SETS["_probe"] = case_free
    try:
        assert any("no case where it fires" in p for p in coverage_problems("_probe"))
    finally:
        del RULE_SETS["_probe"]
    assert expand_refs([], {}, {}) == []
