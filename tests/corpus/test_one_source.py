"""Each shared fact is stated once, and every id and name used anywhere resolves (issue 13, step 1).

- A document's names, level and jurisdiction live in build_scripts/corpus/documents.yml only: rule sets
  name their `document:` and the loader joins the rest in; how a question names a document (cited_as)
  is there too.
- Calculator titles live in calculators/fields.py only.
- Every citation in the data files, and every document id, resolves (pages, page specs and the bank:
  tests/corpus/test_citations.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_scripts.corpus import cited_as, load_corpus, load_spec
from calculators import loader
from calculators.fields import CALCULATORS

ROOT = Path(__file__).resolve().parents[2]
LOOKS_CITED = re.compile(r"[^\s#]+#[^\s#]+")   # any word#word: it must be a citation that resolves
DATA_FILES = sorted([*ROOT.glob("calculators/rules/*.yml"), *ROOT.glob("quiz_bank/**/*.yml"),
                     ROOT / "build_scripts/glossary/terms.yml"])


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _strings(node, key=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, str(k))
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, key)
    elif isinstance(node, str):
        yield key, node


def test_rule_set_files_name_their_document_and_restate_nothing_about_it():
    listed = {d["id"]: d for d in load_spec()["documents"]}
    for path in sorted(loader.RULES_DIR.glob("*.yml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert raw["document"] in listed, path.name
        assert not set(raw) & set(loader.JOINED), f"{path.name} restates {set(raw) & set(loader.JOINED)}"


def test_loaded_rule_sets_carry_the_documents_own_names():
    listed = {d["id"]: d for d in load_spec()["documents"]}
    for rid, rs in loader.load_yaml_dir().items():
        doc = listed[rs["document"]]
        assert {k: rs[k] for k in loader.JOINED} == {k: doc.get(src) for k, src in loader.JOINED.items()}, rid


def test_compiled_rule_sets_carry_the_same_facts(tmp_path):
    out = loader.compile_rule_sets(tmp_path / "compiled.json")
    assert loader.load_compiled(out) == loader.load_yaml_dir()


def test_a_rule_set_naming_an_unlisted_document_fails(tmp_path):
    text = (loader.RULES_DIR / "town-rules.yml").read_text(encoding="utf-8")
    (tmp_path / "town-rules.yml").write_text(text.replace("document: town-rules", "document: nowhere-2020"),
                                             encoding="utf-8")
    with pytest.raises(loader.RuleSetError, match="nowhere-2020"):
        loader.load_yaml_dir(tmp_path)


def test_question_sources_do_not_restate_how_documents_are_named():
    facts = yaml.safe_load((ROOT / "quiz_bank/sources/facts.yml").read_text(encoding="utf-8"))
    assert "naming" not in facts
    naming = cited_as()
    assert facts["facts"]
    for q in facts["facts"]:
        assert q["cite"].split("#")[0] in naming, q["cite"]


def test_every_document_level_and_topic_is_in_the_vocabulary():
    spec = load_spec()
    for d in spec["documents"]:
        assert d["level"] in spec["levels"], d["id"]
        assert set(d.get("topics") or []) <= set(spec["topics"]), d["id"]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_citation_in_the_data_files_resolves(path, corpus):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = 0
    for key, text in _strings(data):
        if LOOKS_CITED.fullmatch(text):
            corpus.resolve(text)  # raises CorpusError naming what is malformed or missing
            found += 1
        elif key in ("document", "doc"):
            assert text in corpus.documents, f"{path.name}: {key}: {text}"
    if "glossary" not in str(path) and "settings" not in path.name and "sources/synonyms" not in str(path):
        assert found or path.name in ("importance.yml", "coverage.yml"), f"{path.name}: no citation found"


def test_calculator_titles_are_stated_in_one_file():
    titles = [c["title"] for c in CALCULATORS.values()]
    for path in sorted([*ROOT.glob("build_scripts/**/*.py"), *ROOT.glob("calculators/*.py")]):
        if path.name == "fields.py" or "benchmarks" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert not [t for t in titles if f'"{t}"' in text], f"{path.relative_to(ROOT)} states a calculator title"
