"""A broken data file fails `mkdocs build` with one clear line naming the file and the line or key path,
no traceback, and the previous site left as it was (the data is checked before anything is written).

One tiny bad file per case (tests/security/broken_inputs.py), each built in its own copy of the project.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from build_scripts import data_check
from tests.security import hostile
from tests.security.broken_inputs import CASES

PREVIOUS = "<!doctype html><title>previous build</title>"


@pytest.fixture(scope="module")
def clean_copy(tmp_path_factory):
    return hostile.copy_project(tmp_path_factory.mktemp("broken") / "clean")


def test_the_data_as_committed_has_no_problem():
    assert data_check.problems() == []


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_input_fails_the_build_cleanly(case, clean_copy, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(clean_copy, project, symlinks=True)
    case.apply(project)
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text(PREVIOUS, encoding="utf-8")
    (site / "sw.js").write_text("// previous", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                       env=hostile.build_env(project), capture_output=True, text=True)
    output = r.stdout + r.stderr
    assert r.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    errors = [line.split("-  ", 1)[-1] for line in output.splitlines() if line.startswith("ERROR")]
    assert errors and errors[0].startswith(case.names), output[-2000:]
    assert len(errors[0]) < 400  # one readable line
    assert (site / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert (site / "sw.js").exists() and sorted(p.name for p in site.iterdir()) == ["assets", "index.html", "sw.js"]
