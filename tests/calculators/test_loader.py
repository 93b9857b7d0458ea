"""Rule sets: schema errors with key paths, YAML and compiled JSON give the same dicts,
and a county adds a rule set with one YAML file."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from calculators import engine, loader
from calculators.schema import RuleSetError, validate_rule_set


@pytest.fixture(autouse=True)
def _fresh_rule_cache():
    """Tests here swap the rules directory or hide PyYAML; leave the default cache clean after."""
    loader.clear_cache()
    yield
    loader.clear_cache()


def test_yaml_and_compiled_json_give_the_same_dicts(tmp_path):
    out = loader.compile_rule_sets(tmp_path / "rules_compiled.json")
    assert loader.load_compiled(out) == loader.load_yaml_dir()


def test_compiled_text_is_deterministic():
    sets = loader.load_yaml_dir()
    assert loader.compiled_text(sets) == loader.compiled_text(loader.load_yaml_dir())


def test_without_pyyaml_the_loader_reads_the_compiled_json(tmp_path, monkeypatch):
    out = loader.compile_rule_sets(tmp_path / "rules_compiled.json")
    monkeypatch.setattr(loader, "COMPILED", out)
    monkeypatch.setattr(loader, "yaml_available", lambda: False)
    loader.clear_cache()
    assert loader.load_rule_sets() == loader.load_yaml_dir()
    assert engine.run("quota", "hebei-measures", {"total_cadres": 13})["max_excellent"] == 5


def test_without_pyyaml_and_without_json_the_error_says_what_to_run(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "COMPILED", tmp_path / "missing.json")
    monkeypatch.setattr(loader, "yaml_available", lambda: False)
    loader.clear_cache()
    with pytest.raises(RuleSetError, match="python -m calculators compile"):
        loader.load_rule_sets()


COUNTY = textwrap.dedent("""\
    id: demo-county
    document: county-trial
    attendance:
      requirements:
        - label: 每月驻村时间
          period: month
          min_inclusive: 22
          value: 22
          unit: day
          cite: county-trial#art-3
          quote: 驻村帮扶工作一定三年不变
    """)


def test_a_county_adds_a_rule_set_with_one_yaml_file(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    shutil.copytree(loader.RULES_DIR, rules)
    (rules / "demo-county.yml").write_text(COUNTY, encoding="utf-8")
    monkeypatch.setattr(loader, "RULES_DIR", rules)
    loader.clear_cache()
    assert engine.describe()["rule_sets"]["demo-county"]["calculators"] == ["attendance"]
    result = engine.run("attendance", "demo-county", {"period": "month", "days_in_village": 21})
    assert result["compliant"] is False and result["required"] == 22 and result["shortfall"] == 1


def _base():
    return {"id": "x", "document": "x"}


@pytest.mark.parametrize("doc,path,fragment", [
    ({**_base(), "quota": {"excellent_share": {"label": "l", "value": 40, "max_inclusive": 40,
                                               "cite": "bad cite", "quote": "q"}}},
     "quota.excellent_share.cite", "not a citation"),
    ({**_base(), "leave": {"ranges": [{"label": "l", "roles": ["boss"], "steps": [{"by": "a", "action": "approval"}],
                                       "cite": "a#b", "quote": "q"}]}},
     "leave.ranges[0].roles[0]", "not one of"),
    ({**_base(), "leave": {"ranges": [{"label": "l", "roles": ["member"], "steps": [{"by": "a", "action": "consent"}],
                                       "cite": "a#b", "quote": "q"}]}},
     "leave.ranges[0].steps", "approval"),
    ({**_base(), "triggers": [{"id": "t", "label": "l", "applies_to": ["attendance"], "cite": "a#b", "quote": "q",
                               "when": {"field": "nonsense", "min_inclusive": 1}}], "attendance": {}},
     "triggers[0].when.field", "not an input field"),
    ({**_base(), "triggers": [{"id": "t", "label": "l", "applies_to": ["attendance"], "cite": "a#b", "quote": "q",
                               "when": {"field": "days", "min_inclusive": 1}, "consequences": ["ghost"]}],
      "attendance": {}},
     "triggers[0].consequences[0]", "not a consequence"),
    ({**_base(), "attendance": {"requirements": [{"label": "l", "period": "week", "min_inclusive": 1,
                                                  "cite": "a#b", "quote": "q"}]}},
     "attendance.requirements[0].period", "not one of"),
    ({**_base(), "attendance": {}, "typo": 1}, "typo", "unknown key"),
    (_base(), "", "states nothing"),
])
def test_schema_errors_name_the_key_path(doc, path, fragment):
    with pytest.raises(RuleSetError) as info:
        validate_rule_set(doc, "calculators/rules/x.yml", expected_id="x")
    problems = info.value.problems
    assert any(p == path and fragment in m for p, m in problems), problems
    assert "calculators/rules/x.yml" in str(info.value)


def test_file_name_must_match_id():
    with pytest.raises(RuleSetError, match="file name"):
        validate_rule_set({**_base(), "attendance": {}}, "y.yml", expected_id="y")


def test_group_cycles_are_rejected():
    doc = {**_base(), "attendance": {}, "groups": {"a": ["b"], "b": ["a"]}}
    with pytest.raises(RuleSetError, match="includes itself"):
        validate_rule_set(doc, "x.yml")


def test_support_topic_neither_items_nor_silent_is_an_error():
    """未规定 only when checked: every support topic has items or a silent entry saying what was searched."""
    import copy

    from calculators.loader import JOINED, load_rule_sets
    from calculators.schema import RuleSetError, validate_rule_set

    # as written in the file: without the facts the loader joins in from documents.yml
    doc = {k: v for k, v in copy.deepcopy(load_rule_sets()["hebei-opinions"]).items() if k not in JOINED}
    doc["support"]["items"] = [i for i in doc["support"]["items"] if i["topic"] != "training"]
    with pytest.raises(RuleSetError) as info:
        validate_rule_set(doc, "x.yml")
    assert "'training' has neither items nor a silent entry" in str(info.value)
    doc["support"]["silent"]["training"] = "全文查找“培训”，没有规定。"
    validate_rule_set(doc, "x.yml")
