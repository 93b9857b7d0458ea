"""The build checks every rule-set citation: it resolves, the quote is in the clause, the number is in the quote."""

from __future__ import annotations

import copy
import re

import pytest

from build_scripts.comparison import citation_problems
from build_scripts.corpus import load_corpus
from calculators.loader import load_yaml_dir
from calculators.schema import RuleSetError, validate_rule_set
from tests.corpus.test_anchors import _build, _project_copy

RULE_SETS = load_yaml_dir()


def test_committed_rule_sets_pass():
    assert citation_problems(RULE_SETS, load_corpus()) == []


def _one(rid: str, edit) -> list[str]:
    sets = {rid: copy.deepcopy(RULE_SETS[rid])}
    edit(sets[rid])
    return citation_problems(sets, load_corpus())


def test_missing_anchor_is_reported_with_file_and_key_path():
    problems = _one("hebei-measures", lambda rs: rs["attendance"]["requirements"][0].update(cite="hebei-measures#art-99"))
    assert problems and problems[0].startswith("calculators/rules/hebei-measures.yml: attendance.requirements[0]: ")
    assert "art-99" in problems[0]


def test_quote_outside_the_clause_is_reported():
    problems = _one("shenmu-2021", lambda rs: rs["support"]["items"][0].update(cite="shenmu-2021#s8-2-1"))
    assert any("support.items[0]" in p and "is not in the text of shenmu-2021#s8-2-1" in p for p in problems)


def test_number_not_in_quote_is_reported_and_chinese_numerals_count():
    problems = _one("hebei-measures", lambda rs: rs["attendance"]["requirements"][0].update(value=21, min_inclusive=21))
    assert any("value '21 / 二十一'" in p for p in problems) and any("min_inclusive 21" in p for p in problems)

    def chinese(rs):   # 三个工作日 carries 3 without number_text: accepted as a Chinese numeral
        rs["consequences"]["three-workdays"].pop("number_text")
    assert _one("yongxing-2017", chinese) == []


def test_unknown_support_topic_fails_the_schema():
    rs = copy.deepcopy(RULE_SETS["shenmu-2021"])
    rs["support"]["items"][0]["topic"] = "bonus"
    with pytest.raises(RuleSetError, match=r"support\.items\[0\]\.topic"):
        validate_rule_set(rs, "calculators/rules/shenmu-2021.yml")


def test_build_fails_on_a_bad_rule_set_citation(tmp_path):
    project = _project_copy(tmp_path)
    config = project / "mkdocs.yml"
    hooks = "hooks:\n  - build_scripts/hooks/regulations_pages.py\n  - build_scripts/hooks/comparison_pages.py\n"
    text, n = re.subn(r"^hooks:\n(?:[ \t]+-.*\n)+", hooks, config.read_text(encoding="utf-8"), flags=re.M)
    assert n == 1
    config.write_text(text, encoding="utf-8")   # only the hooks this test needs (no vendored Pyodide in the copy)
    rules = project / "calculators" / "rules" / "shenmu-2021.yml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("cite: shenmu-2021#s8-2-2-5", "cite: shenmu-2021#s8-2-2-9"),
                     encoding="utf-8")
    result = _build(project)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "calculators/rules/shenmu-2021.yml: support.items[" in out and "s8-2-2-9" in out
