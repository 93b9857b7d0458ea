"""我的驻村台账 in Chromium at 390 px: fill a month, read the live status (computed by calculators/diary.py in
Pyodide) against the hand-computed case, see the warning before a threshold, print a 请假条 to PDF,
export / clear / import, reload. One page visit per test; the site is built once (tests/conftest.py)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

pytestmark = pytest.mark.browser

READY = 120_000


def open_diary(page, site_url, today="2026-03-24"):
    page.clock.set_fixed_time(datetime.fromisoformat(f"{today}T09:00:00"))
    page.goto(site_url + "diary/index.html")
    page.wait_for_selector(".zd-diary[data-wired='1']", timeout=30_000)


def set_profile(page, rules, role="member", start="2026-01-01", name="张三"):
    page.select_option("#zd-rules", rules)
    page.select_option("#zd-role", role)
    page.fill("#zd-start", start)
    page.fill("#zd-name", name)
    page.click(".zd-save-profile")
    page.wait_for_function("() => JSON.parse(localStorage.getItem('zhucun.diary') || '{}').data?.profile?.rules",
                           timeout=READY)


def lines(page) -> dict[str, dict]:
    page.wait_for_selector(".zd-diary[data-status='ready']", timeout=READY)
    return {li.get_attribute("data-id"): {"level": li.get_attribute("data-level"), "text": li.inner_text()}
            for li in page.query_selector_all(".zd-lines > li.zd-line[data-id]")}


def tap(page, day, chip=None):
    if chip:
        page.click(f".zd-chip[data-key='{chip}']")
    before = page.evaluate("() => localStorage.getItem('zhucun.diary')")
    page.click(f".zd-day[data-date='{day}']")
    page.wait_for_function("b => localStorage.getItem('zhucun.diary') !== b", arg=before, timeout=READY)


def select_range(page, a, b, chip):
    page.click(f".zd-chip[data-key='{chip}']")
    page.check(".zd-range")
    page.click(f".zd-day[data-date='{a}']")
    before = page.evaluate("() => localStorage.getItem('zhucun.diary')")
    page.click(f".zd-day[data-date='{b}']")
    page.wait_for_function("b => localStorage.getItem('zhucun.diary') !== b", arg=before, timeout=READY)
    page.uncheck(".zd-range")


def test_hebei_month_status_warning_and_backup(page, site_url, tmp_path, artifacts_dir):
    open_diary(page, site_url, "2026-03-15")
    set_profile(page, "hebei-measures")
    # tests/diary/cases/hebei-measures.yml "month-on-track-with-trips", by tapping
    select_range(page, "2026-03-01", "2026-03-10", "in_village")
    select_range(page, "2026-03-11", "2026-03-12", "trip")
    tap(page, "2026-03-13", "meeting")
    tap(page, "2026-03-14", "leave")
    got = lines(page)
    assert got["month"]["level"] == "ok"
    assert "还需 7 天；本月还剩 17 天可以在村，来得及" in got["month"]["text"]
    assert "河北" in page.inner_text(".zd-lines li[data-id='month'] .zc-cite")
    page.screenshot(path=str(artifacts_dir / "diary-hebei-390.png"), full_page=True)
    # the month's 考勤表, printed alone
    page.click(".zd-print-month")
    sheet = page.inner_text(".zd-print")
    assert "驻村考勤表" in sheet and "2026年3月" in sheet and "公出（出差）" in sheet and "请假（已批准）" in sheet
    page.emulate_media(media="print")
    assert page.is_visible(".zd-print table") and not page.is_visible(".zd-calendar-box")
    page.emulate_media(media="screen")
    assert page.pdf(prefer_css_page_size=True)[:4] == b"%PDF"

    # a future 在村 is refused next to the calendar, and nothing is saved
    before = page.evaluate("() => localStorage.getItem('zhucun.diary')")
    page.click(".zd-chip[data-key='in_village']")
    page.click(".zd-day[data-date='2026-03-20']")
    page.wait_for_selector(".zd-errors li")
    assert "还没有到" in page.inner_text(".zd-errors")
    assert page.evaluate("() => localStorage.getItem('zhucun.diary')") == before

    # export, clear, import, compare
    assert "改动了" in page.inner_text(".zd-backup-note")
    with page.expect_download() as dl:
        page.click(".zd-backup")
    path = tmp_path / "backup.json"
    dl.value.save_as(path)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema"] == "zhucun.diary" and len(saved["data"]["days"]) == 14
    with page.expect_download() as dl:
        page.click(".zd-csv")
    csv_path = tmp_path / "d.csv"
    dl.value.save_as(csv_path)
    assert "2026-03-11,公出（出差）" in csv_path.read_text(encoding="utf-8-sig")
    with page.expect_download() as dl:
        page.click(".zd-xlsx")
    xlsx_path = tmp_path / "d.xlsx"
    dl.value.save_as(xlsx_path)
    import openpyxl
    ws = openpyxl.load_workbook(xlsx_path).active
    assert ws["C12"].value == "公出（出差）" and ws.max_row == 15
    page.evaluate("() => localStorage.removeItem('zhucun.diary')")
    page.reload()
    page.wait_for_selector(".zd-diary[data-wired='1']")
    assert page.query_selector(".zd-day[data-mark]") is None
    # something recorded after the clear is kept; a different record of the same day is reported, not dropped
    page.evaluate("""() => localStorage.setItem('zhucun.diary', JSON.stringify({schema: 'zhucun.diary', version: 2,
        saved: 1, data: {profile: {rules: 'hebei-measures', role: 'member', start: '2026-01-01', name: '张三'},
        days: {'2026-03-01': {mark: 'absent'}}, requests: [], unsaved: 1, backedUp: 0}}))""")
    page.reload()
    page.wait_for_selector(".zd-diary[data-wired='1']")
    page.set_input_files(".zd-import", str(path))
    page.wait_for_function("() => document.querySelector('.zd-import-result').textContent.includes('已导入')")
    msg = page.inner_text(".zd-import-result")
    assert "已导入 13 天" in msg and "2026-03-01" in msg and "保留本机" in msg
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('zhucun.diary')).data.days")
    assert stored["2026-03-01"] == {"mark": "absent"} and len(stored) == 14
    # another person's backup is refused
    other = tmp_path / "other.json"
    saved["data"]["profile"]["name"] = "李四"
    other.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    page.set_input_files(".zd-import", str(other))
    page.wait_for_function("() => document.querySelector('.zd-import-result').textContent.includes('李四')")
    assert not page.console_errors, page.console_errors


def test_shenmu_run_warning_then_breach_and_leave_slip(page, site_url, artifacts_dir):
    open_diary(page, site_url, "2026-03-24")
    set_profile(page, "shenmu-2021", start="2025-06-01")
    select_range(page, "2026-03-10", "2026-03-22", "absent")   # 13 days up to the day before yesterday
    tap(page, "2026-03-23", "absent")                           # 14: one day away
    got = lines(page)
    assert got["trigger-run-15"]["level"] == "warn"
    assert "再连续离村 1 天将出现“无正当理由离村连续15天”" in got["trigger-run-15"]["text"]
    tap(page, "2026-03-24", "absent")                           # 15: crossed
    got = lines(page)
    assert got["trigger-run-15"]["level"] == "breach"
    assert "年度考核直接评定为不称职" in got["trigger-run-15"]["text"]

    # leave: 4 days → 队长同意、镇（街道）党（工）委书记批准; the slip prints to PDF
    page.fill("#zd-leave-start", "2026-04-01")
    page.fill("#zd-leave-end", "2026-04-04")
    page.fill("#zd-leave-reason", "家中有事")
    page.click(".zd-leave-check")
    page.wait_for_selector(".zd-leave-result:not([hidden]) .zd-steps")
    steps = page.inner_text(".zd-leave-result")
    assert "共 4 天" in steps and "驻村工作队队长同意" in steps and "镇（街道）党（工）委书记批准" in steps
    page.click(".zd-print-leave")
    assert page.evaluate("() => document.body.dataset.zdPrint") == "leave"
    sheet = page.inner_text(".zd-print")
    assert "请假条" in sheet and "张三" in sheet and "家中有事" in sheet and "七、（二）3" in sheet
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf[:4] == b"%PDF" and len(pdf) > 5000
    (artifacts_dir / "diary-leave.pdf").write_bytes(pdf)
    page.click(".zd-keep-leave")
    page.wait_for_selector(".zd-request[data-status='pending']", timeout=READY)
    page.click(".zd-approve")
    page.wait_for_selector(".zd-request[data-status='approved']")
    days = page.evaluate("() => JSON.parse(localStorage.getItem('zhucun.diary')).data.days")
    assert days["2026-04-02"]["status"] == "approved"
    # reload: everything is still there
    page.reload()
    page.wait_for_selector(".zd-diary[data-wired='1']")
    assert lines(page)["trigger-run-15"]["level"] == "breach"
    assert not page.console_errors, page.console_errors


def test_yongxing_nights_and_today_button(page, site_url):
    open_diary(page, site_url, "2026-04-25")
    set_profile(page, "yongxing-2017")
    select_range(page, "2026-04-01", "2026-04-14", "in_village")
    select_range(page, "2026-04-15", "2026-04-20", "night")
    select_range(page, "2026-04-21", "2026-04-24", "duty")
    got = lines(page)
    assert "还需住 6 天，本月还剩 6 天，来得及" in got["month-nights"]["text"] and got["month-nights"]["level"] == "warn"
    before = page.evaluate("() => localStorage.getItem('zhucun.diary')")
    page.click(".zd-today-night")
    page.wait_for_function("b => localStorage.getItem('zhucun.diary') !== b", arg=before, timeout=READY)
    assert page.get_attribute(".zd-day[data-date='2026-04-25']", "data-mark") == "night"
    page.wait_for_function("() => document.querySelector(\".zd-lines li[data-id='month-nights']\").textContent.includes('在村住宿 7 天')",
                           timeout=READY)


def test_version_1_data_is_migrated(page, site_url):
    page.clock.set_fixed_time(datetime.fromisoformat("2026-03-24T09:00:00"))
    page.goto(site_url + "diary/index.html")
    page.evaluate("""() => localStorage.setItem('zhucun.diary', JSON.stringify({schema: 'zhucun.diary', version: 1,
        saved: 1, data: {profile: {rules: 'guizhou-2017', role: 'member', start: '2026-01-01'},
        days: {'2026-03-02': '在村', '2026-03-03': '请假', '2026-03-04': '公出'}}}))""")
    page.reload()
    page.wait_for_selector(".zd-diary[data-wired='1']")
    stored = page.evaluate("() => JSON.parse(localStorage.getItem('zhucun.diary'))")
    assert stored["version"] == 2
    assert stored["data"]["days"] == {"2026-03-02": {"mark": "in_village"},
                                      "2026-03-03": {"mark": "leave", "status": "pending"},
                                      "2026-03-04": {"mark": "official"}}
    # the 公出 without its category is kept and named at its day
    page.wait_for_selector(".zd-errors li", timeout=READY)
    assert "请选择公出的类别" in page.inner_text(".zd-errors")
    assert page.get_attribute(".zd-day[data-date='2026-03-04']", "class").count("zd-bad") == 1


def test_records_survive_closing_the_browser(page, browser, site_url):
    """The browser closed and opened again (its saved storage carried to a new context): nothing lost."""
    open_diary(page, site_url, "2026-03-24")
    set_profile(page, "guizhou-2017", role="first_secretary")
    before = page.evaluate("() => localStorage.getItem('zhucun.diary')")
    page.click(".zd-today-btn")
    page.wait_for_function("b => localStorage.getItem('zhucun.diary') !== b", arg=before, timeout=READY)
    state = page.context.storage_state()
    page.context.close()
    ctx = browser.new_context(storage_state=state, viewport={"width": 390, "height": 844}, locale="zh-CN",
                              service_workers="block")
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(site_url) else r.abort())
    again = ctx.new_page()
    try:
        open_diary(again, site_url, "2026-03-25")
        again.wait_for_selector(".zd-day[data-date='2026-03-24'][data-mark='in_village']")
        got = lines(again)
        assert "本月到今天驻村 1 天" in got["month"]["text"]
        assert "贵州" in again.inner_text(".zd-profile-summary")
    finally:
        ctx.close()


def test_an_earlier_months_sheet_shows_that_month_at_its_end(page, site_url):
    """Printed on 10 March, February's 考勤表 says where February ended (17 of 20 days), not March's status."""
    open_diary(page, site_url, "2026-03-10")
    days = {f"2026-02-{d:02d}": {"mark": "in_village"} for d in range(1, 16)}
    days |= {"2026-02-16": {"mark": "official", "kind": "trip"}, "2026-02-17": {"mark": "official", "kind": "trip"}}
    days |= {f"2026-03-{d:02d}": {"mark": "in_village"} for d in range(1, 10)}
    page.evaluate("""days => localStorage.setItem('zhucun.diary', JSON.stringify({schema: 'zhucun.diary', version: 2,
        saved: 1, data: {profile: {rules: 'hebei-measures', role: 'member', start: '2026-01-01', name: '张三'},
        days, requests: [], unsaved: 0, backedUp: 0}}))""", days)
    page.reload()
    page.wait_for_selector(".zd-diary[data-wired='1']")
    assert "本月到今天驻村 9 天" in lines(page)["month"]["text"]
    page.click(".zd-prev")
    assert page.inner_text(".zd-print-month") == "打印2026年2月考勤表"
    page.click(".zd-print-month")
    page.wait_for_selector(".zd-print .zd-print-asof", state="attached", timeout=READY)
    sheet = page.inner_text(".zd-print")
    assert "驻村考勤表　2026年2月" in sheet
    assert "截至2026年2月28日（本月最后一天）的情况" in sheet
    assert "本月驻村 17 天，每月驻村工作时间不少于20天，差 3 天，没有达到" in sheet
    assert "9 天" not in sheet and "到今天" not in sheet
    # the current month's sheet: where the cadre stands today
    page.click(".zd-next")
    page.click(".zd-print-month")
    page.wait_for_function("() => document.querySelector('.zd-print h1').textContent.includes('3月')")
    sheet = page.inner_text(".zd-print")
    assert "截至2026年3月10日的情况" in sheet and "本月到今天驻村 9 天" in sheet
    # a month to come: the form alone
    page.click(".zd-next")
    page.click(".zd-print-month")
    page.wait_for_function("() => document.querySelector('.zd-print h1').textContent.includes('4月')")
    assert page.query_selector(".zd-print .zd-print-asof") is None
    assert not page.console_errors, page.console_errors
