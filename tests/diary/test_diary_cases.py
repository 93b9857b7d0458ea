"""The diary's day-to-input mapping and status lines, against hand-computed cases (tests/diary/cases/*.yml)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from calculators import diary

CASES = Path(__file__).with_name("cases")


def expand(marks: list[dict]) -> list[dict]:
    out = []
    for m in marks:
        m = dict(m)
        if "from" in m:
            d, end = date.fromisoformat(m.pop("from")), date.fromisoformat(m.pop("to"))
            while d <= end:
                out.append({**m, "date": d.isoformat()})
                d += timedelta(days=1)
        else:
            out.append(m)
    return out


def load() -> list[tuple[str, dict, dict]]:
    out = []
    for path in sorted(CASES.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            out.append((f"{path.stem}/{case['name']}", doc, case))
    return out


def subset(expected, actual, where="") -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for k, v in expected.items():
            assert k in actual, f"{where}.{k} missing"
            subset(v, actual[k], f"{where}.{k}")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


@pytest.mark.parametrize("name,doc,case", load(), ids=[c[0] for c in load()])
def test_case(name, doc, case):
    profile = {"rules": case.get("rules_override", doc["rules"]), **case["profile"]}
    today = date.fromisoformat(case["today"])
    marks = expand(case["marks"])
    as_of = date.fromisoformat(case["as_of"]) if "as_of" in case else None
    result = diary.status(profile, marks, today, as_of)
    exp = case["expect"]
    if "inputs" in exp:
        subset(exp["inputs"], result["inputs"], "inputs")
    for e in exp.get("errors", []):
        hits = [x for x in result["errors"] if x["field"] == e["field"] and x.get("date") == e.get("date")
                and e["contains"] in x["message"]]
        assert hits, f"no error {e} in {result['errors']}"
    if "errors" in exp:
        assert len(result["errors"]) == len(exp["errors"]), result["errors"]
    lines = {ln["id"]: ln for ln in result["lines"]}
    for e in exp.get("lines", []):
        assert e["id"] in lines, f"no line {e['id']}: {[ (l['id'], l['text']) for l in result['lines']]}"
        ln = lines[e["id"]]
        if "level" in e:
            assert ln["level"] == e["level"], ln
        if "contains" in e:
            assert e["contains"] in ln["text"], ln["text"]
        if "cite" in e:
            assert ln["cite"] == e["cite"], ln
    for absent in exp.get("no_lines", []):
        assert absent not in lines, lines[absent]
    # every line that is not plain bookkeeping names its clause
    for ln in result["lines"]:
        if ln["level"] in ("breach", "warn", "silent"):
            assert ln["cite"], ln


def test_every_cite_resolves_to_the_rule_set_form():
    for _, doc, case in load():
        result = diary.status({"rules": doc["rules"], **case["profile"]}, expand(case["marks"]),
                              date.fromisoformat(case["today"]))
        for ln in result["lines"]:
            for c in [ln["cite"]] + [x["cite"] for x in ln.get("consequences", [])]:
                assert c is None or c.split("#")[0] == doc["rules"].split("-")[0] or "#" in c


def test_warning_comes_before_the_threshold():
    profile = {"rules": "shenmu-2021", "role": "member", "start": "2025-01-01"}
    levels = []
    for n in range(10, 16):
        marks = expand([{"from": "2026-05-01", "to": f"2026-05-{n:02d}", "mark": "absent"}])
        lines = {ln["id"]: ln for ln in diary.status(profile, marks, date(2026, 5, n + 1))["lines"]}
        levels.append(lines["trigger-run-15"]["level"])
    # runs 10..15: warned from 10 (5 days away), crossed at 15 (连续15天 includes 15)
    assert levels == ["warn", "warn", "warn", "warn", "warn", "breach"]


def test_leave_request_uses_the_leave_calculator():
    profile = {"rules": "shenmu-2021", "role": "member", "start": "2026-01-01"}
    # 4 calendar days: 3天以上 → 队长同意、镇党委书记批准
    r = diary.leave_request(profile, [], "2026-04-01", "2026-04-04", date(2026, 3, 24))
    assert r["days"] == 4 and r["result"]["approver"] == "镇（街道）党（工）委书记"
    assert [s["action"] for s in r["result"]["steps"]] == ["consent", "approval", "filing"]
    # 3 days: both 3天以内 and 3天以上 include 3 — both readings shown
    r = diary.leave_request(profile, [], "2026-04-01", "2026-04-03", date(2026, 3, 24))
    assert r["result"]["ambiguous"] is True and len(r["result"]["readings"]) == 2
    bad = diary.leave_request(profile, [], "2026-04-05", "2026-04-01", date(2026, 3, 24))
    assert bad["errors"][0]["field"] == "leave_end"
    missing = diary.leave_request(profile, [], None, "2026-04-01", date(2026, 3, 24))
    assert missing["errors"][0]["field"] == "leave_start" and "开始日期" in missing["errors"][0]["message"]
    clash = diary.leave_request(profile, [{"date": "2026-03-20", "mark": "in_village"}], "2026-03-19", "2026-03-21",
                                date(2026, 3, 24))
    assert "重叠" in clash["errors"][0]["message"] and clash["errors"][0]["date"] == "2026-03-20"


def test_run_json_never_raises():
    for action, text in [("status", "[]"), ("status", "{"), ("nope", "{}"), ("status", '{"today": "x"}'),
                         ("status", '{"today": "2026-03-01", "profile": 3, "marks": 4}')]:
        out = json.loads(diary.run_json(action, text))
        assert out["errors"] and all("\u4e00" <= out["errors"][0]["message"][0] <= "\u9fff" for _ in [0])
    d = json.loads(diary.run_json("describe", "{}"))
    ids = [r["id"] for r in d["rule_sets"]]
    assert "shenmu-2021" in ids and "county-trial" not in ids
    yx = next(r for r in d["rule_sets"] if r["id"] == "yongxing-2017")
    assert yx["nights"] is True and yx["official"]["trip"]["counts"] is None


def test_readings_are_listed():
    assert all(title.startswith("台账") and text for title, text in diary.READINGS)


def test_xlsx_opens_with_the_records(tmp_path):
    import base64

    import openpyxl

    profile = {"rules": "hebei-measures", "role": "member", "start": "2026-01-01"}
    marks = expand([{"from": "2026-03-01", "to": "2026-03-02", "mark": "in_village"},
                    {"date": "2026-03-03", "mark": "official", "kind": "trip"},
                    {"date": "2026-03-04", "mark": "leave", "status": "approved", "approver": "=HYPERLINK(<乡镇党委>)"},
                    {"date": "2026-03-30", "mark": "in_village"}])  # in the future: not in the table
    out = json.loads(diary.run_json("xlsx", json.dumps({"profile": profile, "marks": marks, "today": "2026-03-10"})))
    path = tmp_path / "t.xlsx"
    path.write_bytes(base64.b64decode(out["xlsx"]))
    ws = openpyxl.load_workbook(path).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == ["日期", "星期", "记录", "审批人"]
    assert rows[1] == ["2026-03-01", "星期日", "在村", None] or rows[1][:3] == ["2026-03-01", "星期日", "在村"]
    assert rows[3][2] == "公出（出差）" and rows[4][2] == "请假（已批准）"
    assert rows[4][3] == "=HYPERLINK(<乡镇党委>)" and ws["D5"].data_type == "s"  # text, never a formula
    assert len(rows) == 5
    again = json.loads(diary.run_json("xlsx", json.dumps({"profile": profile, "marks": marks, "today": "2026-03-10"})))
    assert again["xlsx"] == out["xlsx"]
