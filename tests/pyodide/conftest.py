"""Fixtures for the calculator browser tests.

`calc_site_url`: the project's own built site (the shared `site_url`) once mkdocs.yml runs the
calculator hooks; before that, the project built with the hooks added; and while the real
engine is missing, a small site around the same hooks with the stand-in engine
(tests/pyodide/standin/). Always served on loopback.
"""

from __future__ import annotations

import pytest

from pyodide_support import build_mini_site, build_project_site_with_hooks, real_engine_present, serve, site_wired


@pytest.fixture(scope="session")
def calc_site_url(request, tmp_path_factory) -> str:
    if site_wired():
        return request.getfixturevalue("site_url")
    if real_engine_present():
        site = build_project_site_with_hooks(tmp_path_factory.mktemp("calc-site") / "site")
    else:
        site = build_mini_site(tmp_path_factory.mktemp("calc-mini"))
    url, server = serve(site)
    request.addfinalizer(server.shutdown)
    return url
