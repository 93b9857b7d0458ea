"""The storage layer in Chromium at 390 px: the five ways practice progress used to be lost without a word
(unreadable stored data, storage filled, a failed 50 MB import, an update reloading an exam in another tab:
tests/offline/test_pwa_exam_guard.py, an imported record with text counts), migration from the first
stored format, and imports that used to break pages. Fixtures from tests/conftest.py."""
from __future__ import annotations

import json

import pytest

from build_scripts.quiz.payload import read_built
from tests.browser_actions import answer_wrong, download
from tests.quiz.test_quiz_browser import _shot, _url

pytestmark = pytest.mark.browser
KEY, LEGACY = "zhucun.quiz", "zhucun-quiz-v1"

# A shape the first store.js wrote (key zhucun-quiz-v1), exactly: progress saved by today's site. The
# question ids are the first three of one document in today's default practice list (the bank changes).
def today_format(qa: str, qb: str) -> dict:
    return {
        "format": "zhucun-quiz-progress", "version": 1,
        "answers": {qa: {"right": 1, "wrong": 3, "last": 1764000000000, "lastOk": False},
                    qb: {"right": 2, "wrong": 0, "last": 1764000100000, "lastOk": True}},
        "wrong": {qa: {"added": 1763990000000, "misses": 3, "streak": 0}},
        "fav": {qb: 1764000200000},
        "resume": {"seq|doc|hebei-measures": {"i": 2, "seed": 123456}},
        "exams": [{"at": 1764000300000, "seed": 42, "score": 16, "max": 50, "unverified": False,
                   "sections": [{"key": "填空", "got": 6, "max": 20}, {"key": "单选", "got": 10, "max": 10},
                                {"key": "多选", "got": 0, "max": 20}]}],
    }


QA = QB = QC = ""
TODAY_FORMAT: dict = {}


@pytest.fixture(autouse=True, scope="module")
def _bank_ids(built_site):
    global QA, QB, QC, TODAY_FORMAT
    bank = read_built(built_site / "assets" / "quiz" / "bank")
    pool = bank.get("pool", {}).get("default", ["必知", "应知"])
    ids = [q["id"] for q in bank["questions"] if q.get("doc") == "hebei-measures" and q.get("status") == "grounded"
           and q.get("answer") and q.get("importance", "必知") in pool]
    QA, QB, QC = ids[:3]
    TODAY_FORMAT = today_format(QA, QB)


def _start(page, site_url, path, storage: dict[str, str] | None = None):
    """Open path with localStorage holding exactly `storage` (raw strings)."""
    page.goto(_url(site_url, "index.html"))   # a page that does not open the store
    page.evaluate("s => { localStorage.clear(); for (const k in s) localStorage.setItem(k, s[k]); }", storage or {})
    page.goto(_url(site_url, path))


def _stored(page) -> dict:
    raw = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    assert raw is not None, "nothing saved"
    env = json.loads(raw)
    assert env["schema"] == "zhucun.quiz" and env["version"] == 2
    return env["data"]


def _import(page, path, expect: str):
    page.set_input_files("#qz-import-file", str(path))
    page.wait_for_function("t => document.querySelector('#qz-transfer-msg').textContent.includes(t)", arg=expect)
    return page.locator("#qz-transfer-msg").inner_text()


FILL = """() => { let i = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 256, 16]) {
        const s = 'x'.repeat(size);
        for (;;) { try { localStorage.setItem('filler-' + (i++), s); } catch (e) { break; } }
    }
    return i; }"""
FREE = "() => { Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k)); }"


def test_migrates_todays_stored_format(page, site_url):
    _start(page, site_url, "quiz/wrongbook.html", {LEGACY: json.dumps(TODAY_FORMAT)})
    assert page.locator(f"#qz-wrong-list li[data-qid='{QA}']").count() == 1
    assert "错 3 次" in page.locator(f"#qz-wrong-list li[data-qid='{QA}']").inner_text()
    assert page.locator(".zs-notice").count() == 0
    data = _stored(page)
    assert data["answers"][QA] == TODAY_FORMAT["answers"][QA]
    assert data["fav"] == TODAY_FORMAT["fav"] and data["exams"] == TODAY_FORMAT["exams"]
    assert data["srs"] == {}
    assert page.evaluate(f"localStorage.getItem({json.dumps(LEGACY)})") is None, "old key kept after migration"
    page.goto(_url(site_url, "quiz/stats.html"))
    assert "16 / 50" in page.locator("#quiz-app").inner_text()
    page.goto(_url(site_url, "quiz/practice.html?doc=hebei-measures"))
    assert page.locator(".qz-pos").inner_text().startswith("3 /")
    assert not page.console_errors


def test_migration_waits_for_a_successful_write(page, site_url):
    """If the new format cannot be written, the old key is not removed."""
    _start(page, site_url, "index.html", {LEGACY: json.dumps(TODAY_FORMAT)})
    page.evaluate(FILL)
    page.goto(_url(site_url, "quiz/wrongbook.html"))
    assert page.locator(f"#qz-wrong-list li[data-qid='{QA}']").count() == 1
    assert page.evaluate(f"localStorage.getItem({json.dumps(LEGACY)})") == json.dumps(TODAY_FORMAT)
    page.evaluate(FREE)


@pytest.mark.parametrize("where", [KEY, LEGACY])
def test_unreadable_progress_is_set_aside_not_overwritten(page, site_url, where, tmp_path):
    broken = '{"schema":"zhucun.quiz","version":2,"data":{"answers":{"q1":{"right":1,' if where == KEY else "{not json"
    _start(page, site_url, "quiz/practice.html?doc=hebei-measures", {where: broken})
    notice = page.locator(".zs-notice")
    notice.wait_for()
    assert "无法完整读取" in notice.inner_text() and "没有删除" in notice.inner_text()
    _shot(page, f"storage-unreadable-{where}")
    answer_wrong(page)
    kept = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('zhucun.quiz.unreadable.'))"
                         ".map(k => localStorage.getItem(k))")
    assert kept == [broken]
    assert len(_stored(page)["wrong"]) == 1
    out = download(page, notice.get_by_role("button", name="导出原始数据"), tmp_path / "raw.json")
    assert json.loads(out.read_text("utf-8")) == [broken]
    page.reload()   # still told on the next visit, and not set aside twice
    assert "无法完整读取" in page.locator(".zs-notice").inner_text()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('zhucun.quiz.unreadable.')).length") == 1
    assert not page.console_errors


def test_partly_unreadable_keeps_the_rest(page, site_url):
    data = json.loads(json.dumps(TODAY_FORMAT))
    data["answers"][QC] = {"right": "999", "wrong": 0}
    data["exams"].append({"at": 5, "score": 1, "max": 2, "sections": "abc"})
    _start(page, site_url, "quiz/stats.html", {LEGACY: json.dumps(data)})
    assert "2 份" not in page.locator(".zs-notice").inner_text()
    assert "无法完整读取" in page.locator(".zs-notice").inner_text()
    stored = _stored(page)
    assert QA in stored["answers"] and QC not in stored["answers"] and len(stored["exams"]) == 1
    assert "16 / 50" in page.locator("#quiz-app").inner_text()
    assert not page.console_errors


def test_full_storage_is_told_at_once_and_recovers(page, site_url):
    """After storage fills up (an import, another tab), the next answer's failed save is shown at once."""
    _start(page, site_url, "quiz/practice.html?doc=hebei-measures")
    page.wait_for_selector(".qz-card")
    assert page.evaluate(FILL) > 0
    qid = answer_wrong(page)
    notice = page.locator(".zs-notice.zs-bad")
    notice.wait_for()
    assert "没有保存" in notice.inner_text() and "存储空间已满" in notice.inner_text()
    _shot(page, "storage-full")
    with page.expect_download() as dl:   # the unsaved progress can still be taken away
        notice.get_by_role("button", name="导出进度备份").click()
    assert qid in json.loads(open(dl.value.path(), encoding="utf-8").read())["wrong"]
    page.evaluate(FREE)
    page.click("text=下一题")
    answer_wrong(page)
    assert page.locator(".zs-notice.zs-bad").count() == 0
    assert qid in _stored(page)["wrong"] and len(_stored(page)["wrong"]) == 2
    assert not page.console_errors


def test_import_that_does_not_fit_changes_nothing(page, site_url, tmp_path):
    _start(page, site_url, "quiz/wrongbook.html", {LEGACY: json.dumps(TODAY_FORMAT)})
    before = _stored(page)
    page.evaluate(FILL)
    other = json.loads(json.dumps(TODAY_FORMAT))
    other["wrong"] = {QB: {"added": 1, "misses": 1, "streak": 0}, QC: {"added": 1, "misses": 2, "streak": 0}}
    f = tmp_path / "other.json"
    f.write_text(json.dumps(other), encoding="utf-8")
    msg = _import(page, f, "导入失败")
    assert "存储空间不足" in msg and "未作任何改动" in msg
    assert page.locator("#qz-wrong-list li").count() == 1
    page.evaluate(FREE)
    assert _stored(page) == before
    page.reload()
    assert page.locator("#qz-wrong-list li").count() == 1
    _import(page, f, "导入成功")
    assert page.locator("#qz-wrong-list li").count() == 3


def test_failed_50mb_import_then_saving_goes_on(page, site_url, tmp_path):
    big = tmp_path / "big.json"
    with big.open("w", encoding="utf-8") as out:
        out.write('{"format":"zhucun-quiz-progress","version":1,"answers":{')
        out.write(",".join(f'"x{i:07d}":{{"right":1,"wrong":0}}' for i in range(1_800_000)))
        out.write("}}")
    assert big.stat().st_size > 50_000_000
    _start(page, site_url, "quiz/wrongbook.html")
    msg = _import(page, big, "导入失败")
    assert "文件太大" in msg and "未作任何改动" in msg
    page.goto(_url(site_url, "quiz/practice.html?doc=hebei-measures"))
    qid = answer_wrong(page)
    assert qid in _stored(page)["wrong"]
    assert page.locator(".zs-notice").count() == 0
    # the same content below the file-size check (read as text) is refused by the text limit too
    assert "文件太大" in page.evaluate("""() => { try { QuizStore.importText('{"a":"' + 'x'.repeat(3e6) + '"}'); }
        catch (e) { return e.userMessage; } }""")
    assert not page.console_errors


def test_text_counts_never_replace_the_users_record(page, site_url, tmp_path):
    _start(page, site_url, "quiz/wrongbook.html", {LEGACY: json.dumps(TODAY_FORMAT)})
    stranger = {"format": "zhucun-quiz-progress", "version": 1,
                "answers": {QA: {"right": "999", "wrong": "0"}, QB: {"right": 5, "wrong": 1, "last": 1764000500000,
                                                                       "lastOk": False}},
                "wrong": {QA: {"added": 1, "misses": "0", "streak": 0}},
                "fav": {}, "resume": {}, "exams": [], "srs": {"no-such-question": {}}}
    f = tmp_path / "stranger.json"
    f.write_text(json.dumps(stranger), encoding="utf-8")
    msg = _import(page, f, "导入")
    _shot(page, "import-text-counts")
    assert "格式不对" in msg and "3 条" in msg, msg
    assert "全部保留" not in msg
    data = _stored(page)
    assert data["answers"][QA] == TODAY_FORMAT["answers"][QA]
    assert data["wrong"][QA]["misses"] == 3
    assert data["answers"][QB]["right"] == 5 and data["answers"][QB]["wrong"] == 1   # the larger count of each
    assert "更新了作答次数 1 条" in msg


def test_bad_sections_and_resume_do_not_break_pages(page, site_url, tmp_path):
    bad = {"format": "zhucun-quiz-progress", "version": 1, "answers": {}, "wrong": {}, "fav": {},
           "resume": {"seq|all|": {"i": -5, "seed": 1}, "rand|all|": {"i": "7", "seed": 3},
                      "seq|doc|hebei-measures": {"i": 1e9, "seed": 2}},
           "exams": [{"at": 1, "seed": 1, "score": 1, "max": 2, "sections": "填空"},
                     {"at": 2, "seed": 1, "score": 1, "max": 2, "sections": [{"key": "填空", "got": 1, "max": 2}]}]}
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(bad), encoding="utf-8")
    _start(page, site_url, "quiz/wrongbook.html")
    msg = _import(page, f, "导入成功")
    assert "3 条记录格式不对" in msg, msg
    for path in ("quiz/stats.html", "quiz/practice.html", "quiz/practice.html?order=rand",
                 "quiz/practice.html?doc=hebei-measures"):
        page.goto(_url(site_url, path))
        if "practice" in path:
            page.wait_for_selector(".qz-card")
    page.goto(_url(site_url, "quiz/stats.html"))
    assert "填空 1/2" in page.locator("#quiz-app").inner_text()
    # the same data written straight into storage (not through an import) is cleaned on read
    _start(page, site_url, "quiz/practice.html", {LEGACY: json.dumps(bad)})
    page.wait_for_selector(".qz-card")
    assert page.locator(".qz-pos").inner_text().startswith("1 /")
    page.goto(_url(site_url, "quiz/practice.html?doc=hebei-measures"))
    page.wait_for_selector(".qz-card")   # i beyond the end: the last question, not an empty page
    assert not page.console_errors


def test_practice_link_parameters(page, site_url):
    _start(page, site_url, "quiz/practice.html?doc=<img src=x onerror=alert(1)>&order=zzz")
    page.wait_for_selector(".qz-card")
    note = page.locator("#qz-param-note").inner_text()
    assert "找不到" in note and "顺序练习" in note and "<img" not in note
    assert page.locator("#quiz-app img").count() == 0


def test_unreadable_and_no_room_to_set_aside_never_overwrites(page, site_url, tmp_path):
    broken = "{not json at all"
    _start(page, site_url, "index.html", {KEY: broken})
    page.evaluate(FILL)
    page.goto(_url(site_url, "quiz/practice.html?doc=hebei-measures"))
    notice = page.locator(".zs-notice.zs-bad")
    notice.wait_for()
    assert "不会保存" in notice.inner_text() and "为保护原有数据" in notice.inner_text()
    _shot(page, "storage-readonly")
    page.evaluate(FREE)
    answer_wrong(page)   # room again, but the only copy is still not overwritten
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == broken
    out = download(page, notice.get_by_role("button", name="导出原始数据"), tmp_path / "raw.json")
    assert out.read_text("utf-8") == broken
    page.on("dialog", lambda d: d.accept())
    notice.get_by_role("button", name="删除原始数据，重新开始").click()
    assert page.locator(".zs-notice.zs-bad").count() == 0
    assert len(_stored(page)["wrong"]) == 1   # what was answered meanwhile is saved now
    assert not page.console_errors
