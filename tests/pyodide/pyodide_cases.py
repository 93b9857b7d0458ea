"""The case table the parity test runs on both sides: the calculators' own case files in
tests/calculators/cases/<document-id>.yml (rules from the file's `document`), plus any YAML/JSON list
of {calculator, rules, input} directly in tests/calculators/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from pyodide_support import ROOT


def _walk(node: Any):
    if isinstance(node, dict):
        if "calculator" in node and ("rules" in node or "rules_id" in node) and "input" in node:
            yield node
            return
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


def load_cases() -> list[dict[str, str]]:
    raw: list[dict] = []
    case_dir = ROOT / "tests" / "calculators" / "cases"
    for path in sorted(case_dir.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        raw.extend({**c, "rules": c.get("rules") or doc.get("document")} for c in doc.get("cases") or [])
    for path in sorted((ROOT / "tests" / "calculators").glob("*")):
        if path.suffix in (".yml", ".yaml"):
            raw.extend(_walk(yaml.safe_load(path.read_text(encoding="utf-8"))))
        elif path.suffix == ".json":
            raw.extend(_walk(json.loads(path.read_text(encoding="utf-8"))))
    return [
        {
            "calculator": c["calculator"],
            "rules": c.get("rules", c.get("rules_id")),
            "input_json": c["input"] if isinstance(c["input"], str) else json.dumps(c["input"], ensure_ascii=False),
        }
        for c in raw
    ]
