"""The comparison pages come from the rule sets: a row per jurisdiction, each value with its clause."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from build_scripts.comparison import build_pages, md
from calculators.loader import RULES_DIR, load_yaml_dir, read_documents

RULE_SETS = load_yaml_dir()
PAGES = build_pages(RULE_SETS)


def rows(page: str, heading: str) -> dict[str, str]:
    """{short name: cell} of the table under `## heading` (or `### heading`)."""
    text = PAGES[page] if page in PAGES else page
    part = re.split(rf"^#{{2,3}} {re.escape(heading)}\n", text, flags=re.M)[1]
    part = re.split(r"^#{2,3} ", part, flags=re.M)[0]
    out = {}
    for line in part.splitlines():
        m = re.match(r"^\| \*\*[^*]+\*\*<br>《([^》]+)》 \| (.*) \|$", line)
        if m:
            assert m.group(1) not in out, f"{heading}: two rows for {m.group(1)}"
            out[m.group(1)] = m.group(2)
    return out


def link(cite: str) -> str:
    """How a cell links a clause (the generator writes the final Markdown link)."""
    doc, anchor = cite.split("#")
    return f"](/regulations/{doc}.md#{anchor}){{ .cite }}"


def short(rid: str) -> str:
    return RULE_SETS[rid]["short_name"]


def test_every_page_is_generated():
    assert set(PAGES) == {f"compare/{p}.md" for p in
                          ("index", "attendance", "leave", "assessment", "eligibility", "support", "readings")}
    for name, text in PAGES.items():
        if name == "compare/readings.md":
            continue
        assert "包含**本数" in text and "**不含**本数" in text   # the counting rule is explained


def test_attendance_key_values_with_their_clauses():
    month = rows("compare/attendance.md", "每月驻村天数")
    year = rows("compare/attendance.md", "每年驻村天数")
    assert "20天" in month[short("hebei-measures")] and link("hebei-measures#art-17-1") in month[short("hebei-measures")]
    assert "220天" in year[short("shenmu-2021")] and link("shenmu-2021#s7-2-3") in year[short("shenmu-2021")]
    assert "20天" in month[short("guizhou-2017")] and link("guizhou-2017#s1-2") in month[short("guizhou-2017")]
    # silent: nothing guessed (Shenmu states no monthly count, Hebei measures no yearly one)
    assert month[short("shenmu-2021")] == md.NOT_STATED
    assert year[short("hebei-measures")] == md.NOT_STATED
    assert rows("compare/attendance.md", "住村（住夜）要求")[short("hebei-measures")] == md.NOT_STATED


def test_one_row_per_jurisdiction_in_every_table():
    for page, text in PAGES.items():
        if page == "compare/index.md":
            continue
        for heading in re.findall(r"^## (.+)$", text, flags=re.M):
            found = rows(page, heading)
            if found:
                assert len(found) == len(set(found)), (page, heading)


def test_every_value_cell_is_cited_once_per_clause():
    """Each cell with a rule carries its clauses, each clause linked once (after the last item citing it);
    only 未规定 and asides (remarks, e.g. on silence) go without."""
    for page in PAGES:
        if page in ("compare/index.md", "compare/readings.md"):
            continue
        for heading in re.findall(r"^## (.+)$", PAGES[page], flags=re.M):
            for who, cell in rows(page, heading).items():
                if not cell.startswith(md.NOT_STATED):
                    tokens = re.findall(r"\]\(/regulations/[^)]+\)\{ \.cite \}", cell)
                    assert tokens, (page, heading, who, cell)
                    assert len(tokens) == len(set(tokens)), (page, heading, who, cell)


def test_leave_overlap_shows_both_readings_and_gap_says_not_stated():
    text = PAGES["compare/leave.md"]
    hebei = text.split("### 河北省《河北选派管理办法》")[1].split("###")[0]
    three = next(line for line in hebei.splitlines() if line.startswith("| 正好3天 |"))
    assert "重叠" in three and "乡镇党委批准" in three and "县驻村干部管理办公室批准" in three
    town = text.split("《某镇驻村干部管理办法》\n")[1].split("##")[0]
    gap = next(line for line in town.splitlines() if line.startswith("| 超过1天、不足2天 |"))
    assert "未规定（空档）" in gap
    members = hebei.split("**工作队（组）队员/成员**")[1]
    assert "超过7天" in members and "未规定（空档）" in members.split("| 超过7天 |")[1].splitlines()[0]
    # a first secretary may also be the 组长 (第四条): both readings, each with its condition
    first = hebei.split("**第一书记**")[1].split("**工作队（组）队长/组长**")[0]
    assert "要看本人身份" in first.split("| 超过7天 |")[1].splitlines()[0]


def test_support_values_are_cited():
    comm = rows("compare/support.md", "通讯补贴")
    assert "100元" in comm[short("shenmu-2021")] and link("shenmu-2021#s8-2-2-5") in comm[short("shenmu-2021")]
    assert "50万元" in rows("compare/support.md", "人身意外伤害保险")[short("guizhou-2017")]
    funds = rows("compare/support.md", "工作经费")[short("hebei-measures")]
    assert "5万元" in funds and "2万元" in funds and link("hebei-measures#art-26") in funds
    assert rows("compare/support.md", "通讯补贴")[short("guizhou-2017")].startswith(md.NOT_STATED + "<small")


def test_assessment_and_eligibility_key_rows():
    forced = rows("compare/assessment.md", "直接定为某一等次的情形")[short("shenmu-2021")]
    assert "不足200天" in forced and link("shenmu-2021#s7-3-3") in forced
    share = rows("compare/assessment.md", "评优秀：条件与比例")[short("hebei-measures")]
    assert "40%" in share and link("hebei-measures#art-20-5") in share
    years = rows("compare/eligibility.md", "党龄")
    assert link("shenmu-2021#s4-1") in years[short("shenmu-2021")]
    assert years[short("hebei-measures")] == md.NOT_STATED


def test_pages_follow_an_edited_rule_set(tmp_path):
    """No value is written into the page code: edit a copy of the rules and the pages change."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    path = rules / "hebei-measures.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      min_inclusive: 20\n      value: 20\n", "      min_inclusive: 23\n      value: 23\n"), encoding="utf-8")
    county = (rules / "town-rules.yml").read_text(encoding="utf-8").replace("id: town-rules", "id: my-county")
    (rules / "my-county.yml").write_text(county.replace("document: town-rules", "document: my-county"),
                                         encoding="utf-8")
    documents = {**read_documents(), "my-county": {**read_documents()["town-rules"], "short_name": "我县办法"}}
    pages = build_pages(load_yaml_dir(rules, documents))
    month = rows(pages["compare/attendance.md"], "每月驻村天数")
    assert "不少于23天" in month[short("hebei-measures")] and "20天" not in month[short("hebei-measures")]
    assert "我县办法" in month and link("town-rules#s1") in month["我县办法"]
    assert "我县办法" in pages["compare/leave.md"] and "我县办法" in pages["compare/index.md"]
