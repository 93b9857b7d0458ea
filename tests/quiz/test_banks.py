"""The real banks: valid against the corpus, generated bank deterministic, big enough, all grounded."""
import collections
import pathlib

import pytest
import yaml

from build_scripts.quiz import generate_facts
from build_scripts.quiz.corpus_access import load
from build_scripts.quiz.normalise import normalise
from build_scripts.quiz.payload import build
from build_scripts.quiz.validate import ROOT, bank_files, signature, validate_files


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
    for q in generate_facts.generate(corpus):
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
