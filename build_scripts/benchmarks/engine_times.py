"""First calculator result per browser engine, from the key-path tests' records
(test-artifacts/engines/first-result-<http|file>-<engine>.json, written by tests/engines/ and
tests/offline/test_engines_file.py), into the block `engines` of docs/performance.md.

    .venv/bin/python -m pytest tests/engines tests/offline/test_engines_file.py -k "calculator or every_engine"
    python -m build_scripts.benchmarks.engine_times
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
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
    return f"""## 各浏览器引擎首个结果的时间

由 `tests/engines/` 与 `tests/offline/test_engines_file.py` 记录、`python -m build_scripts.benchmarks.engine_times`
汇总（{now}，机器平均负载 {load_avg}，2 核，几位开发者同时在用，绝对时间偏大，请看相对大小）。
打开计算器页面到结果出现（页面一就绪即填表并点“计算”）；http 为本机服务器（不压缩），file:// 为离线压缩包解压后双击打开，括号内为相对 Chromium 的倍数。

| 引擎 | {head} | 离线副本 file://（考勤） |
|---|{"---|" * len(calcs)}---|
{chr(10).join(rows)}

Firefox 打开离线副本的计算器以前要 6 分半（2026-12-02 同一台机器 391.6 s）：离线副本把运行环境放在 13 MB 的
data: URL 里用 fetch 读取，Firefox 读这样的 URL 极慢；现在页面直接解码 base64（约 0.1 s），与 Chromium 相当。
"""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--artifacts", type=Path, default=ROOT / "test-artifacts" / "engines")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = ap.parse_args(argv)
    text = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    args.out.write_text(put_block(text, "engines", report(load(args.artifacts))), encoding="utf-8")


if __name__ == "__main__":
    main()
