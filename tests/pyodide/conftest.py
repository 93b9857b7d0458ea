"""Fixtures for the calculator browser tests.

`calc_site_url`: the project's own built site (the shared `site_url`) once mkdocs.yml runs the
calculator hooks and the real engine exists; until then a small site built around the same
hooks with the stand-in engine (tests/pyodide/standin/), served on loopback.
"""

from __future__ import annotations

import pytest

from pyodide_support import build_mini_site, serve, site_wired


@pytest.fixture(scope="session")
def calc_site_url(request, tmp_path_factory) -> str:
    if site_wired():
        return request.getfixturevalue("site_url")
    site = build_mini_site(tmp_path_factory.mktemp("calc-mini"))
    url, server = serve(site)
    request.addfinalizer(server.shutdown)
    return url
