"""The key user paths in every engine, over http: read a clause, search, one result from each
calculator, a practice answer kept in 错题本 after a reload. Chromium (Playwright), WebKit (WebKitGTK
through WebKitWebDriver) and Firefox ESR (WebDriver BiDi); the same in-page steps for each
(tests/engines/key_paths.js). First-result times go to test-artifacts/engines/ (a report, not a check).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.browser_actions import CALCULATOR_SAMPLES
from tests.conftest import open_engine
from tests.engines_drivers import ENGINES, search_lands_on_clause

pytestmark = pytest.mark.browser
# "请假3天谁批": a question a cadre types, with the clauses that answer it
QUESTION = yaml.safe_load((Path(__file__).parents[1] / "search" / "questions.yml").read_text("utf-8"))[0]
RESULT_TIMEOUT = 240_000


def record(artifacts_dir, engine, where: str, times: dict) -> None:
    out = artifacts_dir / "engines"
    out.mkdir(exist_ok=True)
    (out / f"first-result-{where}-{engine.name}.json").write_text(
        json.dumps({"engine": engine.name, "version": engine.version, "ms": times}, ensure_ascii=False, indent=1))


@pytest.mark.parametrize("name", ENGINES)
def test_read_a_clause(engine_pool, site_url, name):
    engine = open_engine(engine_pool, name)
    engine.goto(site_url + "regulations/hebei-measures.html#art-3")
    got = engine.step("clause", {"anchor": "art-3"})
    assert got["count"] > 20 and got["visible"] and got["text"].startswith("第三条"), got


@pytest.mark.parametrize("name", ENGINES)
def test_search(engine_pool, site_url, name):
    """The site's own search box: the question's answering clause in the first three, and opened."""
    engine = open_engine(engine_pool, name)
    search_lands_on_clause(engine, site_url, QUESTION)


@pytest.mark.parametrize("name", ENGINES)
def test_each_calculator_gives_a_result(engine_pool, site_url, artifacts_dir, name, capsys):
    engine = open_engine(engine_pool, name)
    times = {}
    for calc, values in CALCULATOR_SAMPLES.items():
        engine.goto(site_url + f"tools/{calc}.html")
        got = engine.step("calculator", {"values": values, "timeout": RESULT_TIMEOUT})
        assert got["title"] and got["cites"] >= 1, (calc, got)
        times[calc] = round(got["ms"])
    record(artifacts_dir, engine, "http", times)
    with capsys.disabled():
        print(f"\n{name} {engine.version}: first result (ms since navigation) {times}")


@pytest.mark.parametrize("name", ENGINES)
def test_practice_answer_kept_in_wrongbook_after_reload(engine_pool, site_url, name):
    engine = open_engine(engine_pool, name)
    engine.goto(site_url + "quiz/practice.html")
    engine.step("clear-storage")
    engine.goto(site_url + "quiz/practice.html")
    qid = engine.step("answer-wrong")
    engine.goto(site_url + "quiz/wrongbook.html")
    assert engine.step("wrongbook-has", {"qid": qid}) is True
