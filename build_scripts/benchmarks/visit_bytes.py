"""Benchmark: bytes a phone moves for "open the home page, open a calculator, get a result", with the
service worker on (and, for comparison, blocked), served compressed like a static host.

    python -m build_scripts.benchmarks.visit_bytes [--site DIR] [--runs 3]

Also the first visit's background bytes: what the home page's first visit moves after its load event
(the service worker script, and anything it or the page fetch on their own), measured over 5 s.
Writes the block `visit` of docs/performance.md (calculator_load carries it over when it rewrites the page).
"""

from __future__ import annotations

import datetime as dt
import functools
import statistics
import threading
from pathlib import Path

from build_scripts.benchmarks import calculator_load as cl
from build_scripts.benchmarks.static_host import block_main

BACKGROUND_WAIT_MS = 5000


class _PerRequest(cl.Handler):
    """Also records (path, bytes sent, content coding) per request (HTTP/1.0: one request a connection)."""
    log: list

    def setup(self) -> None:
        super().setup()
        self._mine = cl.Counter()
        self.wfile = cl._CountingWriter(self.wfile, self._mine)

    def finish(self) -> None:
        super().finish()
        path = getattr(self, "path", "?").split("?", 1)[0]
        self.log.append((path, self._mine.bytes, self._sibling[0] if self._sibling else ""))


def serve(site: Path, counter: cl.Counter, log: list, mixins: tuple = (), **attrs):
    """The site on loopback, compressed like a static host, counting bytes per request (mixins and attrs:
    e.g. static_host.OnLink with link=PhoneLink(...))."""
    handler = type("H", (*mixins, _PerRequest), {"counter": counter, "overlay": {}, "log": log, **attrs})
    server = cl.Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def one_visit(pw, base: str, counter: cl.Counter, log: list, workers: str, cpu_rate: float = 1,
              wait_ms: int = BACKGROUND_WAIT_MS) -> dict:
    ctx, page, profile = cl.fresh_page(pw, workers, cpu_rate)
    counter.reset()
    log.clear()
    page.goto(base + "index.html", wait_until="load")
    home_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    home = counter.bytes
    loaded = len(log)
    page.wait_for_timeout(wait_ms)
    background = counter.bytes - home
    background_files = sorted({p for p, _, _ in log[loaded:]})
    result_ms = cl.visit_calculator(page, base + cl.CALC_PAGE.removeprefix("site/"))
    total = counter.bytes
    encodings = sorted({e or "identity" for _, _, e in log})
    wasm = sum(n for p, n, _ in log if p.endswith(".wasm"))
    ctx.close()
    profile.cleanup()
    return {"home": home, "background": background, "background_files": background_files, "home_ms": home_ms,
            "result_ms": result_ms, "total": total, "wasm": wasm, "encodings": encodings, "requests": len(log)}


def run(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    counter, log = cl.Counter(), []
    base, server = serve(site, counter, log)
    out: dict[str, list] = {"allow": [], "block": []}
    try:
        with sync_playwright() as p:
            for _ in range(runs):
                for workers in out:
                    out[workers].append(one_visit(p, base, counter, log, workers))
    finally:
        server.shutdown()
    return out


MB = 1024 * 1024


def report(res: dict) -> str:
    def med(side: str, key: str) -> float:
        return statistics.median(r[key] for r in res[side])

    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    mb = lambda n: f"{n / MB:.2f} MB"  # noqa: E731
    on = res["allow"]
    files = sorted({f for r in on for f in r["background_files"]})
    sw_only = sorted(set(files) - {f for r in res["block"] for f in r["background_files"]})
    enc = "、".join(sorted({e for r in on for e in r["encodings"]}))
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    return f"""## 一次访问传输多少（三步：首页 → 计算器 → 结果）

由 `python -m build_scripts.benchmarks.visit_bytes` 生成（{now}，{len(on)} 次取中位数，新的浏览器配置，
服务器像静态主机一样发送压缩副本，本次实际使用的编码：{enc}）。字节数为网络上实际传输的量（含响应头）。

| 步骤 | 开着离线缓存（service worker） | 不用 service worker |
|---|---|---|
| 打开首页（到 load 事件） | {kb(med("allow", "home"))} | {kb(med("block", "home"))} |
| 首页打开后 5 秒内的后台下载 | {kb(med("allow", "background"))} | {kb(med("block", "background"))} |
| 三步合计（含计算器运行环境） | {mb(med("allow", "total"))} | {mb(med("block", "total"))} |
| 其中 WebAssembly | {mb(med("allow", "wasm"))} | {mb(med("block", "wasm"))} |

首次访问首页后的后台下载：{"、".join(f"`{f}`" for f in files) or "无"}；其中因为 service worker 才下载的只有
{"、".join(f"`{f}`" for f in sw_only) or "无"}（其余是主题自己在页面载入后取的图标和搜索分词脚本）。
service worker 不再在首次访问时下载整个网站（以前约 15 MB），计算器的运行环境只下载一次，
由 service worker 从计算器自己的那次下载里存下；整站离线要用户在“离线版”页面自己选择。
"""


def main(argv: list[str] | None = None) -> None:
    block_main(argv, __doc__, "visit", run, report, runs=3)


if __name__ == "__main__":
    main()
