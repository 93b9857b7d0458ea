"""The 离线版 page's box under "在手机上离线使用" says what to do in every browser, never nothing and never
"正在查看…" for ever: where the site cannot be stored (no service worker in this browser, or its
registration refused, as with site data blocked or a plain-http county server) it says so and what to do
instead; in the offline copy (file://) it says the copy is already on this computer.
"""

from __future__ import annotations

import pytest

from tests.offline.conftest import serve

pytestmark = pytest.mark.browser

STUCK = "正在查看本机已保存的内容"


def _box_text(page) -> str:
    box = page.locator("#pwa-offline")
    box.wait_for(state="visible", timeout=15_000)
    page.wait_for_function("(stuck) => !document.querySelector('#pwa-offline').innerText.includes(stuck)",
                           arg=STUCK, timeout=15_000)
    return box.inner_text()


@pytest.mark.parametrize("how", ["registration refused", "no service worker"])
def test_a_browser_that_cannot_store_the_site_is_told_so(browser, pwa_site, how, artifacts_dir):
    url, server = serve(pwa_site)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN",
                                  service_workers="block" if how == "registration refused" else "allow")
    if how == "no service worker":
        context.add_init_script("delete Navigator.prototype.serviceWorker")
    try:
        page = context.new_page()
        page.goto(url + "offline.html")
        text = _box_text(page)
        (artifacts_dir / "offline").mkdir(exist_ok=True)
        page.locator("#pwa-offline").screenshot(path=str(artifacts_dir / "offline" / f"box-{how.replace(' ', '-')}.png"))
        assert "不能把本站保存到手机上" in text and "浏览器" in text, text
        assert page.locator("#pwa-offline button").count() == 0
    finally:
        context.close()
        server.shutdown()


def test_the_offline_copy_says_it_is_already_here(file_page, offline_root):
    file_page.goto((offline_root / "offline.html").as_uri())
    text = _box_text(file_page)
    assert "离线副本" in text and "不需要再下载" in text, text


def test_a_full_phone_is_told_to_free_space_not_to_check_the_network(browser, pwa_site, artifacts_dir):
    url, server = serve(pwa_site)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", service_workers="allow")
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Storage.overrideQuotaForOrigin", {"origin": url.rstrip("/"), "quotaSize": 3 * 1024 * 1024})
        page.goto(url + "offline.html")
        button = page.locator("#pwa-offline button")
        button.wait_for(timeout=30_000)
        button.click()
        page.wait_for_function("() => /继续下载/.test(document.querySelector('#pwa-offline').innerText)",
                               timeout=120_000, polling=200)
        text = page.locator("#pwa-offline").inner_text()
        page.locator("#pwa-offline").screenshot(path=str(artifacts_dir / "offline" / "box-storage-full.png"))
        assert "空间" in text and "网络" not in text, text
    finally:
        context.close()
        server.shutdown()
