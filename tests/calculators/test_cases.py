"""The case table (tests/calculators/cases.json) through the same runner the Pyodide test uses."""

from __future__ import annotations

import json

import pytest

from calculators import engine
from calculators.selfcheck import DEFAULT_CASES, load_cases, matches, run_case, run_case_table_json

CASES = load_cases(DEFAULT_CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    outcome = run_case(case)
    assert outcome["ok"], "\n".join(outcome["problems"])


def test_table_covers_every_rule_set_and_calculator():
    desc = engine.describe()
    covered = {(c["rules"], c["calculator"]) for c in CASES if "expect" in c}
    for rid, rs in desc["rule_sets"].items():
        for calc in rs["calculators"]:
            assert (rid, calc) in covered, f"no case for {calc} under {rid}"


def test_case_ids_unique():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))


def test_runner_detects_a_wrong_expectation():
    bad = {"id": "x", "calculator": "quota", "rules": "hebei-measures",
           "input": {"total_cadres": 10}, "expect": {"max_excellent": 5}}
    outcome = run_case(bad)
    assert not outcome["ok"] and "max_excellent" in outcome["problems"][0]


def test_runner_detects_missing_error():
    bad = {"id": "x", "calculator": "quota", "rules": "hebei-measures",
           "input": {"total_cadres": 10}, "error": {"field": "total_cadres"}}
    assert not run_case(bad)["ok"]


def test_matcher_semantics():
    assert matches({"a": 1}, {"a": 1, "b": 2})
    assert not matches({"a": True}, {"a": 1})
    assert matches([{"x": 1}], [{"x": 2}, {"x": 1, "y": 0}])
    assert not matches([{"x": 3}], [{"x": 2}])
    assert matches({"$contains": "召回"}, "同时召回")
    assert matches(None, None) and not matches(None, 0)
    assert matches({"text": "召回", "certainty": {"$absent": True}}, {"text": "召回"})
    assert not matches({"text": "召回", "certainty": {"$absent": True}}, {"text": "召回", "certainty": "possible"})


def test_no_case_expects_a_certainty_results_never_carry():
    """A definite consequence or finding has no "certainty" key: expecting "certainty": "definite" could
    never match, and under expect_not it would pass whatever the result (use {"$absent": true})."""
    text = "".join(p.read_text("utf-8") for p in DEFAULT_CASES.glob("*.yml"))
    assert '"certainty": "definite"' not in text and "certainty: definite" not in text


def test_json_runner_gives_same_results():
    text = json.dumps({"cases": CASES[:10]}, ensure_ascii=False)
    results = json.loads(run_case_table_json(text))
    assert [r["id"] for r in results] == [c["id"] for c in CASES[:10]]
    assert all(r["ok"] for r in results)
