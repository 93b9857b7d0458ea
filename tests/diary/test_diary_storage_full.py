"""我的驻村台账 when the browser's storage is full: the user is told at once, in a notice that looks like one
(its buttons are buttons), and what they just entered stays on the page as that notice says ("本页仍可继续
使用，但关闭或刷新后这些改动会丢失"): the settings form is not wiped, a tapped day is marked."""

from __future__ import annotations

import pytest

from tests.diary.test_diary_browser import READY, open_diary

pytestmark = pytest.mark.browser

FULL = """(() => {
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (String(k).startsWith("zhucun.diary")) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return set.call(this, k, v);
  };
})();"""


def test_storage_full_keeps_what_was_entered_and_says_so(page, site_url, artifacts_dir):
    page.context.add_init_script(FULL)
    open_diary(page, site_url)
    page.select_option("#zd-rules", "hebei-measures")
    page.select_option("#zd-role", "member")
    page.fill("#zd-start", "2026-01-01")
    page.click(".zd-save-profile")
    notice = page.locator(".zs-notice.zs-bad")
    notice.wait_for(timeout=READY)
    assert "没有保存" in notice.inner_text()
    styled = notice.evaluate("""n => [getComputedStyle(n).borderTopStyle,
        getComputedStyle(n.querySelector('button')).borderTopStyle]""")
    assert styled == ["solid", "solid"], styled
    (artifacts_dir / "diary").mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts_dir / "diary" / "storage-full.png"))
    # what was entered is still there and in use on this page
    assert page.input_value("#zd-rules") == "hebei-measures" and page.input_value("#zd-start") == "2026-01-01"
    page.wait_for_selector(".zd-diary[data-status='ready']", timeout=READY)
    page.click(".zd-day[data-date='2026-03-24']")
    page.wait_for_function("() => document.querySelector(\".zd-day[data-date='2026-03-24'] .zd-mark\").textContent",
                           timeout=READY)
    assert "先在" not in page.locator(".zd-lines").inner_text()
