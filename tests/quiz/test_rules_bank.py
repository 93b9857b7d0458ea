"""The bank generated from the calculators' rule sets: committed = regenerated, deterministic, follows the
rule sets (a changed value changes the question), every cite is the cite of the rule it came from, and no
single-answer question picks one reading of an overlapping day count."""
import copy
import pathlib
import shutil

import pytest
import yaml

from build_scripts.quiz import generate_rules
from build_scripts.corpus import load_corpus as load
from build_scripts.quiz.leave_reading import role_words
from build_scripts.quiz.normalise import normalise
from build_scripts.quiz.schema import answer_texts
from build_scripts.quiz.validate import validate_files
from calculators import leave as leave_calc
from calculators.loader import load_yaml_dir
from calculators.vocabulary import ROLES


@pytest.fixture(scope="module")
def corpus():
    return load()


@pytest.fixture(scope="module")
def rule_sets():
    return load_yaml_dir()


@pytest.fixture(scope="module")
def bank(corpus, rule_sets):
    return generate_rules.generate(corpus, rule_sets)


def _rule_cites(rs):
    out = set()
    for item in generate_rules._items(rs):
        if isinstance(item.get("cite"), str):
            out.add(item["cite"])
    return out


def test_committed_bank_is_current_and_deterministic(corpus, rule_sets, bank):
    again = generate_rules.generate(corpus, copy.deepcopy(rule_sets))
    assert again == bank
    committed = yaml.safe_load(generate_rules.OUT.read_text("utf-8"))["questions"]
    assert committed == bank, "quiz_bank/generated/rules.yml is stale: run python -m build_scripts.quiz.generate_rules"


def test_bank_valid_size_and_grounded(bank):
    errors = validate_files([generate_rules.OUT], load())
    assert not errors, "\n".join(map(str, errors))
    assert len(bank) >= 40
    assert all(q["status"] == "grounded" and q["explanation"] and q["cite"] for q in bank)
    assert len({q["id"] for q in bank}) == len(bank)
    assert all(q["stem"].startswith("根据") and "《" in q["stem"] for q in bank)
    for doc in ("hebei-measures", "shenmu-2021", "guizhou-2017", "yongxing-2017", "town-rules", "school-pingna"):
        assert any(q["doc"] == doc for q in bank), doc
    assert {q["section"] for q in bank} == {"填空", "单选", "多选"}


def test_every_cite_is_the_cite_of_a_rule_in_its_rule_set(bank, rule_sets):
    by_doc = {rs["document"]: _rule_cites(rs) for rs in rule_sets.values()}
    for q in bank:
        assert q["cite"] in by_doc[q["doc"]], (q["id"], q["cite"])


def test_cite_is_the_rule_the_question_came_from(bank, rule_sets):
    """Each question's cited words are the quote of a rule item with exactly that cite (grown at most to whole
    clause segments), so the question asks what that rule item says."""
    items = [(item["cite"], normalise(item["quote"])) for rs in rule_sets.values()
             for item in generate_rules._items(rs) if isinstance(item.get("cite"), str) and item.get("quote")]
    for q in bank:
        fact = normalise(q["fact"])
        assert any(c == q["cite"] and (quote in fact or fact in quote) for c, quote in items), (q["id"], q["fact"])


def _asked(q):
    """The stem after the document's name (titles such as 选派驻村第一书记… name roles too)."""
    return q["stem"].split("》", 1)[1].lstrip("，")


def _roles_asked(q, rs):
    """The role the stem asks about (its subject), or every role when it says 驻村干部."""
    words = role_words(load(), q["doc"])
    named = [r for r, w in words.items() if _asked(q).startswith(w)]
    return named or [r for r in ROLES
                     if any(r in rng["roles"] for rng in rs["leave"]["ranges"])]


def _tmp_rules(tmp_path):
    src = pathlib.Path(generate_rules.ROOT / "calculators" / "rules")
    dst = tmp_path / "rules"
    shutil.copytree(src, dst)
    return dst


def test_changed_value_changes_the_question(corpus, tmp_path, bank):
    dst = _tmp_rules(tmp_path)
    path = dst / "shenmu-2021.yml"
    text = path.read_text("utf-8")
    assert "全年驻村工作时间不足200天" in text
    path.write_text(text.replace("value: 200\n", "value: 180\n").replace("max_exclusive: 200", "max_exclusive: 180")
                    .replace("不足200天", "不足180天"), encoding="utf-8")
    changed = generate_rules.generate(corpus, load_yaml_dir(dst))
    before = {q["id"]: q for q in bank}
    after = {q["id"]: q for q in changed}
    hits = [i for i in before if i in after and "不足" in before[i]["stem"] and before[i]["doc"] == "shenmu-2021"
            and "全年驻村工作时间" in before[i]["stem"]]
    assert hits, "no question about shenmu's 200-day threshold"
    for i in hits:
        assert answer_texts(before[i]) == ["200"] or "200" in answer_texts(before[i])
        assert "180" in answer_texts(after[i]), after[i]
        assert "200" not in answer_texts(after[i])


def test_changed_approver_changes_the_question(corpus, tmp_path, bank):
    dst = _tmp_rules(tmp_path)
    path = dst / "town-rules.yml"
    path.write_text(path.read_text("utf-8").replace("by: 分管领导", "by: 镇长"), encoding="utf-8")
    changed = generate_rules.generate(corpus, load_yaml_dir(dst))
    old = [q for q in bank if q["doc"] == "town-rules" and "分管领导" in answer_texts(q)]
    new = {q["id"]: q for q in changed}
    assert old
    for q in old:
        assert answer_texts(new[q["id"]]) == ["镇长"]


def test_single_choice_leave_questions_are_unambiguous(bank, rule_sets):
    by_doc = {rs["document"]: rs for rs in rule_sets.values()}
    for q in bank:
        if "-leave-" not in q["id"] or q["section"] != "单选":
            continue
        rs = by_doc[q["doc"]]
        days = int(q["stem"].split("请假")[1].split("天")[0])
        for res in [leave_calc.calculate(rs, {"role": r, "days": days}) for r in _roles_asked(q, rs)]:
            assert not res["ambiguous"] and res["approver"] == answer_texts(q)[0], (q["id"], res["readings"])


def test_overlap_questions_accept_every_reading(bank, rule_sets):
    by_doc = {rs["document"]: rs for rs in rule_sets.values()}
    overlaps = [q for q in bank if "-overlap-" in q["id"]]
    assert overlaps
    for q in overlaps:
        assert q["section"] == "多选"
        rs = by_doc[q["doc"]]
        days = int(q["stem"].split("恰好")[1].split("天")[0])
        role = _roles_asked(q, rs)[0]
        res = leave_calc.calculate(rs, {"role": role, "days": days})
        assert res["ambiguous"]
        assert sorted(answer_texts(q)) == sorted({rd["approver"] for rd in res["readings"]})


def test_no_distractor_approves_under_any_literal_reading(bank, rule_sets, corpus):
    by_doc = {rs["document"]: rs for rs in rule_sets.values()}
    g = generate_rules.RuleQuestions(corpus, rule_sets, generate_rules.load_naming())
    for q in bank:
        if "-leave-" not in q["id"]:
            continue
        rs = by_doc[q["doc"]]
        days = int(q["stem"].split("请假")[1].split("天")[0])
        wrong = [o for o in q["options"] if o not in answer_texts(q)]
        actors = set()
        for role in _roles_asked(q, rs):
            actors |= g.literal_actors(rs, role, days)
        assert not actors & set(wrong), (q["id"], actors & set(wrong))


def test_same_leave_fact_asked_once():
    """Review pairs: another day count with the same approver, or the same rule as 单选 and 多选."""
    import yaml
    from build_scripts.quiz.generate_rules import OUT
    ids = {q["id"] for q in yaml.safe_load(OUT.read_text("utf-8"))["questions"]}
    pairs = [("leave-c484b018", "leave-ed1c5d7c"), ("leave-353c624b", "leave-3fe7e451"),
             ("leave-f5f373c3", "leave-64110f52"), ("leave-3fe7e451", "leave-steps-2226bd92"),
             ("leave-4ef1545f", "leave-steps-d8057db3"), ("leave-1dcbdadf", "leave-steps-8b96347c")]
    for a, b in pairs:
        present = [x for x in (a, b) if any(i.endswith(x) for i in ids)]
        assert len(present) <= 1, present
