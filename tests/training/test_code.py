"""The 培训班 codes (docs/assets/training/code.js) under node: 试卷码 round trips for both formats, every
single wrong character and neighbour swap refused, truncation, another bank version, a stray character;
成绩码 round trip, damage and another paper's answer count refused with Chinese messages."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from build_scripts.corpus import load_corpus as load
from build_scripts.quiz.payload import build

ROOT = Path(__file__).resolve().parents[2]
CODE = ROOT / "docs/assets/training/code.js"
CJK = re.compile(r"[\u4e00-\u9fff]")

pytestmark = pytest.mark.skipif(shutil.which("node") is None and os.environ.get("CI") != "true",
                                reason="node not installed")


@pytest.fixture(scope="module")
def out() -> dict:
    proc = subprocess.run(["node", str(ROOT / "tests/training/code_cases.mjs"), str(CODE)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_paper_codes_round_trip(out):
    county, custom, all_docs = out["round"]
    assert [len(c) for c in out["codes"]] == [10, 18, 18]
    assert county["spec"] == {"format": "county", "version": 12345, "minutes": 20, "shuffle": False,
                              "pending": [0, 3], "seed": 4321}
    assert custom["spec"] == {"format": "custom", "version": 12345, "minutes": 45, "shuffle": True, "pending": [],
                              "seed": 16383, "docs": [1, 4, 12], "topics": None, "importance": [0, 1],
                              "counts": [3, 0, 31]}
    assert all_docs["spec"]["docs"] is None and all_docs["spec"]["topics"] == [0, 15, 19]
    assert out["grouped"]["ok"] and out["grouped"]["spec"] == county["spec"]  # 3-1 dashes, lower case, O/L typed
    assert out["fullwidth"]["ok"] and out["fullwidth"]["spec"] == county["spec"]  # a Chinese keyboard's full-width letters


def test_every_single_typo_and_swap_is_caught(out):
    assert out["missed"] == []


@pytest.mark.parametrize("case,kind,words", [
    ("short", "short", "不完整"), ("long", "long", "多了"), ("typo", "typo", "输错"),
    ("other", "version", "更新本机的离线副本"), ("char", "char", "“U”"), ("empty", "empty", "请先输入"),
    ("resultAsPaper", "result", "不是试卷码")])
def test_bad_paper_codes_get_chinese_messages(out, case, kind, words):
    got = out[case]
    assert got["ok"] is False and got["kind"] == kind
    assert words in got["message"] and CJK.search(got["message"])


def test_result_codes(out):
    back = out["resultBack"]
    assert back["ok"] and back["name"] == "张｜三" and back["paperCode"] == out["codes"][0]
    assert back["answers"] == [["二十", "每天｜都～"], ["B"], ["A", "C"]]
    for case, kind in (("resultCut", "damaged"), ("resultEdited", "damaged"), ("resultCount", "count"),
                       ("notResult", "notresult")):
        assert out[case]["ok"] is False and out[case]["kind"] == kind and CJK.search(out[case]["message"])
    assert out["found"] == [out["result"], out["result"]]
    assert out["thrown"] == ["RangeError"] * 4


def test_bank_fits_the_code_fields():
    bank = build(load())
    assert 0 <= bank["bank_version"] < 32768
    assert len(bank["docs"]) <= 16 and len(bank["topics"]) <= 20
    assert len(bank["sets"][0]["ids"]) <= 10
    assert [s["key"] for s in bank["paper"]["sections"]] == ["填空", "单选", "多选"]


def test_bank_version_follows_the_bank():
    from build_scripts.quiz.payload import bank_version
    bank = build(load())
    data = {k: v for k, v in bank.items() if k not in ("version", "bank_version")}
    assert bank_version(data) == bank["bank_version"]
    data["questions"][0] = {**data["questions"][0], "answer": ["变了"]}
    assert bank_version(data) != bank["bank_version"]
