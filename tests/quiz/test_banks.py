"""The real banks: valid against the corpus, generated bank deterministic, big enough, all grounded."""
import collections
import pathlib

import pytest
import yaml

from build_scripts.quiz import generate_facts
from build_scripts.corpus import load_corpus as load
from build_scripts.quiz.normalise import normalise
from build_scripts.quiz.payload import build
from build_scripts.quiz.validate import ROOT, bank_files, load_bank, signature, validate_files


@pytest.fixture(scope="module")
def corpus():
    return load()


def test_all_banks_valid(corpus):
    errors = validate_files(bank_files(), corpus)
    assert not errors, "\n".join(map(str, errors))


def test_generation_is_deterministic_and_committed(corpus):
    first, second = generate_facts.generate(corpus), generate_facts.generate(corpus)
    assert first == second
    committed = yaml.safe_load(generate_facts.OUT.read_text("utf-8"))["questions"]
    assert committed == first, "quiz_bank/generated/facts.yml is stale: run python -m build_scripts.quiz.generate_facts"


def test_generated_bank_size_grounding_and_distinctness(corpus):
    qs = generate_facts.generate(corpus)
    assert len(qs) >= 300
    assert all(q["status"] == "grounded" and q.get("cite") and q.get("explanation") for q in qs)
    assert len({q["id"] for q in qs}) == len(qs)
    assert len({signature(q) for q in qs}) == len(qs)
    docs = collections.Counter(q["doc"] for q in qs)
    for doc in ("hebei-measures", "hebei-opinions", "shenmu-2021", "guizhou-2017", "yongxing-2017",
                "town-rules", "county-trial", "school-pingna", "hebei-subsidy-2009", "hebei-assets-2021",
                "central-2017"):
        assert docs[doc] > 0, doc


def test_generated_stems_name_the_document(corpus):
    rules = yaml.safe_load((ROOT / "quiz_bank/generated/rules.yml").read_text("utf-8"))["questions"]
    for q in generate_facts.generate(corpus) + rules:
        assert q["stem"].startswith("根据") or q.get("kind") == "which-document", q["stem"]


def test_county_test_paper_shape():
    data = yaml.safe_load((ROOT / "quiz_bank/county-test.yml").read_text("utf-8"))
    by = collections.defaultdict(list)
    for q in data["questions"]:
        by[q["section"]].append(q)
    for s in data["sections"]:
        items = by[s["key"]]
        assert [q["number"] for q in items] == list(range(1, s["count"] + 1))
        assert all(q["points"] == s["points_each"] for q in items)
    assert sum(s["count"] * s["points_each"] for s in data["sections"]) == 50
    assert [q["number"] for q in by["多选"] if q.get("missing")] == [2, 3, 4, 5]
    first = by["多选"][0]
    assert first.get("options_written_by") == "editors"
    unverified = [q for q in data["questions"] if q.get("status") == "unverified"]
    assert unverified and all(q.get("source") for q in unverified)
    local = [q for q in data["questions"] if q.get("status") == "local"]
    assert [q["number"] for q in local] == [7]


def test_payload_keeps_unset_local_item_practice_only(corpus):
    data = build(corpus)
    item = next(q for q in data["questions"] if q["id"] == "county-test-tk-07")
    assert item["answer"] is None and item["local_set"] is False
    cited = [q for q in data["questions"] if q.get("cite")]
    assert all(q["link"].startswith("../regulations/") and ".html#" in q["link"] for q in cited)


KNOWN_BAD = ["gen-shenmu-2021-dx-2b629414", "gen-hebei-measures-dx-02dcecc1", "gen-shenmu-2021-dx-adb94d27",
             "gen-hebei-measures-mx-4b779825", "gen-hebei-measures-dx-04785e4e", "gen-guizhou-2017-dx-0c737f65",
             "gen-guizhou-2017-dx-47bbe04c", "gen-town-rules-dx-9afe8ebf"]


def test_known_bad_items_fixed():
    from build_scripts.quiz.synonyms import check_options
    qs = {q["id"]: q for path in bank_files() for q in load_bank(path)[1]}
    for qid in KNOWN_BAD:
        if qid in qs:
            assert check_options(qs[qid]) == [], qid
    opts = {qid: qs[qid].get("options") for qid in KNOWN_BAD if qid in qs}
    assert "不合格" not in (opts.get("gen-shenmu-2021-dx-2b629414") or [])
    assert "人事档案" not in (opts.get("gen-hebei-measures-dx-02dcecc1") or [])
    assert "派出单位" not in (opts.get("gen-hebei-measures-dx-04785e4e") or [])
    art8 = opts.get("gen-hebei-measures-mx-4b779825") or []
    assert "年龄偏大且身体条件差的" not in art8


def test_alternatives_are_accepted_not_distractors():
    """{answer||alternative}: the 7 keys of the review accept their alternative and never offer it as wrong."""
    qs = yaml.safe_load(generate_facts.OUT.read_text("utf-8"))["questions"]
    pairs = {"村级组织换届选举": "村级组织换届", "干部基层工作经历": "基层工作经历", "驻村所属乡镇党委": "乡镇党委",
             "人身意外伤害保险": "意外保险", "签到": "考勤打卡", "提拔或岗位调整": "岗位调整"}
    for answer, alt in pairs.items():
        blanks = [q for q in qs if q["section"] == "填空" and answer in q["answer"]]
        assert blanks, answer
        for q in blanks:
            i = q["answer"].index(answer)
            assert alt in (q.get("accept") or [[]] * len(q["answer"]))[i], (q["id"], alt)
        for q in qs:
            if q["section"] != "填空" and answer in q.get("fact", ""):
                wrong = [o for letter, o in zip("ABCDEF", q["options"]) if letter not in q["answer"]]
                assert not any(o == alt or o.replace(answer, "").endswith(alt) for o in wrong), q["id"]


def test_every_question_tagged_and_default_pool(corpus):
    data = build(corpus)
    assert data["pool"]["default"] == ["必知", "应知"]
    assert all(q["importance"] in ("必知", "应知", "了解") for q in data["questions"])
    for path in bank_files():
        if path.parent.name == "generated":
            assert all(q.get("importance") for q in load_bank(path)[1]), path
    levels = collections.Counter(q["importance"] for q in data["questions"] if not q.get("missing"))
    assert levels["必知"] > 100 and levels["应知"] > 100 and levels["了解"] > 20
    which = [q for q in data["questions"] if q.get("kind") == "which-document"]
    assert which and all(q["importance"] == "了解" for q in which)


def test_county_paper_status_rule_and_pending_set(corpus):
    _, items = load_bank(ROOT / "quiz_bank/county-test.yml")
    by = {q["id"]: q for q in items}
    for qid in ("county-test-tk-02", "county-test-tk-03", "county-test-dx-03"):
        assert by[qid]["status"] == "grounded" and by[qid]["cite"], qid
    for q in items:
        if q.get("missing"):
            continue
        if q["status"] == "grounded":
            assert q.get("cite") and q.get("fact"), q["id"]
        if q["status"] == "unverified":   # no clause states the answer: nothing cited as the source
            assert not q.get("cite"), q["id"]
    data = build(corpus)
    pending = data["sets"][0]
    assert pending["label"] == "原卷（待核实）"
    expected = [q["id"] for q in data["questions"] if q["doc"] == "county-test" and not q.get("missing") and
                (q["status"] == "unverified" or (q["status"] == "local" and not q.get("local_set")))]
    assert pending["ids"] == expected and "county-test-tk-07" in expected and "county-test-tk-02" not in expected


def test_no_developer_words_or_guessed_dates_on_practice_data():
    text = (ROOT / "quiz_bank/county-test.yml").read_text("utf-8")
    body = text.split("\npaper:", 1)[1]          # the comment header is for maintainers
    for word in ("county_settings", "quiz_bank", "较早", "更早", "语料", ".yml"):
        assert word not in body, word
    for page in ("card.js", "practice.js", "paper.js"):
        js = (ROOT / "docs/assets/quiz" / page).read_text("utf-8")
        assert "county_settings" not in js and "assets/quiz/bank.js" not in js.split("*/", 1)[-1], page
    assert "更早" not in (ROOT / "docs/quiz/index.md").read_text("utf-8")


def test_questions_link_to_the_county_paper_item(corpus):
    data = build(corpus)
    linked = {q["paper_item"]["id"] for q in data["questions"] if q.get("paper_item")}
    assert {"county-test-tk-03", "county-test-dx-03", "county-test-tk-02"} <= linked
    for q in data["questions"]:
        if q.get("paper_item"):
            assert q["paper_item"]["link"] == "paper.html#item-" + q["paper_item"]["id"]
