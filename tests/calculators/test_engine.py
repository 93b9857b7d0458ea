"""describe(), run(), run_json(): one field table for CLI, tests and browser forms."""

from __future__ import annotations

import json

import pytest

from calculators import engine, fields
from calculators.engine import InputError


def test_describe_is_json_and_lists_fields_and_rule_sets():
    desc = engine.describe()
    assert json.loads(json.dumps(desc, ensure_ascii=False)) == desc
    assert set(desc["calculators"]) == {"attendance", "leave", "assessment", "quota", "eligibility"}
    for name, calc in desc["calculators"].items():
        names = [f["name"] for f in calc["fields"]]
        assert names == [f["name"] for f in fields.fields_of(name)]
        for f in calc["fields"]:
            assert f["label"] and f["help"] and f["messages"]["required"]
            if f["type"] in ("integer", "number"):
                assert "min" in f["messages"] and any(k.startswith("max") for k in f["messages"])
    rs = desc["rule_sets"]["shenmu-2021"]
    assert rs["jurisdiction"] == "陕西省神木市" and rs["short"] and rs["calculators"] == [
        "attendance", "leave", "assessment", "eligibility"]
    assert "shenmu-2021" not in desc["calculators"]["quota"]["rule_sets"]


def test_issue_field_names():
    names = {c: {f["name"] for f in fields.fields_of(c)} for c in fields.CALCULATORS}
    assert {"period", "days_in_village", "nights_in_village", "leave_days_year", "unexcused_days_year",
            "longest_unexcused_run", "excused"} <= names["attendance"]
    assert {"role", "days", "leave_days_year"} <= names["leave"]
    assert {"days_in_village_year", "months_served", "task_completed", "disapproval_votes", "total_votes",
            "satisfaction", "absences_found", "log_failures", "refused_correction", "sanctioned",
            "serious_violation"} <= names["assessment"]
    assert names["quota"] == {"total_cadres"}
    assert {"role", "party_member", "party_years", "work_years", "employment", "ratings_last_two_years",
            "health_ok"} <= names["eligibility"]


@pytest.mark.parametrize("calc,rules,payload,keys", [
    ("attendance", "hebei-measures", {"period": "month", "days_in_village": 20},
     {"compliant", "required", "shortfall", "findings", "consequences"}),
    ("leave", "hebei-measures", {"role": "member", "days": 2},
     {"steps", "approver", "ambiguous", "uncovered", "notes", "consequences", "citations"}),
    ("assessment", "shenmu-2021", {}, {"forced_tier", "excellent_eligible", "triggers", "consequences"}),
    ("quota", "hebei-opinions", {"total_cadres": 7}, {"max_excellent"}),
    ("eligibility", "shenmu-2021", {"role": "member"}, {"eligible", "reasons"}),
])
def test_outputs_have_issue_names_and_cited_items(calc, rules, payload, keys):
    result = engine.run(calc, rules, payload)
    assert keys <= set(result)
    for key in ("findings", "consequences", "triggers", "reasons"):
        for item in result.get(key, []):
            assert set(item) == {"text", "cite"} and item["text"] and "#" in item["cite"]


def test_run_raises_input_error_with_field():
    with pytest.raises(InputError) as info:
        engine.run("attendance", "hebei-measures", {"period": "month", "days_in_village": 40})
    assert info.value.field == "days_in_village" and "31" in info.value.message


def test_run_json_returns_result_or_error():
    ok = json.loads(engine.run_json("quota", "hebei-measures", '{"total_cadres": 10}'))
    assert ok["max_excellent"] == 4
    err = json.loads(engine.run_json("quota", "hebei-measures", '{"total_cadres": -3}'))
    assert err == {"error": {"field": "total_cadres", "message": "“全县驻村干部总数”不能是负数。"}}
    err = json.loads(engine.run_json("quota", "hebei-measures", "{not json"))
    assert err["error"]["field"] == "json" and "JSON" in err["error"]["message"]
    err = json.loads(engine.run_json("quota", "hebei-measures", "[1]"))
    assert err["error"]["field"] == "json"


def test_integral_float_accepted_for_integer_field():
    assert engine.run("quota", "hebei-measures", {"total_cadres": 10.0})["max_excellent"] == 4


def test_null_counts_as_not_given():
    result = engine.run("attendance", "hebei-measures", {"period": "month", "days_in_village": 20, "excused": None})
    assert result["compliant"] is True


def test_every_error_message_is_chinese():
    for key, text in fields.MESSAGES.items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), key


def test_every_answer_a_result_gives_has_one_plain_label():
    """The page names a result's answers by describe()'s `outputs` only (no second table in the script,
    no developer note such as “（null：…）” for the script to strip)."""
    from calculators.selfcheck import load_cases

    named_elsewhere = {"calculator", "rules", "rules_name", "role_label"}   # the result's heading line
    for name, outputs in engine.OUTPUTS.items():
        assert all(label and "null" not in label for label in outputs.values()), name
    for case in load_cases():
        if "expect" in case:
            result = engine.run(case["calculator"], case["rules"], case["input"])
            answers = {k for k, v in result.items() if v is not None and not isinstance(v, (dict, list))}
            assert answers - named_elsewhere <= set(engine.OUTPUTS[case["calculator"]]), case["id"]
