"""Typed input on a calculator page in Chromium at 390 px: what a phone IME types ("1。5") gets the
Chinese message next to its field and the earlier result goes away; the whole vector table gives in
the page's own checks.mjs exactly what calculators/inputs.py gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from calculators import engine
from calculators.inputs import InputError, check_inputs
from tests.browser_actions import calculator_spec

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
TABLE = yaml.safe_load((ROOT / "tests/calculators/input_vectors.yml").read_text(encoding="utf-8"))
RESULT_TIMEOUT = 120_000


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".zc-calc[data-wired]")


def test_ime_full_stop_is_refused_next_to_the_field_and_the_old_result_goes(page, calc_site_url, artifacts_dir):
    _open(page, calc_site_url + "tools/leave.html")
    page.select_option("#zc-f-rules", "hebei-measures")
    page.select_option("#zc-f-role", "member")
    assert page.get_attribute("#zc-f-days", "type") == "text"  # a number box would turn 1。5 into 15
    page.fill("#zc-f-days", "2")
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=RESULT_TIMEOUT)

    page.fill("#zc-f-days", "1。5")
    page.click(".zc-submit")
    err = page.locator(".zc-field[data-field='days'] .zc-error")
    err.wait_for(state="visible")
    assert err.inner_text() == "“本次请假天数”里的“。”不是小数点：要填小数请用“.”，如 1.5。"
    assert page.get_attribute("#zc-f-days", "aria-invalid") == "true"
    assert page.locator(".zc-result").is_hidden()  # no stale answer for 2 days
    assert page.input_value("#zc-f-days") == "1。5"  # what was typed stays, to be corrected
    page.screenshot(path=str(artifacts_dir / "calc-phone-input-error.png"), full_page=True)

    for typed in ("1,5", "1/2"):
        page.fill("#zc-f-days", typed)
        page.click(".zc-submit")
        assert "本次请假天数" in err.inner_text() and page.locator(".zc-result").is_hidden(), typed

    # read as 1.5 days, whose approver is not the one for 15 days
    approver = engine.run("leave", "hebei-measures", {"role": "member", "days": 1.5})["approver"]
    assert approver and approver != engine.run("leave", "hebei-measures", {"role": "member", "days": 15})["approver"]
    page.fill("#zc-f-days", "一天半")
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=RESULT_TIMEOUT)
    assert err.is_hidden()
    assert f"由{approver}批准" in page.inner_text(".zc-result")  # the conclusion line comes first
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert not page.console_errors


def test_vector_table_in_the_pages_checks(page, calc_site_url):
    """Every vector through the page's checks.mjs, in Chromium, against calculators/inputs.py."""
    problems = []
    by_calc: dict[str, list] = {}
    for where, rows in TABLE["vectors"].items():
        calc, name = where.split(".")
        for text, _ in rows:
            by_calc.setdefault(calc, []).append((name, {**TABLE["fields"][where], name: text}))
    for calc, cases in by_calc.items():
        _open(page, calc_site_url + f"tools/{calc}.html")
        spec = calculator_spec(page)
        got = page.evaluate(
            """async ([spec, payloads]) => {
                 const { checkInputs } = await import("zc/checks.mjs");  // by the page's import map
                 return payloads.map(p => checkInputs(spec.fields, p, spec.checks, spec.checks.not_above));
               }""",
            [spec, [p for _, p in cases]])
        for (name, payload), js in zip(cases, got):
            try:
                clean = check_inputs(calc, payload)
                same = not js["errors"] and json.dumps(js["clean"].get(name)) == json.dumps(clean.get(name))
            except InputError as exc:
                same = js["errors"] == {name: exc.message}
            if not same:
                problems.append(f"{calc}.{name} {payload[name]!r}: {js}")
    assert not problems, "\n".join(problems)
