"""Fixtures for the security tests: the site built from a copy of the project whose data files carry a
hostile string in every free-text field (tests/security/hostile.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.offline.conftest import serve
from tests.security import hostile


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory) -> Path:
    project = hostile.copy_project(tmp_path_factory.mktemp("hostile") / "project")
    hostile.poison_project(project)
    return project


@pytest.fixture(scope="session")
def hostile_site(hostile_project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile-site")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=hostile_project,
                       env=hostile.build_env(hostile_project), capture_output=True, text=True)
    if r.returncode != 0:
        pytest.fail(f"the site with hostile data did not build:\n{r.stdout[-3000:]}\n{r.stderr[-5000:]}")
    return out


@pytest.fixture(scope="session")
def hostile_url(hostile_site):
    url, server = serve(hostile_site)
    yield url
    server.shutdown()
