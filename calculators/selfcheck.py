"""Run a table of calculator cases; used by pytest and by the Pyodide runner under Node.

The cases live in tests/calculators/cases/<document-id>.yml (one file per rule set, plus errors.yml):

    document: shenmu-2021            # the rule set every case in the file runs under
    cases:
      - name: year-199-unfit         # id = <document>/<name>
        calculator: attendance
        input: {period: year, days_in_village: 199, whole_year: true}
        expect: {compliant: false}
        clause: shenmu-2021#s7-3-3   # the clause the expectation is read from

`load_cases` turns them into the flat table below (JSON in, JSON out for the Pyodide runner).

A case is a dict:
    {"id": str, "calculator": str, "rules": str, "input": {...},
     "expect": {...}        # subset of the result that must match, or
     "error": {...},        # subset of the {"field", "message"} error that must match
     "expect_not": {...},   # optional: list items that must NOT appear
     "expect_len": {...}}   # optional: exact lengths of result lists
Matching: dicts match key by key (extra keys in the result are fine); a list in "expect" must
have each of its items match some item of the result list (order free); {"$contains": s}
matches a string containing s; a key given as {"$absent": true} must not be in the result dict
(a definite consequence carries no "certainty": {"certainty": {"$absent": true}} picks it out);
other values must be equal (1 == 1.0, true is not 1).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .engine import run
from .inputs import InputError

DEFAULT_CASES = Path(__file__).resolve().parent.parent / "tests" / "calculators" / "cases"
ABSENT = {"$absent": True}


def matches(expected: Any, actual: Any) -> bool:
    if isinstance(expected, dict) and set(expected) == {"$contains"}:
        return isinstance(actual, str) and expected["$contains"] in actual
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            (k not in actual) if v == ABSENT else (k in actual and matches(v, actual[k])) for k, v in expected.items())
    if isinstance(expected, list):
        return isinstance(actual, list) and all(any(matches(e, a) for a in actual) for e in expected)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    return expected == actual


def _diff(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    return [f"{k}: expected {json.dumps(v, ensure_ascii=False)}, got "
            f"{json.dumps(actual.get(k, '<missing>'), ensure_ascii=False)}"
            for k, v in expected.items() if k not in actual or not matches(v, actual[k])]


def run_case(case: dict[str, Any]) -> dict[str, Any]:
    problems: list[str] = []
    try:
        result = run(case["calculator"], case["rules"], case.get("input", {}))
        error = None
    except InputError as exc:
        result, error = None, exc.as_dict()["error"]
    if "error" in case:
        if error is None:
            problems.append("expected an input error, got a result")
        else:
            problems += _diff(case["error"], error)
    elif error is not None:
        problems.append(f"unexpected input error: {error}")
    else:
        assert result is not None
        problems += _diff(case.get("expect", {}), result)
        for key, items in case.get("expect_not", {}).items():
            for item in items:
                if any(matches(item, a) for a in result.get(key) or []):
                    problems.append(f"{key}: should not contain {json.dumps(item, ensure_ascii=False)}")
        for key, n in case.get("expect_len", {}).items():
            if len(result.get(key) or []) != n:
                problems.append(f"{key}: expected {n} items, got {len(result.get(key) or [])}")
    return {"id": case["id"], "ok": not problems, "problems": problems,
            "result": result, "error": error}


def run_case_table(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [run_case(c) for c in cases]


def run_case_table_json(cases_json: str) -> str:
    """Same as run_case_table, JSON in and out (for the Pyodide runner)."""
    return json.dumps(run_case_table(json.loads(cases_json)["cases"]), ensure_ascii=False, sort_keys=True)


def cases_of_file(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The flat cases of one case file: `rules` from `document` unless a case names its own."""
    out = []
    for c in doc.get("cases") or []:
        rules = c.get("rules") or doc.get("document")
        case = {"id": f"{doc.get('document') or 'errors'}/{c['name']}", "rules": rules, **c}
        out.append(case)
    return out


def load_cases(path: Path = DEFAULT_CASES) -> list[dict[str, Any]]:
    """A directory of YAML case files (needs PyYAML), or one JSON file {"cases": [...]} of flat cases."""
    if path.is_dir():
        from .loader import read_yaml

        out: list[dict[str, Any]] = []
        for f in sorted(path.glob("*.yml")):
            out += cases_of_file(read_yaml(f))
        return out
    return json.loads(path.read_text(encoding="utf-8"))["cases"]
