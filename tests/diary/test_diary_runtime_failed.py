"""我的驻村台账 when its runtime could not be downloaded (the network dropped during the download): every
change is checked by the runtime, so a press of 保存设置 or 查审批人 keeps nothing; the user is told so next to
what they pressed, with what to do (重试), instead of the button doing nothing at all."""

from __future__ import annotations

import pytest

from tests.diary.test_diary_browser import READY, open_diary

pytestmark = pytest.mark.browser


def test_a_press_while_the_runtime_failed_says_why_nothing_was_kept(page, site_url, artifacts_dir):
    page.context.route("**/pyodide.asm.wasm*", lambda route: route.abort("internetdisconnected"))
    open_diary(page, site_url)
    page.wait_for_selector(".zd-retry:visible", timeout=READY)
    page.select_option("#zd-rules", "hebei-measures")
    page.select_option("#zd-role", "member")
    page.fill("#zd-start", "2026-01-01")
    page.click(".zd-save-profile")
    said = page.locator(".zd-field[data-field='rules'] .zd-error")
    said.wait_for(state="visible", timeout=10_000)
    assert "没有保存" in said.inner_text() and "重试" in said.inner_text(), said.inner_text()
    (artifacts_dir / "diary").mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts_dir / "diary" / "runtime-failed-save.png"))
    page.fill("#zd-leave-start", "2026-03-25")
    page.fill("#zd-leave-end", "2026-03-26")
    page.click(".zd-leave-check")
    said = page.locator(".zd-field[data-field='leave_start'] .zd-error")
    said.wait_for(state="visible", timeout=10_000)
    assert "重试" in said.inner_text(), said.inner_text()
