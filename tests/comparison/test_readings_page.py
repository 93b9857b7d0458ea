"""解读说明: every interpretive choice in the rule sets is on the page, with its clause."""

from __future__ import annotations

from build_scripts.comparison import build_pages, readings
from calculators.citecheck import cited_items
from calculators.loader import load_yaml_dir

RULE_SETS = load_yaml_dir()
PAGE = build_pages(RULE_SETS)["compare/readings.md"]


def test_every_choice_in_the_rule_sets_is_listed():
    missing = []
    for rid, rs in RULE_SETS.items():
        wanted = [t.get("note") or t["label"] for t in rs.get("triggers") or [] if t.get("certainty") == "possible"]
        wanted += [e["label"] for e in rs.get("role_equivalences") or []]
        wanted += [c["label"] for c in (rs.get("eligibility") or {}).get("checks") or [] if c["outcome"] == "undetermined"]
        wanted += [r["implied"] for r in (rs.get("leave") or {}).get("ranges") or [] if r.get("implied")]
        wanted += [c["text"] for c in rs.get("caveats") or []]
        wanted += [a["label"] for a in (rs.get("alternatives") or {}).values()]
        wanted += [c["label"] for c in (rs.get("consequences") or {}).values() if c.get("condition")]
        wanted += list(((rs.get("support") or {}).get("silent") or {}).values())
        wanted += [item["note"] for _, item in cited_items(rs) if item.get("note")]
        if (rs.get("assessment") or {}).get("applies"):
            wanted.append(rs["assessment"]["applies"]["label"])
        missing += [f"{rid}: {w}" for w in wanted if w not in PAGE]
    assert not missing, "\n".join(missing)


def test_overlaps_gaps_and_self_approval_are_listed():
    assert "3 天同时落在" in PAGE and "两档之间有空隙" in PAGE and "超过7天的，条文没有规定由谁批准" in PAGE
    assert "不能自己批准" in PAGE


def test_rows_have_clauses():
    rows = readings.rows_of(RULE_SETS["hebei-measures"])
    assert rows and all(cite is None or "#" in cite for _, _, cite in rows)
    assert sum(1 for _, _, cite in rows if cite) > len(rows) / 2
