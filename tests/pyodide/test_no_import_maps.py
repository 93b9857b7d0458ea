"""Browsers without import maps (Safari before 16.4 on iPhones kept on iOS 15, old Android WebViews) still
get a working calculator and 我的驻村台账: the module starter loads es-module-shims there and only there
(build_scripts/calculator_pages/modules.py). A browser that has import maps asks for no byte of the shim;
a browser without modules at all is told in Chinese that it cannot run the calculators.

Simulated in Chromium (tests/browser_actions.py): HTMLScriptElement.supports gone or saying no, and the
page's import map refused by the page's own policy, so Chromium's loader cannot resolve a zc/ name."""

from __future__ import annotations

import re

import pytest

from tests.browser_actions import (CALCULATOR_SAMPLES, NO_SUPPORTS, SUPPORTS_SAYS_NO, calculator_spec,
                                   fill_calculator, native_import_map_applies, without_import_map)

pytestmark = pytest.mark.browser

READY = 120_000
CALC = "tools/attendance.html"
SHIM = "/assets/vendor/es-module-shims/"
UNSUPPORTED = "这个浏览器不能运行计算环境"


def _rewrite(page, path: str, change) -> None:
    def fulfil(route):
        resp = route.fetch()
        route.fulfill(response=resp, body=change(resp.text()))

    page.route("**/" + path, fulfil)


def _requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    return seen


def _result(page) -> None:
    page.wait_for_selector(".zc-calc[data-wired]", timeout=READY)
    fill_calculator(page, calculator_spec(page), CALCULATOR_SAMPLES["attendance"])
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=READY)
    assert page.locator(".zc-result .zc-cite").count() >= 1


def test_a_browser_with_import_maps_downloads_no_byte_of_the_shim(page, calc_site_url):
    seen = _requests(page)
    page.goto(calc_site_url + CALC)
    _result(page)
    page.goto(calc_site_url + "diary/index.html")
    page.wait_for_selector(".zd-diary[data-wired='1']", timeout=READY)
    assert seen and not [u for u in seen if SHIM in u]
    assert page.evaluate("typeof importShim") == "undefined"
    assert not page.console_errors


@pytest.mark.parametrize("supports", [NO_SUPPORTS, SUPPORTS_SAYS_NO], ids=["no-supports", "supports-says-no"])
def test_a_browser_without_import_maps_gets_a_cited_result(page, calc_site_url, supports, artifacts_dir):
    page.add_init_script(supports)
    _rewrite(page, CALC, without_import_map)
    seen = _requests(page)
    page.goto(calc_site_url + CALC)
    _result(page)
    assert not native_import_map_applies(page)  # the simulation holds: only the shim resolves the names
    assert len([u for u in seen if SHIM in u]) == 1
    assert page.evaluate("typeof importShim") == "function"
    # the runtime's worker got its modules' URLs from the shim's map, and the page still says how far it got
    assert page.text_content(".zc-status").startswith("就绪")
    assert not page.console_errors
    page.screenshot(path=str(artifacts_dir / "calc-without-import-maps.png"), full_page=True)


def test_the_diary_without_import_maps(page, calc_site_url):
    page.add_init_script(NO_SUPPORTS)
    _rewrite(page, "diary/index.html", without_import_map)
    page.goto(calc_site_url + "diary/index.html")
    page.wait_for_selector(".zd-diary[data-wired='1']", timeout=READY)
    assert not native_import_map_applies(page)
    page.select_option("#zd-rules", "shenmu-2021")
    page.select_option("#zd-role", "member")
    page.fill("#zd-start", "2026-01-01")
    page.click(".zd-save-profile")
    page.wait_for_selector(".zd-diary[data-status='ready']", timeout=READY)
    assert page.locator(".zd-lines li[data-id='year'] .zc-cite").count() == 1
    assert not page.console_errors


def test_a_browser_the_shim_cannot_help_is_told_so(page, calc_site_url):
    """No import maps and the shim did not load (or could not run the page): the status line says so in
    Chinese, never left at 正在准备."""
    page.add_init_script(NO_SUPPORTS)
    _rewrite(page, CALC, without_import_map)
    page.route(f"**{SHIM}**", lambda route: route.abort())
    page.goto(calc_site_url + CALC)
    page.wait_for_function(f"() => document.querySelector('.zc-status').textContent.startsWith('{UNSUPPORTED}')")
    assert not page.console_errors


def test_a_browser_without_modules_is_told_so(page, calc_site_url):
    """A browser without modules runs the nomodule script, under the page's policy. Simulated: the module
    scripts made inert (an unknown type), the nomodule attribute dropped."""
    def without_modules(html: str) -> str:
        html = html.replace('<script type="module"', '<script type="text/x-not-run"')
        return re.sub(r"<script nomodule>", "<script>", html)

    _rewrite(page, CALC, without_modules)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(calc_site_url + CALC)
    text = page.text_content(".zc-status")
    assert text.startswith(UNSUPPORTED) and "Safari" in text, text
    assert not violations, violations
