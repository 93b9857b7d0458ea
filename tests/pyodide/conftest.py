"""Fixtures for the calculator browser tests: `calc_site_url` is the project's own built site
(the shared `site_url`, served on loopback), whose mkdocs.yml runs the calculator hooks."""

from __future__ import annotations

import pytest

from pyodide_support import HOOKS, hooks_wired


@pytest.fixture(scope="session")
def calc_site_url(request) -> str:
    assert hooks_wired(), f"mkdocs.yml must list the calculator hooks {HOOKS}"
    return request.getfixturevalue("site_url")
