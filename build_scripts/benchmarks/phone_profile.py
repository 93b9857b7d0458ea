"""Benchmark: the issue's phone profile (1.6 Mbps down, 150 ms latency, page thread 4× slower), the built
site served compressed like a static host, in one run:

  * open a calculator page on a fresh phone and get its first result (service worker on, as for a visitor),
  * a bare Pyodide boot (stock Pyodide and standard library, nothing else) on the same link,
  * "open home, open a calculator, get a result" with the service worker on: bytes moved, and the first
    visit's background bytes of the home page (what moves after its load event, over BACKGROUND_WAIT_MS).

    python -m build_scripts.benchmarks.phone_profile [--site DIR] [--runs 1]

The link is emulated by the server (static_host.PhoneLink): every response from the page, its Web Worker
and the service worker shares one 1.6 Mbps line and waits 150 ms before its first byte. Chromium's own
network throttling (CDP) does not reach requests made by workers, and its CPU throttling
(`Emulation.setCPUThrottlingRate`) is refused for worker targets ("only supported for pages"): the page
thread runs 4× slower, Pyodide's boot in the Worker runs at this machine's speed. The report therefore also
gives the Worker's boot time measured here, so the reader can add 3× it for a phone 4× slower than this one.
Writes the block `phone` of docs/performance.md.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from build_scripts.benchmarks import calculator_load as cl
from build_scripts.benchmarks import visit_bytes as vb
from build_scripts.benchmarks.bare_page import BARE_HTML, BARE_WORKER
from build_scripts.benchmarks.static_host import OnLink, PhoneLink, block_main, load_note

DOWN_BITS, LATENCY_S, CPU_RATE = 1.6e6, 0.150, 4
BACKGROUND_WAIT_MS = 20_000
TARGET_S = 25


class _Finished:
    """Handler mixin: when each response's last byte left (monotonic clock), into the list `finished`."""
    finished: list

    def finish(self) -> None:
        super().finish()
        self.finished.append((getattr(self, "path", "?").split("?", 1)[0], time.monotonic()))


def _first_result(pw, base: str, counter, kind: str, finished: list) -> dict:
    ctx, page, profile = cl.fresh_page(pw, "allow" if kind == "ours" else "block", CPU_RATE)
    counter.reset()
    finished.clear()
    t0 = time.monotonic()
    try:
        if kind == "ours":
            ms = cl.visit_calculator(page, base + cl.CALC_PAGE)
            marks = cl.timeline(page)
            boot = marks["ready"] - marks["worker"]
        else:
            ms = cl.visit_bare(page, base + "bare.html")
            m = page.evaluate("window.__marks")
            boot = m["ready"] - m["start"]
        # the link's share: when the last byte of the runtime left the server (the rest is CPU)
        runtime = [t for path, t in finished if "/assets/pyodide/" in path]
        downloaded = (max(runtime) - t0) * 1000 if runtime else 0.0
        return {"ms": ms, "bytes": counter.bytes, "worker_boot_ms": boot, "downloaded_ms": downloaded}
    finally:
        ctx.close()
        profile.cleanup()


def run(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {"ours": [], "bare": [], "visit": [], "load_before": load_note()}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "site").symlink_to(site.resolve())
        (root / "bare.html").write_text(BARE_HTML, encoding="utf-8")
        (root / "bare-worker.mjs").write_text(BARE_WORKER, encoding="utf-8")
        counter, log, finished = cl.Counter(), [], []
        base, server = vb.serve(root, counter, log, (_Finished, OnLink), link=PhoneLink(DOWN_BITS, LATENCY_S),
                                overlay=cl.overlay(), finished=finished)
        try:
            with sync_playwright() as pw:
                for _ in range(runs):   # alternating, so each sees the same load on the machine
                    out["ours"].append(_first_result(pw, base, counter, "ours", finished))
                    out["bare"].append(_first_result(pw, base, counter, "bare", finished))
                    out["visit"].append(vb.one_visit(pw, base + "site/", counter, log, "allow", CPU_RATE,
                                                     BACKGROUND_WAIT_MS))
        finally:
            server.shutdown()
    out["load_after"] = load_note()
    return out


def report(res: dict) -> str:
    def med(side: str, key: str) -> float:
        return statistics.median(r[key] for r in res[side])

    def spread(side: str, key: str, fmt) -> str:
        values = [r[key] for r in res[side]]
        return fmt(med(side, key)) + (f"（{fmt(min(values))}–{fmt(max(values))}）" if len(values) > 1 else "")

    s = lambda ms: f"{ms / 1000:.1f} s"  # noqa: E731
    mb = lambda n: f"{n / 1024 / 1024:.2f} MB"  # noqa: E731
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    ours, bare = med("ours", "ms"), med("bare", "ms")
    boot = med("ours", "worker_boot_ms")
    background = sorted({f for r in res["visit"] for f in r["background_files"]})
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    return f"""## 手机网络与处理器（1.6 Mbps、150 ms、处理器 4 倍降速）

由 `python -m build_scripts.benchmarks.phone_profile` 生成（{now}，{len(res["ours"])} 次取中位数，Debian Chromium
无头模式，390×844，每次新的浏览器配置；服务器像静态主机一样发送压缩副本，并模拟一条共用的手机线路：
下行 1.6 Mbps、每个响应先等 150 ms，页面、Web Worker 和 service worker 的请求都走这条线；页面主线程用 CDP
降速 4 倍。测量前后机器的平均负载 {res["load_before"]} → {res["load_after"]}，2 核）。

| 指标 | 我们的页面 | 空白页（只启动 Pyodide） | 比值 |
|---|---|---|---|
| 打开计算器到首个结果（目标 ≤ {TARGET_S} s） | {spread("ours", "ms", s)} | {spread("bare", "ms", s)} | {ours / bare:.2f} |
| 其间传输 | {spread("ours", "bytes", mb)} | {spread("bare", "bytes", mb)} | — |
| 其中 Worker 启动 Pyodide（含下载） | {spread("ours", "worker_boot_ms", s)} | {spread("bare", "worker_boot_ms", s)} | — |
| 运行环境最后一个字节离开服务器（线路部分） | {spread("ours", "downloaded_ms", s)} | {spread("bare", "downloaded_ms", s)} | {med("ours", "downloaded_ms") / med("bare", "downloaded_ms"):.2f} |
| 之后到首个结果（处理器部分：编译、Python 启动、计算） | {s(ours - med("ours", "downloaded_ms"))} | {s(bare - med("bare", "downloaded_ms"))} | — |

三步访问（首页 → 计算器 → 结果，开着 service worker，新的浏览器配置）：

| 步骤 | 传输 | 时间 |
|---|---|---|
| 打开首页（到 load 事件） | {spread("visit", "home", kb)} | {spread("visit", "home_ms", s)} |
| 首页打开后 {BACKGROUND_WAIT_MS // 1000} 秒内的后台下载（首次访问） | {spread("visit", "background", kb)} | — |
| 三步合计（含计算器运行环境） | {spread("visit", "total", mb)} | 计算器首个结果 {spread("visit", "result_ms", s)} |

首次访问首页后的后台下载：{"、".join(f"`{f}`" for f in background) or "无"}。

- 时间的下限是下载：上表的字节数按 1.6 Mbps 计算约 {med("ours", "bytes") * 8 / DOWN_BITS:.0f} s。
- Chromium 不允许用 CDP 给 Worker 降速（“only supported for pages”），所以 Pyodide 在 Worker 里的启动用的是
  这台机器的速度；按手机比这台机器慢 4 倍估算，要再加上 Worker 里处理器时间的 3 倍（Worker 启动时间
  {s(boot)} 里大部分是下载，处理器时间见上文“冷缓存时间花在哪里”）。
"""


def main(argv: list[str] | None = None) -> None:
    block_main(argv, __doc__, "phone", run, report, runs=1)


if __name__ == "__main__":
    main()
