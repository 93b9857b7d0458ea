"""Benchmark: what each practice page downloads of the question bank (served compressed like a static
host, fresh browser, service worker off), against the whole bank the pages used to load.

    python -m build_scripts.benchmarks.quiz_bytes [--site DIR]

The bank is assets/quiz/bank/index.js plus one file per document (build_scripts/quiz/payload.py);
docs/assets/quiz/loader.js adds a document's file when a page shows one of its questions.
Writes the block `quiz` of docs/performance.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from build_scripts.benchmarks import calculator_load as cl
from build_scripts.benchmarks import visit_bytes as vb
from build_scripts.benchmarks.static_host import block_main

BANK = "/assets/quiz/bank/"
PAGES = {
    "考试练习首页": ("quiz/index.html", None),
    "顺序练习（默认）": ("quiz/practice.html", ".qz-card"),
    "顺序练习（按文件：贵州实施办法）": ("quiz/practice.html?doc=guizhou-2017", ".qz-card"),
    "模拟考试（开考后）": ("quiz/exam.html", "#qz-start"),
    "智能复习": ("quiz/review.html", ".qz-card"),
    "错题本（空）": ("quiz/wrongbook.html", "#qz-wrong-empty"),
    "培训班 · 出卷（生成县卷格式试卷码）": ("training/index.html", "#tr-make"),
    "培训班 · 答题（打开县卷格式试卷）": ("training/exam.html", "#tr-open"),
    "培训班 · 成绩汇总（选定这份试卷）": ("training/results.html", "#tr-session-set"),
}
# a 县卷格式 paper, the same for every run: the 培训班 pages open it
PAPER = """() => TrainingCode.encodePaper({format: 'county', version: TrainingPaper.bankVersion, minutes: 20,
  shuffle: false, pending: [], seed: 5})"""


def _training(page, button: str) -> None:
    """What a trainer or trainee does first on a 培训班 page, until the paper's questions are there."""
    if button == "#tr-make":
        page.click(button)
        page.wait_for_selector("#tr-code")
        return
    code = page.evaluate(PAPER)
    if button == "#tr-open":
        page.fill("#tr-code-input", code)
        page.fill("#tr-name", "王五")
        page.click(button)
        page.wait_for_selector("#tr-start")
    else:
        page.fill("#tr-session-code", code)
        page.click(button)
        page.wait_for_selector("#tr-paste", state="visible")


def run(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    counter, log = cl.Counter(), []
    base, server = vb.serve(site, counter, log)
    out: dict = {"pages": {}}
    try:
        with sync_playwright() as pw:
            for name, (path, ready) in PAGES.items():
                ctx, page, profile = cl.fresh_page(pw)
                log.clear()
                page.goto(base + path, wait_until="load")
                if ready and ready.startswith("#tr-"):
                    _training(page, ready)
                elif ready == "#qz-start":
                    page.click(ready)   # enabled once the drawn questions' documents are loaded
                    page.wait_for_selector("#qz-clock")
                elif ready:
                    page.wait_for_selector(ready)
                page.wait_for_timeout(500)
                files = sorted({p.split(BANK, 1)[1] for p, _, _ in log if BANK in p})
                out["pages"][name] = {"bank": sum(n for p, n, _ in log if BANK in p), "files": files,
                                      "all": sum(n for _, n, _ in log)}
                ctx.close()
                profile.cleanup()
    finally:
        server.shutdown()
    folder = site / BANK.strip("/")
    out["whole_br"] = sum(p.stat().st_size for p in folder.glob("*.js.br"))
    out["whole"] = sum(p.stat().st_size for p in folder.glob("*.js"))
    out["parts"] = len(list(folder.glob("*.js"))) - 1
    return out


def report(res: dict) -> str:
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    rows = "\n".join(f"| {name} | {kb(r['bank'])} | {len(r['files'])} | {kb(r['all'])} |"
                     for name, r in res["pages"].items())
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    return f"""## 题库按需载入

由 `python -m build_scripts.benchmarks.quiz_bytes` 生成（{now}，新的浏览器配置，不用 service worker，服务器像静态主机
一样发送压缩副本；字节为网络上实际传输的量，含响应头）。题库分成一个索引和 {res["parts"]} 个文件（每份文件一个），
各文件压缩后合计 {kb(res["whole_br"])}（未压缩 {kb(res["whole"])}），以前每个练习页面都整个下载。索引只有每道题的编号、
文件、题型、重要程度、专题和状态，页面用它选题、计数、抽题；显示某道题时才载入它所在文件的题目（离线副本里同样用
`<script>` 载入，file:// 也能用）。培训班的三个页面也只用索引抽题：出卷页只预先载入县试卷“待核实”题所在的文件，
答题和成绩汇总页在打开试卷码后才载入这份试卷的题目所在的文件。

| 页面 | 题库下载 | 题库文件数（含索引） | 页面总下载 |
|---|---|---|---|
{rows}
"""


def main(argv: list[str] | None = None) -> None:
    block_main(argv, __doc__, "quiz", run, report)


if __name__ == "__main__":
    main()
