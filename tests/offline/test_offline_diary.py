"""我的驻村台账 from the unzipped offline copy (file://): the page-thread runtime answers the diary,
a day is recorded and the status is computed and cited; only file: and data: requests."""

from __future__ import annotations

from datetime import datetime

import pytest

pytestmark = pytest.mark.browser
READY = 120_000


def test_diary_from_file_url(file_page, offline_root, artifacts_dir):
    page = file_page
    page.clock.set_fixed_time(datetime.fromisoformat("2026-03-24T09:00:00"))
    page.goto((offline_root / "diary" / "index.html").as_uri())
    page.wait_for_selector(".zd-diary[data-wired='1']", timeout=READY)
    page.select_option("#zd-rules", "shenmu-2021")
    page.select_option("#zd-role", "member")
    page.fill("#zd-start", "2026-01-01")
    page.click(".zd-save-profile")
    page.wait_for_selector(".zd-diary[data-status='ready']", timeout=READY)
    page.click(".zd-today-btn")
    page.wait_for_function(
        "() => document.querySelector(\".zd-lines li[data-id='year']\")?.textContent.includes('本年到今天驻村 1 天')",
        timeout=READY)
    assert page.locator(".zd-lines li[data-id='year'] .zc-cite").count() == 1
    page.reload()
    page.wait_for_selector(".zd-day[data-date='2026-03-24'][data-mark='in_village']", timeout=READY)
    page.screenshot(path=str(artifacts_dir / "offline" / "file-diary.png"), full_page=True)
    assert not page.page_errors, page.page_errors
