"""Typed input vectors (tests/calculators/input_vectors.yml) through both twins: calculators/inputs.py
here, docs/assets/calculators/checks.mjs under node with the page's own spec (the one the form reads).
Each vector becomes the intended number or the named Chinese message, the same in both."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from build_scripts.calculator_pages.spec import calculator_specs
from calculators import engine, fields
from calculators.inputs import InputError, check_inputs

ROOT = Path(__file__).resolve().parents[2]
TABLE = yaml.safe_load((ROOT / "tests/calculators/input_vectors.yml").read_text(encoding="utf-8"))
CHECKS = ROOT / "docs/assets/calculators/checks.mjs"
CJK = re.compile(r"[\u4e00-\u9fff]")

VECTORS = [(where, text, expected) for where, rows in TABLE["vectors"].items() for text, expected in rows]
ACROSS = TABLE["across"]


def _case(where: str, text: str) -> tuple[str, str, dict]:
    calc, name = where.split(".")
    return calc, name, {**TABLE["fields"][where], name: text}


def _python(calc: str, name: str, payload: dict) -> dict:
    """{"value": v} | {"absent": True} | {"error": message, "key": key, "field": field}."""
    try:
        clean = check_inputs(calc, payload)
    except InputError as exc:
        return {"error": exc.message, "key": exc.key, "field": exc.field}
    return {"value": clean[name]} if name in clean else {"absent": True}


def test_table_covers_every_kind_the_issue_names():
    texts = {t for _, t, _ in VECTORS}
    assert {"１５", "1。5", "1,5", "1/2", "一天半", "两天", "三", "3天", "3 天", "15日", "-1", "1e3", "",
            "NaN", "99999999999999999999"} <= texts
    keys = {e for _, _, e in VECTORS if isinstance(e, str)}
    assert {k for k in fields.MESSAGES if k.startswith("text_")} <= keys  # every refusal is exercised
    assert len(VECTORS) >= 100


@pytest.mark.parametrize("where,text,expected", VECTORS, ids=[f"{w}:{t!r}" for w, t, _ in VECTORS])
def test_python_reads_or_refuses(where, text, expected):
    calc, name, payload = _case(where, text)
    got = _python(calc, name, payload)
    if expected is None:
        assert got == {"absent": True}
    elif isinstance(expected, str):
        label = fields.field_map(calc)[name]["label"]
        assert got.get("key") == expected and got["field"] == name, got
        assert f"“{label}”" in got["error"] and CJK.search(got["error"])
    else:
        assert got == {"value": expected}, got
        assert isinstance(got["value"], int) == isinstance(expected, int)  # 20 stays 20, not 20.0


@pytest.mark.parametrize("row", ACROSS, ids=[f"{r[0]}:{r[2]}:{i}" for i, r in enumerate(ACROSS)])
def test_python_cross_field_limits(row):
    calc, payload, field, *key = row
    if field is None:
        clean = check_inputs(calc, payload)
        assert all(v not in (None, [], "") for v in clean.values())  # blank and [] are not given
        return
    with pytest.raises(InputError) as info:
        check_inputs(calc, payload)
    assert (info.value.field, info.value.key) == (field, key[0])
    assert CJK.search(info.value.message) and "{" not in info.value.message


def test_empty_ratings_are_not_shown_as_checked():
    result = engine.run("eligibility", "shenmu-2021", {"role": "member", "ratings_last_two_years": []})
    assert result == engine.run("eligibility", "shenmu-2021", {"role": "member"})


NODE_RUNNER = r"""
const { checkInputs } = await import(process.argv[1]);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = input.cases.map(([calc, payload]) => {
  const spec = input.specs[calc];
  return checkInputs(spec.fields, payload, spec.checks, spec.checks.not_above);
});
process.stdout.write(JSON.stringify(out));
"""


def _node(cases: list[tuple[str, dict]]) -> list[dict]:
    specs = {s.name: {"fields": s.fields, "checks": s.checks}
             for s in calculator_specs(engine.describe())}
    script = NODE_RUNNER.replace("require(", "(await import('node:module')).createRequire(import.meta.url)(")
    proc = subprocess.run(["node", "--input-type=module", "-e", script, CHECKS.as_uri()],
                          input=json.dumps({"specs": specs, "cases": cases}, ensure_ascii=False),
                          capture_output=True, text=True, encoding="utf-8", check=True, timeout=60)
    return json.loads(proc.stdout)


needs_node = pytest.mark.skipif(shutil.which("node") is None and os.environ.get("CI") != "true",
                                reason="node not installed")


@needs_node
def test_javascript_reads_and_refuses_the_same():
    cases = [_case(w, t) for w, t, _ in VECTORS]
    got = _node([(calc, payload) for calc, _, payload in cases])
    problems = []
    for (where, text, _), (calc, name, payload), js in zip(VECTORS, cases, got):
        py = _python(calc, name, payload)
        if "error" in py:
            same = js["errors"].get(name) == py["error"] and list(js["errors"]) == [name]
        elif "absent" in py:
            same = name not in js["clean"] and not js["errors"]
        else:
            same = not js["errors"] and json.dumps(js["clean"].get(name)) == json.dumps(py["value"])
        if not same:
            problems.append(f"{where} {text!r}: python {py}, javascript {js}")
    assert not problems, "\n".join(problems)


@needs_node
def test_javascript_cross_field_limits_match():
    got = _node([(row[0], row[1]) for row in ACROSS])
    for row, js in zip(ACROSS, got):
        calc, payload, field = row[:3]
        if field is None:
            assert not js["errors"], (row, js)
            continue
        with pytest.raises(InputError) as info:
            check_inputs(calc, payload)
        assert js["errors"] == {field: info.value.message}, (row, js)


@needs_node
def test_twins_agree_on_random_phone_text():
    """Beyond the table: 4000 random strings of what a phone keyboard offers, the same in both twins."""
    import random

    alphabet = list("0123456789０１２３４５６７８９.．。｡,，、/／-－−+~～—–e 　零〇一二两三四五六七八九十百千万半"
                    "天日个月年周票次人名%％小时岁到至或和分之")
    rng = random.Random(15)
    wheres = list(TABLE["fields"])
    cases = [_case(rng.choice(wheres), "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))))
             for _ in range(4000)]
    got = _node([(calc, payload) for calc, _, payload in cases])
    problems = []
    for (calc, name, payload), js in zip(cases, got):
        py = _python(calc, name, payload)
        expected = ({py["field"]: py["error"]} if "error" in py else {},
                    None if "error" in py or "absent" in py else json.dumps(py["value"]))
        if (js["errors"], None if js["errors"] or name not in js["clean"] else json.dumps(js["clean"][name])) \
                != expected:
            problems.append(f"{calc}.{name} {payload[name]!r}: python {py}, javascript {js}")
    assert not problems, "\n".join(problems[:20])
