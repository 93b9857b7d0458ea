"""First calculator result per browser engine, from the key-path tests' records
(test-artifacts/engines/first-result-<http|file>-<engine>.json, written by tests/engines/ and
tests/offline/test_engines_file.py), into the block `engines` of docs/performance.md.

    .venv/bin/python -m pytest tests/engines tests/offline/test_engines_file.py -k "calculator or every_engine"
    python -m build_scripts.benchmarks.engine_times [--file-copy UNZIPPED_DIR --runs 3]

With --file-copy, the file:// times are measured here first (the unzipped offline copy's 考勤 page in every
installed engine, alternating, median of --runs, with the runtime's stage marks) and written as those records.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import time
from pathlib import Path

from build_scripts.benchmarks.calculator_load import ROOT
from build_scripts.benchmarks.static_host import put_block

CALCULATORS = {"attendance": "考勤", "leave": "请假", "assessment": "考核", "quota": "名额", "eligibility": "资格"}
ENGINES = {"chromium": "Chromium", "webkit": "WebKit（WebKitGTK）", "firefox": "Firefox ESR"}


def load(artifacts: Path) -> dict:
    out: dict = {}
    for path in sorted(artifacts.glob("first-result-*-*.json")):
        _, _, where, engine = path.stem.split("-", 3)
        out.setdefault(engine, {})[where] = json.loads(path.read_text(encoding="utf-8"))
    return out


STAGES = {"loaded": "读入离线运行环境脚本", "snapshot": "解压内存快照", "rules": "Pyodide 启动（恢复快照）、装好计算器程序包",
          "ready": "导入计算器、可以计算"}


def measure_file(copy: Path, runs: int, artifacts: Path, pause: float = 6.0) -> None:
    """The offline copy's 考勤 page from file:// in each installed engine, alternating; median of runs.
    Each load waits `pause` seconds on a blank page first: WebKit goes on working for the previous page's
    wasm for a few seconds, and a load in that time stalls 0.5–3 s (see the prose below)."""
    from playwright.sync_api import sync_playwright

    from tests.browser_actions import CALCULATOR_SAMPLES
    from tests.engines_drivers import ENGINES, EnginePool, missing

    url = copy.resolve().as_uri() + "/tools/attendance.html"
    arg = {"values": CALCULATOR_SAMPLES["attendance"], "timeout": 300_000}
    names = [n for n in ENGINES if not missing(n)]
    got: dict[str, list] = {n: [] for n in names}
    versions: dict[str, str] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        pool = EnginePool(lambda: browser)
        try:
            for _ in range(runs):
                for name in names:
                    engine = pool.get(name)
                    versions[name] = engine.version
                    engine.goto("about:blank")
                    time.sleep(pause)
                    engine.goto(url)
                    result = engine.step("calculator", arg)
                    marks = engine.step("marks") or {}
                    got[name].append({"ms": result["ms"], **{k: marks.get(k) for k in STAGES}})
                    print(name, got[name][-1], flush=True)
        finally:
            pool.close()
            browser.close()
    artifacts.mkdir(parents=True, exist_ok=True)
    for name, rows in got.items():
        med = {k: statistics.median(r[k] for r in rows if r.get(k) is not None) for k in ("ms", *STAGES)
               if any(r.get(k) is not None for r in rows)}
        (artifacts / f"first-result-file-{name}.json").write_text(json.dumps(
            {"engine": name, "version": versions[name], "runs": len(rows),
             "ms": {"attendance": round(med.pop("ms"))}, "stages": {k: round(v) for k, v in med.items()}}))


def report(data: dict) -> str:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    load_avg = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    calcs = [c for c in CALCULATORS if any(c in e.get("http", {}).get("ms", {}) for e in data.values())]
    base = data.get("chromium", {}).get("file", {}).get("ms", {}).get("attendance")
    rows = []
    for key, label in ENGINES.items():
        e = data.get(key)
        if not e:
            continue
        version = (e.get("http") or e.get("file"))["version"]
        http = e.get("http", {}).get("ms", {})
        file_ms = e.get("file", {}).get("ms", {}).get("attendance")
        ratio = f"{file_ms / base:.1f}×" if file_ms and base else "—"
        cells = " | ".join(f"{http[c] / 1000:.1f} s" if c in http else "—" for c in calcs)
        rows.append(f"| {label} {version} | {cells} | {file_ms / 1000:.1f} s（{ratio}） |" if file_ms
                    else f"| {label} {version} | {cells} | — |")
    head = " | ".join(CALCULATORS[c] for c in calcs)
    staged = {k: e["file"] for k, e in data.items() if e.get("file", {}).get("stages")}
    stage_rows = "\n".join(
        f"| {ENGINES[k]} | {f.get('runs', 1)} | "
        + " | ".join(f"{f['stages'][s] / 1000:.1f} s" if s in f["stages"] else "—" for s in STAGES)
        + f" | {f['ms']['attendance'] / 1000:.1f} s |" for k, f in staged.items())
    stages = f"""
离线副本 file:// 各阶段（`--file-copy` 实测，中位数，从运行环境开始启动算起；结果时间从打开页面算起）：

| 引擎 | 次数 | {" | ".join(STAGES.values())} | 首个结果 |
|---|---|{"---|" * len(STAGES)}---|
{stage_rows}

离线副本在页面主线程上运行 Pyodide（浏览器从 file:// 不起模块 Worker）。WebKit 跑刚编译好的 WebAssembly
比 Chromium 慢几倍：2026-12-02 逐段计时（热缓存），WebKit 里 Python 启动（Emscripten 的 main 和 Pyodide 的
finalizeBootstrap）要 2.1–2.6 s，Chromium 0.5–0.6 s，Firefox 0.7 s。所以离线副本带着构建时做好的内存快照
（`build_scripts/offline_bundle/snapshot.py`），页面恢复它而不再启动 Python，这一段在三个引擎里都降到约 0.1 s。
剩下的：WebKit 编译 9.6 MB 的 wasm 0.5–1.0 s（用 `WebAssembly.compile` 提前编译字节不比现在快），解压快照
0.25–0.4 s（快照去掉全零的内存页后只需解出 12 MB），装好计算器程序包和导入 0.3–0.6 s；读入脚本（base64 解码）
在热缓存时不到 0.1 s。WebKit 同一页面再次打开时，调用 Emscripten 的模块工厂到它建第一块 wasm 内存之间主线程常停
0.5–1 s（机器负载高时 1–3 s；浏览器进程里第一次打开时约 0.05 s）；不是垃圾回收（`JSC_logGC` 里每次回收不到
50 ms），也不是脚本缓存（给脚本加随机查询串照样停），可能是前一个页面的 wasm 还在后台分层编译，这一轮没有查清。
所以 `--file-copy` 每次打开前先在空白页停 `--pause` 秒（默认 6 s，停 8 s 时不再出现）；测试套件（引擎新开、
计算器前没有别的 wasm 页面）不受影响。
从 file:// 起 blob: 的经典 Worker 在三个引擎里都可以（blob: 的模块 Worker 在 Chromium 里不行），把运行环境搬进
这样的 Worker 能让页面在启动时不卡（要把加载器和工作线程的代码改成经典脚本的文本带着），出结果是否更快没有测，这一轮没有做。
""" if staged else ""
    return f"""## 各浏览器引擎首个结果的时间

由 `tests/engines/` 与 `tests/offline/test_engines_file.py` 记录、`python -m build_scripts.benchmarks.engine_times`
汇总（{now}，机器平均负载 {load_avg}，2 核，几位开发者同时在用，绝对时间偏大，请看相对大小）。
打开计算器页面到结果出现（页面一就绪即填表并点“计算”）；http 为本机服务器（不压缩），file:// 为离线压缩包解压后双击打开，括号内为相对 Chromium 的倍数。

| 引擎 | {head} | 离线副本 file://（考勤） |
|---|{"---|" * len(calcs)}---|
{chr(10).join(rows)}
{stages}
Firefox 打开离线副本的计算器以前要 6 分半（2026-12-02 同一台机器 391.6 s）：离线副本把运行环境放在 13 MB 的
data: URL 里用 fetch 读取，Firefox 读这样的 URL 极慢；现在页面直接解码 base64（约 0.1 s），与 Chromium 相当。
"""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--artifacts", type=Path, default=ROOT / "test-artifacts" / "engines")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    ap.add_argument("--file-copy", type=Path, help="an unzipped offline copy: measure file:// here first")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pause", type=float, default=6.0, help="seconds on a blank page before each load")
    args = ap.parse_args(argv)
    if args.file_copy:
        measure_file(args.file_copy, args.runs, args.artifacts, args.pause)
    text = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    args.out.write_text(put_block(text, "engines", report(load(args.artifacts))), encoding="utf-8")


if __name__ == "__main__":
    main()
