"""The calculators' case table gives identical output in CPython and in Pyodide under Node.

CPython reads the YAML rule sets; Pyodide installs the wheel the site ships (compiled JSON
rule sets, registered in the site's pyodide-lock.json with its sha256) through the same boot
code as the browser worker, on the trimmed standard library the site ships (the directory holds
no python_stdlib.zip, as the site does not, so nothing can fall back to it).
Every case's JSON text must be identical.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pyodide_cases import load_cases
from pyodide_support import ROOT

HERE = Path(__file__).resolve().parent

PY_SIDE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from calculators.engine import run_json
cases = json.load(open(sys.argv[2], encoding="utf-8"))
print(json.dumps([run_json(c["calculator"], c["rules"], c["input_json"]) for c in cases], ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def pyodide_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pyodide")
    subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
                    "from build_scripts.pyodide import site_files as s; s.write_pyodide_dir(Path(sys.argv[2]), s.bundle())",
                    str(ROOT), str(out)], check=True, cwd=ROOT)
    assert not (out / "python_stdlib.zip").exists()
    assert (out / "zhucun-stdlib.zip").exists()
    return out


def test_case_table_is_not_empty():
    assert len(load_cases()) >= 5


def test_pyodide_under_node_matches_cpython(pyodide_dir, tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the parity test")
    cases = load_cases()
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")

    py = subprocess.run([sys.executable, "-c", PY_SIDE, str(ROOT), str(cases_file)],
                        capture_output=True, text=True, check=True)
    expected = json.loads(py.stdout)
    js = subprocess.run([node, str(HERE / "run_cases.mjs"), str(pyodide_dir), str(cases_file)],
                        capture_output=True, text=True, timeout=300)
    assert js.returncode == 0, js.stderr[-3000:]
    actual = json.loads(js.stdout)

    assert len(actual) == len(expected)
    mismatches = [(c, e, a) for c, e, a in zip(cases, expected, actual) if e != a]
    assert not mismatches, "\n".join(f"{c}\n  python:  {e}\n  pyodide: {a}" for c, e, a in mismatches[:5])
    # errors are part of the table too: both sides agree on them
    assert any('"error"' in e for e in expected) or len(cases) < 5
