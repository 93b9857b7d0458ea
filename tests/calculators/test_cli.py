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
    # a section that only records the document's silence is listed as such, not as a rule
    assert "leave（请假审批：本文件未规定" in lines["hebei-opinions"]
    assert "attendance（考勤达标）" in lines["shenmu-2021"] and "未规定" not in lines["shenmu-2021"]


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


def cli_bytes(*args: bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable.encode(), b"-m", b"calculators", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=60)


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("args,stdin,field,fragment", [
    # found by the reliability probe: each exited 1 with a traceback
    ([b"quota", b"--rules", b"hebei-measures", b"--json", b'{"total_cadres": ' + b"9" * 5000 + b"}"], None,
     "total_cadres", "不能大于 100000"),
    ([b"quota", b"--rules", b"hebei-measures", b"--json", b'{"total_cadres": ' + DEEP[:40_000] + DEEP[-40_000:] + b"}"],
     None, "json", "嵌套层数太多"),
    ([b"quota", b"--rules", b"hebei-measures", b"--json", b"-"], DEEP, "json", "嵌套层数太多"),
    ([b"quota", b"--rules", b"hebei-measures", b"--json", b'{"\\ud800": 1}'], None, "\ufffd", "没有“\ufffd”这一项"),
    # bytes that are not UTF-8, in an argument and on standard input
    ([b"quota", b"--rules", b"hebei-measures", b"--json", b'{"\xff": 1}'], None, "json", "第 3 个字节"),
    ([b"quota", b"--rules", b"hebei-measures", b"--json", b"-"], b'{"total_cadres": "\xc3"}', "json", "UTF-8"),
    ([b"leave", b"--rules", b"\xff\xfe", b"--json", b"{}"], None, "rules", "没有编号为“\ufffd\ufffd”的规则集"),
    # bad JSON: Chinese, with the position, no decoder English
    ([b"leave", b"--rules", b"town-rules", b"--json", b"{'role': 'member'}"], None, "json",
     "第 1 行第 2 列（第 2 个字符）处的项目名要用英文双引号括起来"),
    ([b"leave", b"--rules", b"town-rules", b"--json", b'{"role": "member",\n "days": }'], None, "json",
     "第 2 行第 10 列"),
    ([b"leave", b"--rules", b"town-rules", b"--json", b'{"days": 1} x'], None, "json", "之后还有多余的内容"),
    ([b"leave", b"--rules", b"town-rules", b"--json", b"[4]"], None, "json", '例如 {"days": 4}。'),
    # huge and wrong-typed values
    ([b"leave", b"--rules", b"town-rules", b"--json", b'{"role": "member", "days": "' + b"9" * 100_000 + b'"}'],
     None, "days", "太长"),
    ([b"leave", b"--rules", b"town-rules", b"--json", b'{"role": "member", "days": 1e999}'], None, "days", "366"),
    ([b"leave", b"--rules", b"town-rules", b"--json", b'{"role": ["member"], "days": 1}'], None, "role", "只能选"),
    ([b"leave", b"--rules", b"town-rules", b"--json", b'{"role": "member", "days": {"a": 1}}'], None, "days", "数字"),
    ([b"leave", b"--rules", b"town-rules", b"--json", b"-"], b"{}" + b" " * 5_000_000, "json", "输入太大"),
    # arguments argparse used to answer in English on stderr
    ([b"leave", b"--rules", b"town-rules", b"--json"], None, "arguments", "“--json”后面缺少内容"),
    ([b"leave", b"--rules", b"town-rules", b"--verbose"], None, "arguments", "不认识的参数“--verbose”"),
])
def test_any_input_exits_2_with_chinese_json(args, stdin, field, fragment):
    out = cli_bytes(*args, stdin=stdin)
    assert out.returncode == 2 and out.stderr == b"", out.stderr.decode("utf-8", "replace")[-2000:]
    err = json.loads(out.stdout.decode("utf-8"))["error"]
    assert err["field"] == field and fragment in err["message"], err
    assert "Traceback" not in err["message"] and "Expecting" not in err["message"]


def test_text_as_a_phone_types_it_and_stdin():
    out = cli_bytes(b"leave", b"--rules", b"hebei-measures", b"--json", b"-",
                    stdin='\ufeff{"role": "member", "days": "一天半"}'.encode())
    assert out.returncode == 0, out.stdout
    assert "1.5" in json.loads(out.stdout)["notes"][0]["text"] or json.loads(out.stdout)["steps"]


def test_not_object_message_is_formatted():
    """The example in the message reads {"days": 4}, not the raw template {{"days": 4}}."""
    from calculators import engine
    err = json.loads(engine.run_json("leave", "town-rules", "5"))["error"]
    assert err == {"field": "json", "message": '输入应是一个 JSON 对象，例如 {"days": 4}。'}
