"""Benchmark: what a first calculator result costs, against a bare Pyodide boot.

One run on loopback, Debian's Chromium at 390x844 through Playwright:
  * bytes transferred until the first result (counted by the server: headers + bodies),
  * time from navigation to the first result, cold cache (fresh browser context) and warm
    (same context, second visit),
for the attendance calculator page (form filled and submitted as soon as the page is
parsed) and for a bare page that only boots the same Pyodide in a module worker and runs
1+1. Medians of --runs runs. Writes docs/performance.md.

The bare page boots stock Pyodide with its stock standard library, python_stdlib.zip. The site
does not ship that archive (its pages load the trimmed one), so the server answers
site/assets/pyodide/python_stdlib.zip from the vendored cache (OVERLAY), byte for byte what
Pyodide publishes.

    python -m build_scripts.benchmarks.calculator_load [--site DIR] [--runs 3]

Without --site the project is built with `mkdocs build` into a temporary directory. The
server sends `Cache-Control: max-age=600`, as common static hosts do, so the warm visit
shows what a browser cache gives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import os
import platform
import socketserver
import statistics
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from build_scripts.benchmarks.bare_page import BARE_HTML, BARE_WORKER
from build_scripts.benchmarks.static_host import CompressedStatic, build_site, carry_blocks
from build_scripts.pyodide.stdlib import STDLIB_NAME, UPSTREAM_NAME
from build_scripts.pyodide.vendor import load_pin, upstream_file

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
CALC_PAGE = "site/tools/attendance.html"
CALC_INPUT = {"#zc-f-period": "year", "#zc-f-days_in_village": "205"}
# Served from the vendored cache at these paths: what the bare page needs that the site lacks.
OVERLAY_PATHS = {f"/site/assets/pyodide/{UPSTREAM_NAME}": UPSTREAM_NAME}


class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bytes = 0
        self.requests = 0

    def add(self, n: int) -> None:
        with self.lock:
            self.bytes += n

    def reset(self) -> None:
        with self.lock:
            self.bytes = 0
            self.requests = 0


class _CountingWriter:
    def __init__(self, raw, counter: Counter) -> None:
        self.raw, self.counter = raw, counter

    def write(self, data) -> int:
        self.counter.add(len(data))
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class Handler(CompressedStatic, http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json"}
    counter: Counter
    overlay: dict[str, Path] = {}

    def translate_path(self, path: str) -> str:
        served = self.overlay.get(path.split("?", 1)[0].split("#", 1)[0])
        return str(served) if served is not None else super().translate_path(path)

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile, self.counter)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_request(self, *args) -> None:
        with self.counter.lock:
            self.counter.requests += 1

    def log_message(self, *args) -> None:
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def overlay() -> dict[str, Path]:
    return {url: upstream_file(name) for url, name in OVERLAY_PATHS.items()}


def serve(root: Path, counter: Counter) -> tuple[str, Server]:
    handler = type("H", (Handler,), {"counter": counter, "overlay": overlay()})
    server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def visit_calculator(page, url: str) -> float:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(".zc-calc[data-wired]")
    for sel, value in CALC_INPUT.items():
        if page.eval_on_selector(sel, "e => e.tagName") == "SELECT":
            page.select_option(sel, value)
        else:
            page.fill(sel, value)
    page.click(".zc-submit")
    page.wait_for_selector(".zc-result:not([hidden]) h2", timeout=180_000)
    return page.evaluate("window.__firstResultAt || performance.now()")


TIMELINE_JS = """() => {
  const m = JSON.parse(document.querySelector('.zc-calc').dataset.marks || '{}');
  const shift = m.origin - performance.timeOrigin;  // worker marks → page time
  const nav = performance.getEntriesByType('navigation')[0];
  return {dcl: nav.domContentLoadedEventEnd, wired: window.__wiredAt, worker: m.start + shift,
          ready: m.ready + shift, result: window.__firstResultAt};
}"""


def timeline(page) -> dict[str, float]:
    """Where a cold visit's time goes, in ms since navigation (page and worker clocks lined up)."""
    return page.evaluate(TIMELINE_JS)


def visit_bare(page, url: str) -> float:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function("window.__firstResultAt !== undefined", timeout=180_000)
    return page.evaluate("window.__firstResultAt")


RESULT_OBSERVER = """
new MutationObserver(() => {
  const h = document.querySelector('.zc-result:not([hidden]) h2');
  if (h && window.__firstResultAt === undefined) window.__firstResultAt = performance.now();
  if (window.__wiredAt === undefined && document.querySelector('.zc-calc[data-wired]')) window.__wiredAt = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


def fresh_page(pw, workers: str = "block", cpu_rate: float = 1, observer: bool = True):
    """A new browser with a persistent profile (an on-disk HTTP cache and V8's wasm code cache, as on a
    phone) at 390x844, the result observer installed (unless `observer` is false: it watches every change
    of the page), the page thread slowed cpu_rate times (CDP).
    Returns (context, page, profile dir); close the context, then clean up the profile."""
    profile = tempfile.TemporaryDirectory()
    ctx = pw.chromium.launch_persistent_context(
        profile.name, executable_path=CHROMIUM, headless=True, args=ARGS,
        viewport={"width": 390, "height": 844}, locale="zh-CN", service_workers=workers)
    if observer:
        ctx.add_init_script(RESULT_OBSERVER)
    page = ctx.new_page()
    throttle(page, cpu_rate)
    return ctx, page, profile


def throttle(page, cpu_rate: float) -> None:
    """Slow the page's thread cpu_rate times (CDP Emulation.setCPUThrottlingRate), as a phone's CPU is."""
    if cpu_rate != 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_rate})


def one_run(pw, base: str, counter: Counter, kind: str, out: dict) -> None:
    """A fresh profile: a cold visit, then a warm one."""
    path, visit = (CALC_PAGE, visit_calculator) if kind == "ours" else ("bare.html", visit_bare)
    ctx, page, profile = fresh_page(pw)
    page.on("request", lambda r: out["outside_requests"].append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    for temp in ("cold", "warm"):
        counter.reset()
        out["all"][f"{temp}_ms"].append(visit(page, base + path))
        out["all"][f"{temp}_bytes"].append(counter.bytes)
        if kind == "ours" and temp == "cold":
            out["timeline"].append(timeline(page))
        page.goto("about:blank")
    ctx.close()
    profile.cleanup()


def measure(pw, base: str, counter: Counter, runs: int) -> dict[str, dict]:
    """Runs alternate between the two pages, so both see the same load on the machine."""
    sides = {kind: {"outside_requests": [], "timeline": [],
                    "all": {k: [] for k in ("cold_ms", "warm_ms", "cold_bytes", "warm_bytes")}}
             for kind in ("bare", "ours")}
    for _ in range(runs):
        for kind, out in sides.items():
            one_run(pw, base, counter, kind, out)
    for out in sides.values():
        out.update({k: statistics.median(v) for k, v in out["all"].items()})
    tl = sides["ours"]["timeline"]
    sides["ours"]["timeline_median"] = {k: statistics.median(t[k] for t in tl) for k in tl[0]} if tl else {}
    return sides


def run(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "site").symlink_to(site.resolve())
        (root / "bare.html").write_text(BARE_HTML, encoding="utf-8")
        (root / "bare-worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
        counter = Counter()
        base, server = serve(root, counter)
        try:
            with sync_playwright() as p:
                sides = measure(p, base, counter, runs)
                bare, ours = sides["bare"], sides["ours"]
        finally:
            server.shutdown()
    files = {p.name: p.stat().st_size for p in sorted((site / "assets" / "pyodide").iterdir())}
    files.update({Path(url).name: path.stat().st_size for url, path in overlay().items()})
    files = dict(sorted(files.items()))
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return {"ours": ours, "bare": bare, "runs": runs, "pyodide_files": files, "load": load}


MB = 1024 * 1024


def report(res: dict) -> str:
    o, b = res["ours"], res["bare"]

    def ratio(key: str) -> str:
        return f"{o[key] / b[key]:.2f}" if b[key] else "—（都为 0）"

    def cell(side: dict, key: str, fmt) -> str:
        values = side["all"][key]
        spread = f"（{fmt(min(values))}–{fmt(max(values))}）" if min(values) != max(values) else ""
        return f"{fmt(side[key])}{spread}"

    def row(label: str, key: str, fmt) -> str:
        return f"| {label} | {cell(o, key, fmt)} | {cell(b, key, fmt)} | {ratio(key)} |"

    mb = lambda n: f"{n / MB:.2f} MB"  # noqa: E731
    ms = lambda n: f"{n / 1000:.2f} s"  # noqa: E731
    size = lambda n: f"{n / MB:.2f} MB" if n >= 100_000 else f"{n / 1024:.1f} KB"  # noqa: E731
    def used_by(name: str) -> str:
        if name == UPSTREAM_NAME:
            return "空白页（完整标准库；站点不含此文件，测量时从构建缓存 `.cache/pyodide/` 提供）"
        if name == STDLIB_NAME:
            return "计算器页面（裁剪后的标准库，预编译为字节码）"
        if name.endswith(".whl") or name == "pyodide-lock.json":
            return "计算器页面"
        return "两者"

    files = "\n".join(f"| `{k}` | {size(v)} | {used_by(k)} |" for k, v in res["pyodide_files"].items())
    pf = res["pyodide_files"]
    t = o.get("timeline_median", {})
    trimmed, full = pf.get(STDLIB_NAME, 0), pf.get(UPSTREAM_NAME, 0)
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    outside = len(res["ours"]["outside_requests"]) + len(res["bare"]["outside_requests"])
    return f"""---
title: 计算器载入性能
search:
  exclude: true  # a page for maintainers: not in the site's search (build_scripts/search_index/pages.py)
---

# 计算器载入性能

计算器页面第一次出结果要下载多少、等多久，与只启动同一个 Pyodide 的空白页相比。
由 `python -m build_scripts.benchmarks.calculator_load` 生成（{now}，Pyodide {load_pin().version}，
本机回环地址，Debian Chromium 无头模式，390×844，{res['runs']} 次取中位数，括号里是最小–最大；
服务器像静态主机一样发送构建时写好的 brotli/gzip 压缩副本，并发送 `Cache-Control: max-age=600`；测量时机器的平均负载 {res['load']}，2 核）。

- **我们的页面**：打开“考勤达标”，页面脚本一就绪即填入“按年、205 天”并点“计算”，到结果出现为止。
- **空白页**：只在模块 Web Worker 里启动同一份 Pyodide 并计算 `1 + 1`。
- 字节数由服务器统计（响应头和压缩后的正文，即手机网络上实际传输的量），包括页面、主题、脚本、运行环境和计算器 wheel。

| 指标 | 我们的页面 | 空白页 | 比值（我们/空白，目标 ≤ 1.10） |
|---|---|---|---|
{row("首个结果前传输（冷缓存）", "cold_bytes", mb)}
{row("首个结果前传输（热缓存）", "warm_bytes", mb)}
{row("打开到首个结果（冷缓存）", "cold_ms", ms)}
{row("打开到首个结果（热缓存）", "warm_ms", ms)}

离开本机的请求：{outside} 个。

## 冷缓存时间花在哪里（我们的页面，中位数，从打开页面算起）

| 时刻 | 时间 |
|---|---|
| 页面解析完（DOMContentLoaded） | {ms(t.get("dcl", 0))} |
| 计算器脚本就绪、表单可用 | {ms(t.get("wired", 0))} |
| Web Worker 开始载入 Pyodide | {ms(t.get("worker", 0))} |
| Pyodide、标准库、wheel 就绪 | {ms(t.get("ready", 0))} |
| 结果出现 | {ms(t.get("result", 0))} |

计算器页面一解析到计算器就启动 Worker：页面脚本 `page.mjs` 是 `async` 模块，它要载入的模块用
`modulepreload` 在页面解析时一并下载，脚本一运行就先启动 Worker，再接好表单（不再等页面空闲）。
Worker 不占页面主线程。标准库、wasm 的 JS 工厂（`pyodide.asm.mjs`）和计算器 wheel 由页面预载（`preload`；
计算器页面和“我的驻村台账”），手机线路在页面一显示出来就在下载它们，而不是等页面脚本、service worker 接管
（`sw-in-charge.mjs`）、Worker 和它的模块都到齐（2026-12-02 手机线路实测：写在 `<head>` 里时运行环境开始下载从
3.8 s 提前到约 1 s）；Worker 再请求同样的网址时由浏览器缓存接上（测试检查网址一致、只下载一次）。
预载的网址只在构建时算一次（`build_scripts/calculator_pages/render.py`），作为数据写进页面，由
`overrides/main.html` 里一小段内联脚本（构建时和其他内联脚本一样算出哈希写进 CSP）在页面首次绘制出内容之后
（Paint Timing 的 first-contentful-paint，再等一个任务；不支持的浏览器等第一帧）或计算器脚本创建运行环境时
（后台打开的标签页不绘制），取先到的一个，加上同样的 `<link rel="preload">`；省流量模式（Save-Data）下不预载，离线版不预载。
不写在 `<head>` 里：那样它们与页面自己的样式和脚本争用慢速线路，Lighthouse 又把首次绘制前结束的请求都算进
最大内容绘制，计算器页面手机性能只有 91 分。wasm 本身不预载：服务器对它发 `no-store` 时会下载两份 2.7 MB
（`tests/offline/test_pwa.py`）；预载的 1.1 MB 要下载约 6 s，比 Worker 启动久，wasm 紧接着就开始下载。
之后 Pyodide 的启动比空白页快：我们的标准库和计算器 wheel 都是构建时预编译的字节码（见下一节），空白页的是源代码。

站内搜索是不是在抢处理器？2026-11-22 在同一台机器上做过对照：冷缓存打开计算器页面，一组照常，
一组拦下 `search/search_index.json` 和搜索 Worker 脚本（搜索不建索引），交替各 5 次，结果出现的中位数
3.52 s 对 3.40 s，差别在这台机器的波动之内，所以没有为搜索改动加载顺序。

## 预编译字节码与内存快照（2026-12-02，构建机上 Node 20 实测，交替各 3 次）

- **标准库预编译为字节码（已采用）**：Python 启动时要导入约一百个标准库模块，载入源代码就要在
  WebAssembly 里逐个编译。构建时用同一版本 Pyodide 的解释器把裁剪后的标准库编译成 `.pyc`
  （`build_scripts/pyodide/precompile.py`），启动所用处理器时间从约 3.2 s 降到约 1.5 s（Chromium 冷缓存
  对照 4 次，结果出现的中位数 25.8 s 对 8.4 s，这台机器当时负载很高，只看方向）。代价是这个文件从 0.95 MB
  变为 1.8 MB（字节码压缩率不如源代码）：在 1.6 Mbps 的手机网络上多约 4 s 下载，而手机处理器慢，
  省下的启动时间更多；第二次打开（已缓存）只有好处。出错时 Python 的回溯没有源代码行，这些回溯只写进控制台。
- **标准库字节码瘦身（已采用，2026-12-02）**：字节码按 `python -OO` 编译（不含文档字符串和 assert），
  并在编译时设 `PYTHONNODEBUGRANGES`（不含每条指令的列范围，只用于回溯里的 `^^^^` 下划线；行号保留）。
  手机实际下载的 brotli 大小：源代码 0.67 MB；照常编译的字节码 1.23 MB；只去文档字符串 1.05 MB；只去列范围
  0.96 MB；两者都去 0.78 MB（现用）。比原来少 0.45 MB，1.6 Mbps 下约少 2.3 s，与源代码只差 0.11 MB，
  却省下启动时逐个编译的处理器时间。
- **计算器 wheel 预编译（已采用，2026-12-02）**：wheel 里放字节码（`build_scripts/pyodide/precompile.py`
  的 `compiled_files`，保留文档字符串和 assert，去列范围）。Node 下导入计算器（负载约 21，交替各 3 次）：
  源代码 1.19–1.41 s，字节码 0.12–0.25 s；手机处理器慢约 4 倍，约省 4 s。代价是 wheel 从 80 KB 变为 123 KB
  （约多 0.2 s 下载）。字节码由同一版本 Pyodide 的解释器生成并缓存，同样的源代码得到同样的 wheel。
- **内存快照（联网版未采用，离线副本采用）**：Pyodide 的 `_makeSnapshot`/`_loadSnapshot`（下划线开头，尚未公开的接口）。
  启动后立刻做的快照有 31.5 MB（gzip 后 6.2 MB）；用它启动，Node 下启动时间从 14–30 s 降到 5–7 s。
  但它只能在导入计算器之前做（之后做会报错），每个访问者要多下载约 6 MB（比整个运行环境的一半还多，
  手机网络上多半分钟），还要多占 30 MB 内存；而且快照必须与 wasm 完全同版本。对农村流量套餐得不偿失。
  离线副本不走网络，在页面主线程上启动 Python，而 WebKit 跑这段 WebAssembly 比 Chromium 慢几倍，所以离线副本
  带上快照（`build_scripts/offline_bundle/snapshot.py`，构建时用同一份运行环境和标准库在 Node 下做，导入计算器
  要用的标准库模块之后再做；gzip 后 4.3 MB，压缩包大约多 4.3 MB）。2026-12-02 交替测量（WebKit 热缓存）：
  Python 启动从 2.1–2.6 s 降到约 0.1 s；17:40 负载约 1.5、每次打开前停 6 s、交替 4 次（后 3 次中位数），首个结果
  WebKit 2.6 s → 0.8 s，Chromium 1.1 s → 0.8 s，Firefox 1.25 s → 1.2 s，WebKit 相对 Chromium 从 2.4× 到 1.0×。

## 运行环境文件（`assets/pyodide/`）

| 文件 | 大小 | 谁载入 |
|---|---|---|
{files}

计算器页面载入的标准库是构建时裁剪并预编译为字节码的 `{STDLIB_NAME}`（{size(trimmed)}，上游完整的
`{UPSTREAM_NAME}` 为 {size(full)}，少 {size(full - trimmed)}；完整版不随站点发布，手机的离线缓存和离线压缩包里都没有它）：只含 Pyodide 启动、安装计算器 wheel 和跑完整个用例表时实际读到的
模块（`build_scripts/pyodide/stdlib_modules.txt`，由 `build_scripts/pyodide/stdlib_trace.py` 在 Node 下实测生成，
测试检查它没有过时），外加一份手工维护的余量（编码、导入系统、json、re、datetime、traceback 等）。
同一个用例表在裁剪后的标准库上与 CPython 结果逐字相同（`tests/pyodide/test_pyodide_parity.py`）。

## 说明

- 在回环地址上，下载几乎不花时间，时间主要是 WebAssembly 编译和 Python 启动；在手机网络上，
  冷缓存的时间主要由上表的字节数决定（约 {o['cold_bytes'] / MB:.0f} MB）。
- 字节：空白页载入完整标准库（源代码），我们载入裁剪后、预编译为字节码的标准库；我们另外还载入
  页面本身、主题的样式和脚本、站内搜索索引、计算器脚本和规则 wheel。
- 热缓存时所有文件都在浏览器缓存里（max-age 内不再请求），所以传输为 0；时间差来自页面本身的
  脚本（主题、站内搜索在后台建索引）与 Python 启动抢同一台机器的处理器，以及安装 wheel、导入计算器。
- 这台机器同时运行着其他任务，单次时间波动很大，比值请看多次运行的中位数和范围。
- 运行环境只在计算器页面载入；其他页面不载入 Pyodide 的任何字节（浏览器测试检查这一点）。
"""


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    ap.add_argument("--json", type=Path, help="also write the raw numbers here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        res = run(site, args.runs)
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    args.out.write_text(carry_blocks(old, report(res)), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk not in ("all", "timeline")} for k, v in res.items()
                      if k in ("ours", "bare")}, ensure_ascii=False, indent=1))
    print(f"wrote {args.out} ({platform.node()})")


if __name__ == "__main__":
    main()
