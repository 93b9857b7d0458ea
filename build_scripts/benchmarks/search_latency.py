"""Search on a slow phone: index size, index load and result latency with the CPU throttled 4×.

    python -m build_scripts.benchmarks.search_latency [--site DIR] [--rate 4] [--update-docs]

Builds the site (or uses --site), serves it on loopback and opens it in Debian's Chromium at 390×844 with
CDP Emulation.setCPUThrottlingRate. Measures: what a page view downloads (the index must not be among it);
the first search interaction until the index is ready (download, parse, build); then for every query of
the question and keyword sets, typed as one input event, the time until the results are in the page (search,
rendering, layout) and until the next frame. Also ranks both sets under Node (recall). --update-docs writes
the result into docs/performance.md between the search markers.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import statistics
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from build_scripts.benchmarks.calculator_load import fresh_page
from build_scripts.benchmarks.static_host import build_site, load_note
from build_scripts.search_index import INDEX_PATH, evaluate, gzip_size

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- search:start -->", "<!-- search:end -->"
# Material's lunr index before this search (commit da58662), gzip -9, and its recall on the same sets
# (python -m build_scripts.benchmarks.search_before on a build of da58662; tests/search/questions.yml, 211 questions)
TODAY = {"gzip": 84_405, "json_bytes": 408_901, "questions_doc5": 161, "questions_clause3": 1, "keywords_doc5": 28}

MEASURE_JS = """async (q) => {
  const input = document.querySelector('[data-zs-input]');
  const box = document.querySelector('[data-zs-results]');
  delete box.dataset.zsMs;
  await new Promise(r => setTimeout(r, 200));  // past the debounce interval: the input searches at once
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new InputEvent('input', {inputType: 'insertText', bubbles: true}));
  while (!box.dataset.zsMs) await new Promise(r => setTimeout(r, 0));
  const inPage = performance.now() - t0;
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return {run: parseFloat(box.dataset.zsMs), engine: parseFloat(box.dataset.zsEngineMs), inPage, frame: performance.now() - t0, q};
}"""


def _serve(site: Path):
    from tests.conftest import _QuietHandler, _Server
    server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(site: Path, rate: float, repeat: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    questions, keywords = evaluate.load_sets()
    queries = [q["query"] for q in questions] + [k["query"] for k in keywords]
    server, url = _serve(site)
    try:
        with sync_playwright() as p:
            context, page, profile = fresh_page(p, cpu_rate=rate, observer=False)
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(url + "index.html")
            page.wait_for_load_state("networkidle")
            on_view = [u for u in requests if u.endswith((INDEX_PATH, "/engine.js"))]
            page.locator("label.md-header__button[for=__search]").click()
            page.wait_for_function("() => window.zhucunSearchLoadMs !== undefined", timeout=60000)
            load_ms = page.evaluate("window.zhucunSearchLoadMs")
            page.evaluate(MEASURE_JS, "预热")
            rounds = [[page.evaluate(MEASURE_JS, q) for q in queries] for _ in range(repeat)]
            context.close()
            profile.cleanup()
    finally:
        server.shutdown()
    # per query, the median of its rounds (a stall of the shared machine hits one round, not all)
    rows = []
    for i, q in enumerate(queries):
        runs = [r[i] for r in rounds]
        rows.append({key: statistics.median(x[key] for x in runs) for key in ("run", "engine", "frame")}
                    | {"best": min(x["frame"] for x in runs), "q": q})
    run = sorted(r["run"] for r in rows)
    engine = sorted(r["engine"] for r in rows)
    slow = sorted(rows, key=lambda r: -r["frame"])[:5]
    frame = sorted(r["frame"] for r in rows)
    best = sorted(r["best"] for r in rows)

    def pct(values, q):
        return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]

    return {
        "rate": rate, "queries": len(rows), "repeat": repeat, "index_on_page_view": on_view, "load_ms": load_ms,
        "run_median": statistics.median(run), "run_p95": pct(run, 0.95), "run_max": run[-1],
        "engine_median": statistics.median(engine), "engine_p95": pct(engine, 0.95), "engine_max": engine[-1],
        "slowest": [(r["q"], round(r["engine"], 1), round(r["frame"], 1)) for r in slow],
        "best_median": statistics.median(best), "best_p95": pct(best, 0.95), "best_max": best[-1],
        "frame_median": statistics.median(frame), "frame_p95": pct(frame, 0.95), "frame_max": frame[-1],
    }


def report(res: dict, rec: dict, size: int, raw: int) -> str:
    q, k = rec["questions"], rec["keywords"]
    today = TODAY
    return f"""{START}
## 搜索

由 `python -m build_scripts.benchmarks.search_latency --update-docs` 生成（{res['date']}，本机回环地址，Debian
Chromium 无头模式，390×844，CPU 用 CDP `Emulation.setCPUThrottlingRate` 降速 {res['rate']:g} 倍；机器平均负载
{res['loadavg']}，2 核）。问题集 `tests/search/questions.yml`（{q} 条，每条写明答案所在条款），关键词集
`tests/site/search_queries.yml`（{k} 条，写明答案所在文件）。

| 指标 | 现在 | 改版前（Material 搜索） |
|---|---|---|
| 索引大小（gzip） | {size / 1000:.1f} KB（`search/index.js`，未压缩 {raw / 1000:.0f} KB） | {today['gzip'] / 1000:.1f} KB（`search/search_index.json`，未压缩 {today['json_bytes'] / 1000:.0f} KB） |
| 什么时候下载索引 | 第一次点搜索框或开始输入时 | 每打开一个页面 |
| 问题集：答案条款在前 3 条 | {rec['questions_at3']}/{q}（{rec['questions_at3'] / q:.1%}），排第 1 的 {rec['questions_first']} 条 | {today['questions_clause3']}/{q}（结果只到页面的小节，不到条款） |
| 问题集：答案所在文件在前 5 个 | {rec['questions_doc5']}/{q}（{rec['questions_doc5'] / q:.1%}） | {today['questions_doc5']}/{q}（{today['questions_doc5'] / q:.1%}） |
| 关键词集：答案所在文件在前 5 个 | {rec['keywords_at5']}/{k} | {today['keywords_doc5']}/{k} |
| 第一次搜索：索引下载、解析、建好（{res['rate']:g} 倍降速） | {res['load_ms']:.0f} ms | — |
| 其中搜索本身（引擎） | 中位数 {res['engine_median']:.1f} ms，95% {res['engine_p95']:.1f} ms，最慢 {res['engine_max']:.1f} ms | — |
| 输入到结果进入页面（搜索、生成结果、排版；{res['queries']} 个查询，每个 {res['repeat']} 次取中位数） | 中位数 {res['run_median']:.1f} ms，95% {res['run_p95']:.1f} ms，最慢 {res['run_max']:.1f} ms | — |
| 输入到下一帧 | 中位数 {res['frame_median']:.1f} ms，95% {res['frame_p95']:.1f} ms，最慢 {res['frame_max']:.1f} ms | — |
| 输入到下一帧，每个查询取 {res['repeat']} 次中最快的一次（除去共享机器的停顿） | 中位数 {res['best_median']:.1f} ms，95% {res['best_p95']:.1f} ms，最慢 {res['best_max']:.1f} ms | — |

- 目标：索引不大于改版前（gzip），索引载入后结果 ≤ 100 ms（4 倍降速）。连续打字时，停顿 120 ms 内的多次输入合成一次搜索；
  粘贴、语音输入、输入法上屏这种一次到位的输入立即搜索，不等待。
- 搜索本身只要几毫秒，时间大多花在生成结果和排版上；最慢的几个值来自测量时这台共享机器的停顿（负载见上），
  同一查询三次里最快的一次（最后一行）更接近手机自己的开销。
- 为什么自己写搜索，而不是继续用 Material 的搜索或换 MiniSearch/FlexSearch：这里的文本只有 330 条条款（约 10 万字），
  逐条直接查找子串比建倒排索引更准（中文不必先分词就能找到“销假”在“请销假”里），在降速 4 倍的手机上也只要上表的时间；
  数字（二十天 = 20天，3天落在“3—7天”里，三分之一 = 1/3）、条款编号（第十七条、七、（二））和问法（“多少天”要找写了天数的条款）
  都要在查询时理解，这些是任何现成引擎都要另写的部分。索引里有条款原文，结果摘要和高亮直接从原文取。
- 比较时两边用同一组问题和关键词：改版前在 Chromium 里操作 Material 的搜索框取结果；现在在 Node 下用页面的同一个
  `engine.js` 跑同一份 `search/index.js`（`python -m build_scripts.search_index.evaluate`），浏览器测试再核对页面结果一致。
{END}
"""


def write_doc(section: str, doc: Path = DOC) -> None:
    text = doc.read_text(encoding="utf-8")
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + section.strip() + after
    else:
        text = text.rstrip() + "\n\n" + section.strip() + "\n"
    doc.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one)")
    ap.add_argument("--rate", type=float, default=4.0)
    ap.add_argument("--repeat", type=int, default=3, help="rounds over all queries (per-query median)")
    ap.add_argument("--update-docs", action="store_true")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        index_file = site / INDEX_PATH
        res = measure(site, args.rate, args.repeat)
        rec = evaluate.score(*evaluate.load_sets(), index_file)
        res["date"] = datetime.date.today().isoformat()
        res["loadavg"] = load_note()
        section = report(res, rec, gzip_size(index_file), index_file.stat().st_size)
    print(section)
    print("slowest (query, engine ms, to next frame ms):", res["slowest"])
    if args.update_docs:
        write_doc(section)


if __name__ == "__main__":
    main()
