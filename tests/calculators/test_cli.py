"""The command line: list, run (exit 0), bad input (exit 2 with a JSON error)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calculators", *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_list_shows_rule_sets_and_calculators():
    out = cli("list")
    assert out.returncode == 0
    lines = {line.split("\t")[0]: line for line in out.stdout.splitlines()}
    assert {"hebei-measures", "shenmu-2021", "guizhou-2017", "town-rules"} <= set(lines)
    assert "quota" in lines["hebei-measures"] and "quota" not in lines["shenmu-2021"]


def test_run_prints_one_json_object():
    out = cli("leave", "--rules", "hebei-measures", "--json", '{"role": "member", "days": 3}')
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["ambiguous"] is True and result["approver"] is None


@pytest.mark.parametrize("args,field,fragment", [
    (["attendance", "--rules", "hebei-measures", "--json", '{"period": "month", "days_in_village": 40}'],
     "days_in_village", "一个月最多 31 天"),
    (["attendance", "--rules", "shenmu-2021", "--json", '{"period": "year", "days_in_village": 400}'],
     "days_in_village", "366"),
    (["attendance", "--rules", "hebei-measures", "--json", '{"period": "month", "days_in_village": -2}'],
     "days_in_village", "负数"),
    (["attendance", "--rules", "hebei-measures", "--json", '{"period": "month", "days_in_village": "二十天半"}'],
     "days_in_village", "整数"),
    (["attendance", "--rules", "hebei-measures", "--json", '{"period": "month", "days_in_village": 2, "x": 1}'],
     "x", "没有“x”"),
    (["attendance", "--rules", "nowhere", "--json", '{"period": "month", "days_in_village": 2}'], "rules", "nowhere"),
    (["quota", "--rules", "town-rules", "--json", '{"total_cadres": 3}'], "calculator", "不能用这个计算器"),
    (["salary", "--rules", "town-rules", "--json", "{}"], "calculator", "没有名为"),
    (["leave", "--rules", "town-rules", "--json", "{oops"], "json", "JSON"),
    (["leave", "--json", '{"role": "member", "days": 1}'], "rules", "--rules"),
])
def test_bad_input_exits_2_with_json_error(args, field, fragment):
    out = cli(*args)
    assert out.returncode == 2, out.stdout + out.stderr
    err = json.loads(out.stdout)["error"]
    assert err["field"] == field and fragment in err["message"]


def test_compile_writes_json(tmp_path):
    target = tmp_path / "rules.json"
    out = cli("compile", "--out", str(target))
    assert out.returncode == 0, out.stderr
    assert "hebei-measures" in json.loads(target.read_text(encoding="utf-8"))["rule_sets"]
