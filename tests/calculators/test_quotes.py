"""Every quote is the source's own words, every citation resolves, and the number is in the quote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from calculators.citecheck import cited_items, item_problems, norm as _norm, number_problems
from calculators.loader import load_yaml_dir

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
DOC_IDS = {"central-2017", "hebei-measures", "hebei-opinions", "shenmu-2021", "guizhou-2017", "yongxing-2017",
           "town-rules", "school-pingna", "county-trial", "hebei-subsidy-2009", "hebei-assets-2021",
           "workgroup-fragment", "county-test"}
RULE_SETS = load_yaml_dir()


ITEMS = [(rid, path, item) for rid, rs in RULE_SETS.items() for path, item in cited_items(rs)]


def test_required_rule_sets_present():
    assert {"hebei-measures", "hebei-opinions", "shenmu-2021", "guizhou-2017", "yongxing-2017",
            "town-rules", "school-pingna"} <= set(RULE_SETS)


@pytest.mark.parametrize("rid,path,item", ITEMS, ids=[f"{r}:{p}" for r, p, _ in ITEMS])
def test_cite_names_known_document(rid, path, item):
    assert item["cite"].split("#")[0] in DOC_IDS


@pytest.mark.parametrize("rid,path,item", ITEMS, ids=[f"{r}:{p}" for r, p, _ in ITEMS])
def test_number_is_in_quote(rid, path, item):
    """The value and each bound written on the item (not derived) appear in its quote."""
    assert number_problems(item) == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not checked out beside the repo")
@pytest.mark.parametrize("rid,path,item", ITEMS, ids=[f"{r}:{p}" for r, p, _ in ITEMS])
def test_quote_is_in_seed_text(rid, path, item):
    if "quote" not in item:
        return
    assert _norm(item["quote"]) in _seed_text()


_SEED_TEXT: list[str] = []


def _seed_text() -> str:
    if not _SEED_TEXT:
        _SEED_TEXT.append(_norm("".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))))
    return _SEED_TEXT[0]


def _corpus():
    try:
        from build_scripts.corpus import load_corpus
    except ImportError:
        return None
    try:
        return load_corpus()
    except Exception:  # seeds missing
        return None


CORPUS = _corpus()


@pytest.mark.skipif(CORPUS is None, reason="build_scripts.corpus or the seeds not available")
@pytest.mark.parametrize("rid,path,item", ITEMS, ids=[f"{r}:{p}" for r, p, _ in ITEMS])
def test_cite_resolves_and_quote_is_in_the_clause(rid, path, item):
    assert item_problems(item, lambda cite: CORPUS.resolve(cite)[1].text) == []


def _bounds(obj) -> list:
    from calculators.conditions import BOUND_KEYS, as_number, parts

    return [as_number(c[k]) for c in parts(obj) for k in BOUND_KEYS if k in c]


@pytest.mark.parametrize("rid,path,item", ITEMS, ids=[f"{r}:{p}" for r, p, _ in ITEMS])
def test_value_is_the_number_the_rule_uses(rid, path, item):
    """The cited `value` must be a bound the calculator actually applies, so the checked number is the used one."""
    from calculators.conditions import as_number

    value = item.get("value")
    if value is None or isinstance(value, (bool, list)) or (isinstance(value, str) and not re.fullmatch(r"[\d./]+", value)):
        return
    used = _bounds(item.get("when", {})) + _bounds(item)
    if used:
        assert as_number(value) in used, f"value {value} is not among the bounds {used} the rule applies"
