"""Content-Security-Policy online: every built page carries one, strict for scripts, and Chromium records
zero violations on any page (every *.html of the build, so pages added later are covered), nor while
searching, computing a calculator result, practising and taking an exam. The file:// copy:
tests/offline/test_offline_csp.py.
"""

from __future__ import annotations

import pytest

from build_scripts import csp
from tests.security.csp_check import csp_page, pages, policy, use_the_site, visit_all  # noqa: F401

pytestmark = pytest.mark.browser


def test_every_page_has_a_strict_policy(built_site):
    rels = pages(built_site)
    assert "404.html" in rels and "tools/leave.html" in rels and len(rels) > 30
    for rel in rels:
        text = (built_site / rel).read_text(encoding="utf-8")
        p = policy(text)
        assert text.index('http-equiv="Content-Security-Policy"') < text.find("<script"), rel
        scripts = p["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, rel
        assert "data:" not in scripts and "data:" not in p["connect-src"], rel  # online: no data: modules
        assert p["default-src"] == ["'self'"] and p["object-src"] == ["'none'"], rel
        for _, body in csp.inline_scripts(text):
            assert csp.sha256_source(body) in scripts, f"{rel}: inline script without its hash: {body[:60]!r}"
        assert ("'wasm-unsafe-eval'" in scripts) == ('class="zc-calc"' in text or 'class="zd-diary"' in text), rel


def test_the_recorder_sees_a_violation(csp_page, site_url):
    """The check below can fail: an inline script the build did not hash is refused and recorded."""
    csp_page.goto(site_url + "index.html")
    csp_page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
                      " document.head.append(s); }")
    csp_page.wait_for_timeout(200)
    assert csp_page.evaluate("() => window.ran") is None
    assert csp_page.violations.collect(csp_page)


def test_no_violation_on_any_page_online(csp_page, built_site, site_url):
    assert visit_all(csp_page, site_url, pages(built_site)) == {}


def test_no_violation_using_the_site_online(csp_page, site_url):
    assert use_the_site(csp_page, site_url) == {}
