"""Each validation error type, from a small bad bank, reported with file and line."""
import re

import pytest

from build_scripts.quiz.corpus_access import Doc
from build_scripts.quiz.validate import validate_files

CORPUS = {"demo": Doc(id="demo", title="示例办法", short="示例",
                      clauses={"art-1": "第一条驻村干部每月驻村工作时间不少于20天。",
                               "art-2": "第二条驻村干部年度考核结果记入个人档案。"},
                      labels={"art-1": "第一条", "art-2": "第二条"})}

GOOD = """\
  - id: q-good
    section: 填空
    stem: 驻村干部每月驻村工作时间不少于____天。
    answer: ["20"]
    explanation: 第一条。
    status: grounded
    cite: demo#art-1
    fact: 驻村干部每月驻村工作时间不少于20天
"""

CASES = {
    "unknown field": ("  - id: q1\n    section: 填空\n    stem: 记入____。\n    answer: [个人档案]\n"
                      "    explanation: x\n    status: grounded\n    cite: demo#art-2\n    fact: 记入个人档案\n"
                      "    colour: red\n", 10),
    "section": ("  - id: q1\n    section: 判断\n    stem: x\n    answer: [A]\n    explanation: x\n    status: local\n"
                "    setting: s\n", 3),
    "not among the options": ("  - id: q1\n    section: 单选\n    stem: 每月不少于（ ）天。\n    options: [\"12\", \"20\"]\n"
                              "    answer: [C]\n    explanation: x\n    status: grounded\n    cite: demo#art-1\n"
                              "    fact: 驻村干部每月驻村工作时间不少于20天\n", 6),
    "blank(s)": ("  - id: q1\n    section: 填空\n    stem: 不少于____天。\n    answer: [\"20\", \"30\"]\n"
                 "    explanation: x\n    status: grounded\n    cite: demo#art-1\n    fact: 不少于20天\n", 5),
    "not distinct after normalisation": ("  - id: q1\n    section: 填空\n    stem: 不少于____天。\n    answer: [\"20\"]\n"
                                         "    accept: [[\"二十\"]]\n    explanation: x\n    status: grounded\n"
                                         "    cite: demo#art-1\n    fact: 不少于20天\n", 6),
    "duplicate id": (GOOD + GOOD.replace("20天", "20天（重复）", 1), 10),
    "same question as": (GOOD + GOOD.replace("q-good", "q-other"), 10),
    "no document": (GOOD.replace("demo#art-1", "nowhere#art-1"), 8),
    "has no clause": (GOOD.replace("demo#art-1", "demo#art-9"), 8),
    "is not in the cited clause": (GOOD.replace("fact: 驻村干部每月驻村工作时间不少于20天", "fact: 每年驻村工作时间不少于220天"), 9),
    "is not stated in the cited words": (GOOD.replace("demo#art-1", "demo#art-2").replace(
        "fact: 驻村干部每月驻村工作时间不少于20天", "fact: 记入个人档案"), 5),
    "can be read off the stem": (GOOD.replace("不少于____天", "不少于20天，即____天"), 4),
    "needs cite": (GOOD.replace("    cite: demo#art-1\n", ""), 2),
    "must name its source": (GOOD.replace("status: grounded", "status: unverified"), 2),
    "YAML error": ("  - id: [unclosed\n", 3),
}


@pytest.mark.parametrize("needle", sorted(CASES))
def test_each_error_names_file_and_line(tmp_path, needle):
    body, line = CASES[needle]
    path = tmp_path / "bad.yml"
    path.write_text("questions:\n" + body, encoding="utf-8")
    errors = [str(e) for e in validate_files([path], CORPUS)]
    hits = [e for e in errors if needle in e]
    assert hits, f"no error containing {needle!r}: {errors}"
    assert any(re.match(rf".*bad\.yml:{line}: ", e) for e in hits), hits


def test_good_bank_passes(tmp_path):
    path = tmp_path / "good.yml"
    path.write_text("questions:\n" + GOOD, encoding="utf-8")
    assert validate_files([path], CORPUS) == []


def test_which_document_distractor_must_not_state_the_fact(tmp_path):
    corpus = dict(CORPUS, other=Doc(id="other", title="另一办法", clauses={"s1": "驻村干部年度考核结果记入个人档案。"}))
    path = tmp_path / "which.yml"
    path.write_text(
        "questions:\n"
        "  - id: q-which\n"
        "    section: 单选\n"
        "    kind: which-document\n"
        "    stem: 下列文件中，规定“驻村干部年度考核结果记入个人档案”的是（ ）。\n"
        "    options: [《示例办法》, 《另一办法》]\n"
        "    answer: [A]\n"
        "    explanation: x\n"
        "    status: grounded\n"
        "    cite: demo#art-2\n"
        "    fact: 驻村干部年度考核结果记入个人档案\n", encoding="utf-8")
    errors = [str(e) for e in validate_files([path], corpus)]
    assert any("names other, which also states the fact" in e for e in errors), errors
