"""The offline zip opened from file:// in every engine: a clause, search, and a calculator result.
First-result times go to test-artifacts/engines/ beside the http ones (a report, not a check)."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.browser_actions import CALCULATOR_SAMPLES
from tests.conftest import ROOT, open_engine
from tests.engines_drivers import ENGINES, search_lands_on_clause

pytestmark = pytest.mark.browser
# "无故离村多少天会被召回": a question a cadre types, with the clause that answers it
QUESTION = next(q for q in yaml.safe_load((ROOT / "tests" / "search" / "questions.yml").read_text("utf-8"))
                if q["query"] == "无故离村多少天会被召回")


@pytest.mark.parametrize("name", ENGINES)
def test_offline_copy_in_every_engine(engine_pool, offline_root, artifacts_dir, name, capsys):
    engine = open_engine(engine_pool, name)
    base = offline_root.resolve().as_uri() + "/"
    engine.goto(base + "regulations/hebei-measures.html#art-3")
    assert engine.step("clause", {"anchor": "art-3"})["text"].startswith("第三条")

    search_lands_on_clause(engine, base, QUESTION)

    engine.goto(base + "tools/attendance.html")
    got = engine.step("calculator", {"values": CALCULATOR_SAMPLES["attendance"], "timeout": 300_000})
    assert got["title"] and got["cites"] >= 1, got
    out = artifacts_dir / "engines"
    out.mkdir(exist_ok=True)
    (out / f"first-result-file-{name}.json").write_text(
        json.dumps({"engine": name, "version": engine.version, "ms": {"attendance": round(got["ms"])}}))
    with capsys.disabled():
        print(f"\n{name} {engine.version}: file:// first result {got['ms'] / 1000:.1f} s")
