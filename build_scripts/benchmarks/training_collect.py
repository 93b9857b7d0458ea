"""培训班 collecting: scan-to-row time on a slow phone, for a class of 30.

    python -m build_scripts.benchmarks.training_collect [--site DIR] [--rate 4] [--trainees 30] [--update-docs]

Opens the 成绩汇总 page of a built site (or builds one) in Debian's Chromium at 390×844 with the CPU throttled
(CDP Emulation.setCPUThrottlingRate). For each of the trainees, a 成绩码 with seeded random answers to a
县卷格式 paper is drawn as a QR code (the trainee page's size) in the middle of a 640×480 frame, the size of the
camera frames the page reads; timed: reading the frame (BarcodeDetector where the browser has it, else the
vendored jsQR, as the camera loop does), checking and grading the code, saving it and redrawing the class view,
until the trainee's row is in the page and the next frame is painted. The camera loop looks at a new frame
every 120 ms, which adds up to that much on top. --update-docs writes the result into docs/performance.md
between the training markers.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from build_scripts.benchmarks.calculator_load import fresh_page, throttle
from build_scripts.benchmarks.search_latency import _serve
from build_scripts.benchmarks.static_host import build_site, load_note, put_block

DOC = ROOT / "docs" / "performance.md"
LOOP_MS = 120

SETUP_JS = """n => { const T = TrainingCode, P = TrainingPaper;
  const spec = {format: 'county', version: P.bankVersion, minutes: 20, shuffle: false, pending: [], seed: 2024};
  const code = T.encodePaper(spec), paper = P.build(spec);
  let s = 99; const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const codes = [];
  for (let i = 0; i < n; i++) {
    const answers = paper.flat.map(f => f.key === '填空' ? f.q.answer.map(a => rnd() < 0.7 ? a : '不知道')
      : (rnd() < 0.7 ? f.q.answer.slice() : ['A']));
    codes.push(T.encodeResult(code, '学员' + String(i + 1).padStart(2, '0'), answers, paper.kinds));
  }
  return {code, codes};
}"""

SCAN_JS = """async (text) => {
  const frame = document.createElement('canvas'); frame.width = 640; frame.height = 480;
  const ctx = frame.getContext('2d'); ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 640, 480);
  const qr = TrainingQR.drawFit(text, 340); ctx.drawImage(qr, (640 - qr.width) / 2, (480 - qr.height) / 2);
  await new Promise(r => setTimeout(r, 50));
  const t0 = performance.now();
  const read = await TrainingQR.decode(frame, 640, 480);
  const t1 = performance.now();
  TrainingCollect.addMany(read, false);
  const name = read.split('|')[2];
  if (!document.querySelector('#tr-trainees tr[data-name="' + name + '"]')) throw new Error('no row for ' + name);
  const t2 = performance.now();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return {decode: t1 - t0, row: t2 - t1, frame: performance.now() - t0, bytes: new TextEncoder().encode(text).length};
}"""


def measure(site: Path, rate: float, trainees: int) -> dict:
    from playwright.sync_api import sync_playwright

    server, url = _serve(site)
    try:
        with sync_playwright() as p:
            context, page, profile = fresh_page(p, observer=False)
            page.goto(url + "training/results.html")
            setup = page.evaluate(SETUP_JS, trainees)
            page.fill("#tr-session-code", setup["code"])
            page.click("#tr-session-set")
            native = page.evaluate("() => !!window.BarcodeDetector")
            # jsQR is loaded on the first read (qr.js); load it before the clock runs, as the camera's first frames do
            page.evaluate("() => { const c = document.createElement('canvas'); c.width = c.height = 8; return TrainingQR.decode(c, 8, 8); }")
            throttle(page, rate)
            rows = [page.evaluate(SCAN_JS, text) for text in setup["codes"]]
            context.close()
            profile.cleanup()
    finally:
        server.shutdown()

    def stats(key):
        v = sorted(r[key] for r in rows)
        return {"median": statistics.median(v), "max": v[-1], "last": rows[-1][key]}
    return {"rate": rate, "trainees": trainees, "native": native, "decode": stats("decode"), "row": stats("row"),
            "frame": stats("frame"), "bytes": statistics.median(r["bytes"] for r in rows)}


def report(res: dict) -> str:
    d, r, f = res["decode"], res["row"], res["frame"]
    reader = "BarcodeDetector" if res["native"] else "jsQR（浏览器没有 BarcodeDetector）"
    worst = f["max"] + LOOP_MS
    return f"""## 培训班：扫成绩码到成绩表出现一行

由 `python -m build_scripts.benchmarks.training_collect --update-docs` 生成（{res['date']}，本机回环地址，Debian
Chromium 无头模式，390×844，CPU 降速 {res['rate']:g} 倍；机器平均负载 {res['loadavg']}，2 核）。{res['trainees']} 名学员，
县卷格式 20 题，作答随机；每份成绩码（中位 {res['bytes']:.0f} 字节）画成学员页大小的二维码，放在 640×480 的画面中间
（摄像头画面的大小），计时从读这一帧开始，到这名学员的一行出现在成绩表里、下一帧画出为止。识别用 {reader}。

| 步骤 | 中位 | 最慢 | 第 {res['trainees']} 名学员 |
|---|---|---|---|
| 从画面读出成绩码 | {d['median']:.0f} ms | {d['max']:.0f} ms | {d['last']:.0f} ms |
| 校验、判分、保存、重画全班情况 | {r['median']:.0f} ms | {r['max']:.0f} ms | {r['last']:.0f} ms |
| 合计（到下一帧） | {f['median']:.0f} ms | {f['max']:.0f} ms | {f['last']:.0f} ms |

扫码时页面每 {LOOP_MS} ms 看一帧，所以对准之后最慢约 {worst:.0f} ms 出现一行；收齐 {res['trainees']} 人的时间主要是老师
和学员递手机、对准的时间，页面本身合计不到 {sum([f['max']] * res['trainees']) / 1000:.0f} 秒。"""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one)")
    ap.add_argument("--rate", type=float, default=4.0)
    ap.add_argument("--trainees", type=int, default=30)
    ap.add_argument("--update-docs", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        res = measure(args.site or build_site(Path(tmp) / "site"), args.rate, args.trainees)
    res["date"] = datetime.date.today().isoformat()
    res["loadavg"] = load_note()
    section = report(res)
    print(section)
    if args.update_docs:
        DOC.write_text(put_block(DOC.read_text(encoding="utf-8"), "training", section), encoding="utf-8")


if __name__ == "__main__":
    main()
