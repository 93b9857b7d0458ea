"""The offline zip opened from file:// in every engine: a clause, search, and a calculator result; and in
WebKit and Firefox as browsers without import maps (the calculator through es-module-shims).
First-result times go to test-artifacts/engines/ beside the http ones (a report, not a check)."""

from __future__ import annotations

import json

import pytest
import yaml

from build_scripts.csp import sha256_source
from tests.browser_actions import CALCULATOR_SAMPLES, NO_SUPPORTS, without_import_map
from tests.conftest import ROOT, open_engine
from tests.engines_drivers import ENGINES, search_lands_on_clause
from tests.offline.conftest import changed_copy

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


@pytest.mark.parametrize("name", [n for n in ENGINES if n != "chromium"])
def test_calculator_without_import_maps_from_file(engine_pool, offline_root, tmp_path, name):
    """WebKit (Safari's engine) and Firefox as browsers without import maps, from file://: the page's map
    refused by its policy and HTMLScriptElement.supports deleted by a script of the page itself (these
    drivers have no init scripts), so the starter takes the shim, which imports blob: modules from file://."""
    html = without_import_map((offline_root / "tools" / "attendance.html").read_text(encoding="utf-8"))
    html = html.replace("script-src 'self'", f"script-src 'self' {sha256_source(NO_SUPPORTS)}", 1)
    html = html.replace('<script type="importmap">', f'<script>{NO_SUPPORTS}</script>\n<script type="importmap">', 1)
    page = changed_copy(offline_root, tmp_path, "tools/attendance.html", html)
    engine = open_engine(engine_pool, name)
    engine.goto(page.as_uri())
    got = engine.step("calculator", {"values": CALCULATOR_SAMPLES["attendance"], "timeout": 300_000})
    assert got["title"] and got["cites"] >= 1, got
