"""Blank-normalisation vectors through Python and, with node, through the page's JavaScript."""
import json
import pathlib
import shutil
import subprocess

import pytest
import yaml

from build_scripts.quiz.normalise import grade_blanks, matches, normalise

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTORS = yaml.safe_load((ROOT / "tests/quiz/blank_normalisation_vectors.yml").read_text("utf-8"))
JS = ROOT / "docs/assets/quiz/normalise.js"


@pytest.mark.parametrize("case", VECTORS["normalise"], ids=lambda c: repr(c["input"]))
def test_normalise(case):
    assert normalise(case["input"]) == case["normalised"]


@pytest.mark.parametrize("case", VECTORS["match"], ids=lambda c: f"{c[0]}|{c[1]}")
def test_match(case):
    given, expected, ok = case
    assert matches(given, expected) is ok


@pytest.mark.parametrize("case", VECTORS["grade"])
def test_grade(case):
    got = grade_blanks(case["inputs"], case["answer"], case.get("accept"), case.get("order_free"))
    assert got == case["result"]


NODE_RUNNER = r"""
const api = require(process.argv[1]);
const v = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {
  normalise: v.normalise.map(c => api.normalise(c.input)),
  match: v.match.map(c => api.matches(c[0], c[1])),
  grade: v.grade.map(c => api.gradeBlanks(c.inputs, c.answer, c.accept, c.order_free)),
};
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_vectors_in_node():
    proc = subprocess.run(["node", "-e", NODE_RUNNER, str(JS)], input=json.dumps(VECTORS),
                          capture_output=True, text=True, check=True)
    got = json.loads(proc.stdout)
    assert got["normalise"] == [c["normalised"] for c in VECTORS["normalise"]]
    assert got["match"] == [c[2] for c in VECTORS["match"]]
    assert got["grade"] == [c["result"] for c in VECTORS["grade"]]
