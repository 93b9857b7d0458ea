"""Content-Security-Policy of the offline copy opened from file://: its own policy per page (data: module
URLs only on the calculator pages, whose import map needs them), and zero violations in Chromium on every
page and while searching (the site's own engine, loaded as scripts), computing a calculator result (Pyodide on the page thread),
practising and taking an exam."""

from __future__ import annotations

import pytest

from build_scripts import csp
from tests.security.csp_check import csp_page, pages, policy, use_the_site, visit_all  # noqa: F401

pytestmark = pytest.mark.browser


def test_offline_copy_pages_have_their_policy(offline_root):
    rels = pages(offline_root)
    assert "404.html" in rels and "tools/leave.html" in rels
    for rel in rels:
        text = (offline_root / rel).read_text(encoding="utf-8")
        p = policy(text)
        assert "'unsafe-inline'" not in p["script-src"] and "'unsafe-eval'" not in p["script-src"], rel
        data_modules = '<script type="importmap">' in text
        assert ("data:" in p["script-src"]) == data_modules == ("data:" in p["connect-src"]), rel
        for _, body in csp.inline_scripts(text):
            assert csp.sha256_source(body) in p["script-src"], rel
    assert any('<script type="importmap">' in (offline_root / r).read_text(encoding="utf-8") for r in rels)


def test_no_violation_on_any_page_from_file(csp_page, offline_root):
    assert visit_all(csp_page, offline_root.as_uri() + "/", pages(offline_root)) == {}


def test_no_violation_using_the_site_from_file(csp_page, offline_root):
    assert use_the_site(csp_page, offline_root.as_uri() + "/") == {}
