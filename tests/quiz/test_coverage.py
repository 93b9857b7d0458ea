"""Coverage of the bank, measured on the real banks, plus synthetic cases showing each check can fail."""
import copy
import dataclasses

import pytest

from build_scripts.quiz import coverage
from build_scripts.corpus import load_corpus as load

from .small_corpus import document, small_corpus


@pytest.fixture(scope="module")
def corpus():
    return load()


@pytest.fixture(scope="module")
def questions():
    return coverage.all_questions()


@pytest.fixture(scope="module")
def rule_sets():
    return coverage.load_rule_sets()


def test_every_rule_item_has_a_question(questions, rule_sets):
    items = coverage.rule_items(rule_sets)
    assert len(items) > 100
    missing = coverage.uncovered_rule_items(questions, rule_sets)
    assert not missing, "\n".join(f"{it['cite']} {it['rule_set']}:{it['path']}: {it['quote']}" for it in missing)


def test_every_documents_duty_clauses_are_asked(questions, corpus):
    targets = coverage.targets()["duty_clauses"]
    for doc, anchors in targets.items():
        assert doc in corpus.documents
        for anchor in anchors:
            assert anchor in corpus.documents[doc].texts, f"{doc}#{anchor}"
    assert coverage.duty_clauses_unasked(questions) == []


def test_no_document_above_a_quarter_of_the_default_pool(questions):
    shares = coverage.doc_shares(questions)
    assert shares and len(coverage.default_pool(questions)) >= 300
    over = {d: round(s, 3) for d, s in shares.items() if s > coverage.MAX_SHARE}
    assert not over, over


def test_at_most_three_questions_per_source_sentence(questions, corpus):
    per = coverage.per_sentence(questions, corpus)
    worst = {k: v for k, v in per.items() if len(v) > coverage.MAX_PER_SENTENCE}
    assert not worst, worst


def test_table_counts_every_grounded_question(questions):
    topics, docs, cells = coverage.table(questions)
    grounded = [q for q in questions if q.get("status") == "grounded" and not q.get("missing")]
    assert sum(all_ for _, all_ in cells.values()) == len(grounded)
    assert "职责任务" in topics and "hebei-measures" in docs


# --- the checks can fail

RULES = {"demo": {"id": "demo", "document": "demo", "new_section_from_a_county": {"anything": [1, 2]},
                  "attendance": {"requirements": [{"label": "每月驻村", "value": 20, "unit": "day", "period": "month",
                                                   "cite": "demo#art-1", "quote": "每月驻村工作时间不少于20天",
                                                   "colour": "unknown field"}]},
                  "leave": {"ranges": [{"roles": ["member"], "cite": "demo#art-2",
                                        "quote": "请假1天以内的由第一书记批准", "steps": [{"by": "第一书记"}]}]}}}


def test_uncovered_rule_item_is_reported_and_unknown_fields_ignored():
    asked = [{"id": "q1", "status": "grounded", "cite": "demo#art-1", "fact": "驻村干部每月驻村工作时间不少于20天"}]
    missing = coverage.uncovered_rule_items(asked, RULES)
    assert [it["cite"] for it in missing] == ["demo#art-2"]
    more = copy.deepcopy(RULES)
    more["demo"]["leave"]["ranges"][0]["quote"] = "驻村工作时间不少于20天"
    more["demo"]["leave"]["ranges"][0]["cite"] = "demo#art-1"
    assert coverage.uncovered_rule_items(asked, more) == []


def test_share_over_a_quarter_is_measured():
    qs = [{"id": f"q{i}", "status": "grounded", "answer": ["x"], "topic": "请销假", "doc": "a" if i < 3 else f"d{i}",
           "cite": ("a" if i < 3 else f"d{i}") + "#s1"} for i in range(8)]
    assert coverage.doc_shares(qs)["a"] == 3 / 8


def test_four_questions_on_one_sentence_are_counted_and_capped():
    corpus = small_corpus(document("demo", "示例", {"s1": "每月不少于20天，每年不少于200天。请假报批。"}))
    qs = [{"id": f"q{i}", "section": "填空", "cite": "demo#s1", "fact": "每月不少于20天，每年不少于200天",
           "answer": [a]} for i, a in enumerate(["20", "200", "20天", "200天"])]
    per = coverage.per_sentence(qs, corpus)
    assert [len(v) for v in per.values()] == [4]
    assert [q["id"] for q in coverage.capped(qs, corpus)] == ["q0", "q1", "q2"]


def test_coverage_page_table_escaped(corpus, questions, rule_sets):
    from build_scripts.quiz.coverage_page import MARKER, fill, render
    doc = copy.copy(corpus.documents["hebei-measures"])
    doc.meta = {**doc.meta, "short": "<img src=x onerror=alert(1)>|河北"}
    hostile = dataclasses.replace(corpus, documents={**corpus.documents, "hebei-measures": doc})
    text = render(hostile, questions, rule_sets)
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;&#124;河北" in text
    assert "| 职责任务 |" in text and "190" not in "" and "合计" in text
    assert fill("a\n" + MARKER + "\nb", corpus).count("| 专题 |") == 1
