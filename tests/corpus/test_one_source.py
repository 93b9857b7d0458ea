"""Each shared fact is stated once, and every id and name used anywhere resolves (issue 13, step 1).

- A document's names, level and jurisdiction live in build_scripts/corpus/documents.yml only: rule sets
  name their `document:` and the loader joins the rest in; how a question names a document (cited_as)
  is there too.
- Calculator titles live in calculators/fields.py only.
- Roles, units, document levels, topics (regulation pages and questions), support topics and rotation
  reasons live in calculators/vocabulary.json only (read by calculators/vocabulary.py): code that states
  one of its words as a literal, or lists its ids or levels again, fails; every level, topic and role
  used in a data file is in it.
- No data file or code names a document on its own (the county paper takes its title from documents.yml).
- Every citation in the data files, and every document id, resolves (pages, page specs and the bank:
  tests/corpus/test_citations.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_scripts.corpus import cited_as, load_corpus, load_spec
from calculators import loader, vocabulary
from calculators.fields import CALCULATORS

ROOT = Path(__file__).resolve().parents[2]
LOOKS_CITED = re.compile(r"[^\s#]+#[^\s#]+")   # any word#word: it must be a citation that resolves
DATA_FILES = sorted([*ROOT.glob("calculators/rules/*.yml"), *ROOT.glob("quiz_bank/**/*.yml"),
                     ROOT / "build_scripts/glossary/terms.yml"])
CODE_FILES = sorted([*ROOT.glob("build_scripts/**/*.py"), *ROOT.glob("calculators/*.py"),
                     *ROOT.glob("docs/assets/**/*.js"), *ROOT.glob("docs/assets/**/*.mjs"),
                     *ROOT.glob("overrides/**/*.html")])
CONFIG_FILES = sorted(p for p in ROOT.glob("build_scripts/**/*.yml") if p.name != "documents.yml")


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


def _keys(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from _keys(v)
    elif isinstance(node, list):
        for v in node:
            yield from _keys(v)


NAMING_KEYS = {"naming", "cited_as", "short", "short_name", "name", "title", "jurisdiction", "level"}


@pytest.mark.parametrize("path", [p for p in DATA_FILES if "generated" not in p.parts],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_data_file_names_a_document_on_its_own(path):
    """A document's names, level and jurisdiction come from documents.yml (the county paper's title too)."""
    keys = set(_keys(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert not keys & NAMING_KEYS, f"{path.relative_to(ROOT)}: {keys & NAMING_KEYS}"


def test_no_code_names_a_document():
    names = {d[k] for d in load_spec()["documents"] for k in ("short", "cited_as", "title") if d.get(k)}
    for path in CODE_FILES:
        text = path.read_text(encoding="utf-8")
        named = [n for n in names if any(f"{q}{n}{q}" in text or f"{q}《{n}》{q}" in text for q in "\"'")]
        assert not named, f"{path.relative_to(ROOT)} names {named}"


def test_every_document_level_topic_and_role_is_in_the_vocabulary():
    spec = load_spec()
    assert not {"levels", "topics"} & set(spec), "documents.yml restates the vocabulary"
    for d in spec["documents"]:
        assert d["level"] in vocabulary.LEVELS, d["id"]
        assert set(d.get("topics") or []) <= set(vocabulary.PAGE_TOPICS), d["id"]
        assert set(d.get("role_words") or {}) <= set(vocabulary.ROLES), d["id"]


def test_every_question_topic_is_in_the_vocabulary():
    names = set(vocabulary.QUESTION_TOPICS.values())
    importance = yaml.safe_load((ROOT / "quiz_bank/sources/importance.yml").read_text(encoding="utf-8"))
    assert set(importance["topics"]) <= names
    for path in ROOT.glob("quiz_bank/**/*.yml"):
        used = {t for k, t in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))) if k == "topic"}
        assert used <= names, f"{path.relative_to(ROOT)}: {used - names}"


def _vocabulary_words() -> set[str]:
    """Role, topic, support topic and rotation reason names (unit words such as 个月 are also what a
    user types, so a unit table is found by its ids instead: RESTATED_LISTS)."""
    return {*vocabulary.ROLE_LABELS.values(), *vocabulary.ROLE_WORDS.values(), *vocabulary.TOPIC_NAMES.values(),
            *vocabulary.SUPPORT_TOPICS.values(), *vocabulary.ROTATION_REASONS.values()}


# A second list of the vocabulary's ids or levels (a tuple of role ids, a unit table, the levels in order).
RESTATED_LISTS = [re.compile(p) for p in (
    r"""["']first_secretary["']\s*[,:].{0,40}["']team_leader["']""",
    r"""["']day["']\s*[,:].{0,40}["']night["']""",
    r"""["']promotion["']\s*[,:].{0,40}["']post_change["']""",
    r"""["']pay["']\s*[,:].{0,60}["']work_funds["']""",
    "中央.{0,8}省.{0,8}市.{0,8}县.{0,8}乡镇")]


def _restatements(text: str) -> list[str]:
    """The vocabulary's words stated as literals, and lists of its ids or levels, in a file's text."""
    stated = sorted(w for w in _vocabulary_words() if f'"{w}"' in text or f"'{w}'" in text)
    return stated + [p.pattern for p in RESTATED_LISTS if p.search(text)]


@pytest.mark.parametrize("path", CODE_FILES + CONFIG_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_vocabulary_is_stated_in_one_file(path):
    found = _restatements(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)} restates {found}: use calculators.vocabulary"


@pytest.mark.parametrize("text", ['ROLE = "第一书记"', "TOPIC = {'leave': '请销假'}",
                                  'LEVELS = ["中央", "省", "市", "县", "乡镇", "单位"]', 'ROLES = ("first_secretary", "team_leader")',
                                  'UNITS = ("day", "night", "workday")', "levels: [中央, 省, 市, 县, 乡镇, 单位]"])
def test_a_restated_word_or_list_is_found(text):
    assert _restatements(text)


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
