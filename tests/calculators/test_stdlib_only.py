"""At run time the calculators need only the standard library (Pyodide has no PyYAML)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from calculators.selfcheck import load_cases

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "calculators"


def test_modules_import_only_stdlib_and_the_package():
    allowed = set(sys.stdlib_module_names) | {"calculators"}
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                # PyYAML is imported lazily by the loader only when present.
                assert top in allowed or (top == "yaml" and path.name == "loader.py"), f"{path.name}: {name}"


def test_engine_runs_with_yaml_blocked(tmp_path):
    compiled = tmp_path / "rules_compiled.json"
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps({"cases": load_cases()}, ensure_ascii=False), encoding="utf-8")
    code = f"""
import sys, json
sys.modules['yaml'] = None          # as in Pyodide: import yaml fails
from pathlib import Path

from calculators.selfcheck import load_cases
from calculators import loader, engine
loader.COMPILED = Path({str(compiled)!r})
from calculators.selfcheck import load_cases, run_case_table
results = run_case_table(load_cases(Path({str(cases)!r})))
print(json.dumps({{"failed": [r["id"] for r in results if not r["ok"]], "n": len(results)}}))
"""
    subprocess.run([sys.executable, "-m", "calculators", "compile", "--out", str(compiled)], cwd=ROOT, check=True,
                   capture_output=True)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["failed"] == [] and summary["n"] > 100
