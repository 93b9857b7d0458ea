"""培训班 end to end in Chromium, each person in a separate browser context: the trainer makes a paper; three
trainees open it from the 试卷码 (two on the http site, one from the offline copy on file://), answer differently
and hand in; the trainer collects the 成绩码 (a screenshot of a trainee's QR decoded by the page's vendored jsQR,
pasted text, and the camera path fed with Chromium's fake video stream of a QR code), and the class view shows
the scores and error rates the answers imply. Bad codes each get a Chinese message and change nothing.

Here rather than in tests/training/ so the offline copy is built once per test session (tests/offline/conftest.py)."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM_ARGS, chromium_path

PAPER_JS = """code => { const P = TrainingPaper, T = TrainingCode; const r = T.decodePaper(code, P.bankVersion);
  const p = P.build(r.spec); return p.flat.map(f => ({id: f.q.id, key: f.key, answer: f.q.answer, points: f.points})); }"""
STORE_JS = "() => localStorage.getItem('zhucun.training')"


def _context(browser):
    return browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, locale="zh-CN",
                               service_workers="block")


@contextlib.contextmanager
def _camera_page(browser, site_url: str, clip: Path):
    """A page in a Chromium whose camera (allowed for the site) shows the video `clip` (Chromium's fake device)."""
    cam_browser = browser.browser_type.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS + [
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", f"--use-file-for-fake-video-capture={clip}"])
    try:
        ctx = _context(cam_browser)
        ctx.grant_permissions(["camera"], origin=site_url.rstrip("/"))
        yield ctx.new_page()
    finally:
        cam_browser.close()


def _plan(who: str, k: int) -> str:
    """right / wrong / blank for trainee `who` on question k (paper order)."""
    if who == "甲":
        return "right"
    if who == "乙":
        return "right" if k % 2 == 0 else "wrong"
    return "right" if k < 5 else ("blank" if k < 10 else "wrong")


def _answer(page, k: int, q: dict, how: str) -> None:
    box = page.locator(f'.tr-q[data-k="{k}"]')
    if how == "blank":
        return
    if q["key"] == "填空":
        blanks = box.locator(".qz-blank")
        for i in range(blanks.count()):
            blanks.nth(i).fill(q["answer"][i] if how == "right" else "错的答案")
        return
    letters = q["answer"] if how == "right" else (
        [q["answer"][0]] if len(q["answer"]) > 1 else [next(x for x in "ABCD" if x not in q["answer"])])
    for letter in letters:
        box.locator(f'.qz-option[data-letter="{letter}"]').click()


def _sit(page, base: str, code: str, who: str, paper: list[dict]) -> tuple[int, str, bytes, dict]:
    page.goto(base + "training/exam.html")
    page.fill("#tr-code-input", code)
    page.fill("#tr-name", who)
    page.click("#tr-open")
    page.click("#tr-start")
    for k, q in enumerate(paper):
        _answer(page, k, q, _plan(who, k))
    page.click("#tr-submit")
    page.click("#tr-confirm")
    score = int(page.inner_text("#tr-score"))
    text = page.input_value("#tr-result-text")
    assert "不是防伪印章" in page.inner_text("#tr-seal-note")
    shot = page.locator("#tr-result-qr canvas").screenshot()
    pixels = page.evaluate("""() => { const c = document.querySelector('#tr-result-qr canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const g = [];
      for (let i = 0; i < d.length; i += 4) g.push(d[i]); return {w: c.width, h: c.height, g: g}; }""")
    return score, text, shot, pixels


def _y4m(path, pixels: dict, w: int = 640, h: int = 480) -> None:
    """A still QR code as a 4:2:0 Y4M clip for --use-file-for-fake-video-capture."""
    luma = bytearray([235]) * (w * h)
    ox, oy = (w - pixels["w"]) // 2, (h - pixels["h"]) // 2
    for y in range(pixels["h"]):
        row = pixels["g"][y * pixels["w"]:(y + 1) * pixels["w"]]
        luma[(oy + y) * w + ox:(oy + y) * w + ox + pixels["w"]] = bytes(16 + v * 219 // 255 for v in row)
    chroma = bytes([128]) * (w * h // 4)
    with open(path, "wb") as f:
        f.write(f"YUV4MPEG2 W{w} H{h} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(5):
            f.write(b"FRAME\n" + bytes(luma) + chroma + chroma)


def _rows(page) -> dict[str, str]:
    return {r.get_attribute("data-name"): r.locator(".tr-score").inner_text()
            for r in page.locator("#tr-trainees tbody tr").all()}


def test_training_class_end_to_end(browser, site_url, offline_root, file_page, file_requests, tmp_path):
    trainer_ctx = _context(browser)
    trainer = trainer_ctx.new_page()
    errors: list[str] = []
    trainer.on("pageerror", lambda e: errors.append(str(e)))
    trainer.goto(site_url + "training/index.html")
    trainer.click("#tr-make")
    code = trainer.inner_text("#tr-code").replace("-", "")
    assert re.fullmatch(r"[0-9A-Z]{10}", code)
    assert trainer.locator("#tr-out canvas.tr-qr").count() == 1
    paper = trainer.evaluate(PAPER_JS, code)
    assert [q["key"] for q in paper] == ["填空"] * 10 + ["单选"] * 5 + ["多选"] * 5
    expected = {who: sum(q["points"] for k, q in enumerate(paper) if _plan(who, k) == "right") for who in ("甲", "乙", "丙")}

    got = {}
    for who in ("甲", "乙"):
        ctx = _context(browser)
        pg = ctx.new_page()
        pg.on("pageerror", lambda e: errors.append(str(e)))
        got[who] = _sit(pg, site_url, code, who, paper)
        ctx.close()
    # 丙 works from the unzipped offline copy on file://
    got["丙"] = _sit(file_page, offline_root.as_uri() + "/", code, "丙", paper)
    assert not file_page.page_errors
    for who in got:
        assert got[who][0] == expected[who], who
    assert len({got[w][1] for w in got}) == 3 and all(got[w][1].startswith("驻村成绩|" + code + "|") for w in got)

    # the trainer collects: 甲 from a screenshot of the QR (decoded in the page by jsQR), 乙 pasted, 丙 from a QR image too
    res = trainer_ctx.new_page()
    res.on("pageerror", lambda e: errors.append(str(e)))
    res.goto(site_url + "training/results.html")
    assert res.input_value("#tr-session-code").replace("-", "") == code
    res.set_input_files("#tr-file", files=[{"name": "甲.png", "mimeType": "image/png", "buffer": got["甲"][2]}])
    res.wait_for_selector('#tr-trainees tr[data-name="甲"]')
    res.fill("#tr-paste", "老师，我的成绩码：\n" + got["乙"][1] + "\n")
    res.click("#tr-add")
    res.set_input_files("#tr-file", files=[{"name": "丙.png", "mimeType": "image/png", "buffer": got["丙"][2]}])
    res.wait_for_selector('#tr-trainees tr[data-name="丙"]')
    maxi = sum(q["points"] for q in paper)
    assert _rows(res) == {w: f"{expected[w]} / {maxi}" for w in ("甲", "乙", "丙")}
    for k in range(len(paper)):
        wrong = sum(_plan(w, k) != "right" for w in ("甲", "乙", "丙"))
        rate = res.locator(f'#tr-errors tr[data-k="{k}"] .tr-rate').inner_text()
        assert rate.startswith(f"{round(wrong * 100 / 3)}%"), (k, rate)
    shown = [int(t.split("%")[0]) for t in res.locator("#tr-errors tbody .tr-rate").all_inner_texts()]
    assert shown == sorted(shown, reverse=True) and shown[0] == 67          # worst first: 乙 and 丙 both missed it
    first = res.locator("#tr-errors tbody tr").first
    assert first.locator("a").count() == 1 and "regulations/" in first.locator("a").get_attribute("href")
    assert res.locator("#tr-topics tbody tr").count() >= 1
    assert "已收 3 人" in res.inner_text("#tr-summary")
    with res.expect_download() as dl:
        res.click("#tr-csv")
    csv = open(dl.value.path(), encoding="utf-8-sig").read()
    assert csv.splitlines()[0].startswith("姓名,得分,满分") and f"甲,{expected['甲']},{maxi}" in csv
    # the Excel export from the offline copy on file:// (fflate is loaded from there on the click)
    file_page.goto(offline_root.as_uri() + "/training/results.html")
    file_page.fill("#tr-session-code", code)
    file_page.click("#tr-session-set")
    file_page.fill("#tr-paste", "\n".join(got[w][1] for w in ("甲", "乙", "丙")))
    file_page.click("#tr-add")
    file_page.wait_for_selector('#tr-trainees tr[data-name="丙"]')
    with file_page.expect_download() as dl:
        file_page.click("#tr-xlsx")
    dl.value.save_as(tmp_path / "class.xlsx")
    import openpyxl
    sheet = openpyxl.load_workbook(tmp_path / "class.xlsx").worksheets[0]
    assert [c.value for c in sheet[1][:3]] == ["姓名", "得分", "满分"]
    assert {r[0]: r[1] for r in sheet.iter_rows(min_row=2, values_only=True)} == {w: expected[w] for w in ("甲", "乙", "丙")}
    assert not file_page.page_errors and any(u.endswith("/vendor/fflate/fflate.js") for u in file_requests)

    # bad 成绩码: each a Chinese message, nothing changes
    before, rows_before = res.evaluate(STORE_JS), _rows(res)
    other = trainer.evaluate("""code => { const T = TrainingCode, P = TrainingPaper;
      const s = T.decodePaper(code, P.bankVersion).spec; s.seed = (s.seed + 1) % 16384; const p = P.build(s);
      return T.encodeResult(T.encodePaper(s), '丁', p.flat.map(() => []), p.kinds); }""", code)
    edited = got["乙"][1].split("|")
    edited[13] = "A" if edited[13] != "A" else "B"          # the first 单选 answer changed by hand
    bad = {"typo": "|".join(edited), "truncated": got["乙"][1][: len(got["乙"][1]) // 2],
           "other": other, "duplicate": got["甲"][1]}
    words = {"typo": "校验不符", "truncated": "校验不符", "other": "另一份试卷", "duplicate": "重复"}
    for kind, text in bad.items():
        res.fill("#tr-paste", text)
        res.click("#tr-add")
        said = res.locator("#tr-log p").first.inner_text()
        assert words[kind] in said, (kind, said)
        assert res.evaluate(STORE_JS) == before, kind
        assert _rows(res) == rows_before, kind
    # a second, different code under a name already there is flagged, not merged
    changed = trainer.evaluate("""([code, name]) => { const T = TrainingCode, P = TrainingPaper;
      const p = P.build(T.decodePaper(code, P.bankVersion).spec); return T.encodeResult(code, name, p.flat.map(() => []), p.kinds); }""",
                               [code, "甲"])
    res.fill("#tr-paste", changed)
    res.click("#tr-add")
    assert res.locator('#tr-flagged .tr-flag[data-name="甲"]').count() == 1
    assert _rows(res) == rows_before
    with res.expect_download() as dl:
        res.click("#tr-export")
    export = tmp_path / "record.json"
    dl.value.save_as(export)
    res.screenshot(path=str(tmp_path / "results.png"), full_page=True)
    assert not errors, errors
    trainer_qr = trainer.evaluate("""() => { const c = document.querySelector('#tr-out canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const g = [];
      for (let i = 0; i < d.length; i += 4) g.push(d[i]); return {w: c.width, h: c.height, g: g}; }""")
    trainer_ctx.close()

    # the camera path: Chromium's fake camera shows 丙's QR code, the collecting page adds 丙's row
    clip = tmp_path / "qr.y4m"
    _y4m(clip, got["丙"][3])
    with _camera_page(browser, site_url, clip) as pg:
        pg.goto(site_url + "training/results.html")
        pg.fill("#tr-session-code", code)
        pg.click("#tr-session-set")
        assert pg.locator("video").first.is_hidden()      # the camera starts only when asked
        pg.click("#tr-scan")
        pg.wait_for_selector('#tr-trainees tr[data-name="丙"]', timeout=20000)
        assert _rows(pg) == {"丙": f"{expected['丙']} / {maxi}"}
        pg.click("#tr-scan-stop")
        # the trainer's exported record, imported on this second device: 甲 and 乙 added, 丙 already there
        pg.set_input_files("#tr-file", str(export))
        pg.wait_for_selector('#tr-trainees tr[data-name="甲"]')
        assert _rows(pg) == {w: f"{expected[w]} / {maxi}" for w in ("甲", "乙", "丙")}
        assert pg.locator('#tr-flagged .tr-flag[data-name="甲"]').count() == 1     # the conflict travels as a conflict

    # a trainee scans the trainer's projected 试卷码 with the phone camera
    clip2 = tmp_path / "paper.y4m"
    _y4m(clip2, trainer_qr)
    with _camera_page(browser, site_url, clip2) as pg:
        pg.goto(site_url + "training/exam.html")
        pg.click("#tr-scan")
        pg.wait_for_function("() => document.querySelector('#tr-code-input').value.length > 0", timeout=20000)
        assert pg.input_value("#tr-code-input").replace("-", "") == code
        assert pg.locator("#tr-video").is_hidden()                        # the camera stops once it has the code


@pytest.mark.parametrize("kind", ["typo", "truncated", "other-version", "stray"])
def test_bad_paper_codes_are_refused_on_the_trainee_page(page, site_url, kind):
    page.goto(site_url + "training/exam.html")
    code = page.evaluate("""kind => { const T = TrainingCode, P = TrainingPaper;
      const s = {format: 'county', version: P.bankVersion, minutes: 20, shuffle: false, pending: [], seed: 77};
      if (kind === 'other-version') s.version = (s.version + 1) % 32768;
      return T.encodePaper(s); }""", kind)
    if kind == "typo":
        code = code[:3] + ("7" if code[3] != "7" else "8") + code[4:]
    elif kind == "truncated":
        code = code[:-2]
    elif kind == "stray":
        code = code[:5] + "U" + code[6:]
    before = page.evaluate(STORE_JS)
    page.fill("#tr-code-input", code)
    page.fill("#tr-name", "李四")
    page.click("#tr-open")
    msg = page.locator("#tr-code-msg")
    assert msg.is_visible()
    words = {"typo": "输错", "truncated": "不完整", "other-version": "更新本机的离线副本", "stray": "“U”"}[kind]
    assert words in msg.inner_text()
    assert page.locator("#tr-start").count() == 0
    assert page.evaluate(STORE_JS) == before


def test_offline_copy_carries_the_qr_libraries(offline_root):
    from build_scripts import npm
    for path, content in npm.site_files().items():
        assert (offline_root / path).read_bytes() == content
    for page in ("index", "exam", "results"):
        assert (offline_root / "training" / f"{page}.html").exists()
