"""Each validation error type, from a small bad bank, reported with file and line."""
import re

import pytest

from .small_corpus import document, small_corpus
from build_scripts.quiz.validate import validate_files

DEMO = document("demo", "示例办法", short="示例",
                clauses={"art-1": "第一条驻村干部每月驻村工作时间不少于20天。",
                         "art-2": "第二条驻村干部年度考核结果记入个人档案。"},
                labels={"art-1": "第一条", "art-2": "第二条"})
CORPUS = small_corpus(DEMO)

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
    "同义": ("  - id: q1\n    section: 单选\n    stem: 驻村干部年度考核结果记入（ ）。\n"
             "    options: [个人档案, 人事档案, 工作台账]\n    answer: [A]\n    explanation: x\n    status: grounded\n"
             "    cite: demo#art-2\n    fact: 驻村干部年度考核结果记入个人档案\n", 5),
    "包含了答案": ("  - id: q1\n    section: 单选\n    stem: 驻村干部年度考核结果记入（ ）。\n"
                   "    options: [个人档案, 档案, 工作台账]\n    answer: [A]\n    explanation: x\n    status: grounded\n"
                   "    cite: demo#art-2\n    fact: 驻村干部年度考核结果记入个人档案\n", 5),
    "ends mid-sentence": (GOOD.replace("驻村干部每月驻村工作时间不少于____天。", "驻村工作时间不少于____天的。"), 4),
    "starts mid-sentence": (GOOD.replace("驻村干部每月驻村工作时间不少于____天。", "负责督促驻村时间不少于____天。"), 4),
    "importance": (GOOD + "    importance: 重要\n", 10),
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
    corpus = small_corpus(DEMO, document("other", "另一办法", {"s1": "驻村干部年度考核结果记入个人档案。"}))
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


@pytest.mark.parametrize("right, wrong, stem, flagged", [
    ("不称职", "不合格", "", True),
    ("人身意外伤害保险", "意外保险", "", True),
    ("评优", "评先", "", True),
    ("两头跑", "兼职", "", True),
    ("微信群", "QQ群", "运用（　）等大数据手段", True),
    ("微信群", "QQ群", "运用（　）加强管理", False),
    ("乡镇党委", "乡镇党委和派出单位", "", True),
    ("称职", "基本称职", "", False),
    ("半年", "年", "", False),
    ("20", "200", "", False),
    ("党委副书记", "党委书记", "", False),
])
def test_synonym_and_superset_distractors(right, wrong, stem, flagged):
    from build_scripts.quiz.synonyms import conflict
    assert bool(conflict(right, wrong, stem)) is flagged


@pytest.mark.parametrize("body", ["{村级组织换届选举|村级组织换届}", "{提拔或岗位调整|提拔;岗位调整}", "{a|b|c|d}"])
def test_markup_refuses_alternatives_written_as_distractors(body):
    from build_scripts.quiz.keyed_text import MarkupError, parse
    with pytest.raises(MarkupError):
        parse("不参加" + body)


def test_markup_alternatives_after_double_bar():
    from build_scripts.quiz.keyed_text import parse
    _, keys = parse("不参加{村级组织换届选举||村级组织换届}，记入{个人档案|驻村工作日志;工作台账;考勤记录|本人档案}")
    assert keys[0].distractors == [] and keys[0].accept == ["村级组织换届"]
    assert keys[1].distractors == ["驻村工作日志", "工作台账", "考勤记录"] and keys[1].accept == ["本人档案"]


@pytest.mark.parametrize("a, b, same", [("三次", "3", True), ("一年", "1", True), ("三个工作日", "3", True),
                                        ("两年", "2年", True), ("5万元", "5", False), ("20", "200", False)])
def test_number_core_deduplicates_on_numbers(a, b, same):
    from build_scripts.quiz.normalise import number_core
    assert (number_core(a) == number_core(b)) is same
