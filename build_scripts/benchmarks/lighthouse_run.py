"""Benchmark: Lighthouse 12.2.3 (mobile preset, Debian Chromium) on five of our pages and on a plain
Material build of one seed document, both served compressed like a static host, in one run.

    python -m build_scripts.benchmarks.lighthouse_run [--site DIR] [--runs 5]

Lighthouse's simulated throttling multiplies the main-thread time it observes by 4, so on a shared, loaded
machine one run of a page can swing by 30 points. So: `--runs` rounds, and in every round each of our pages
is audited right after the plain Material page (the baseline sees the same load as the page it is compared
with); the report gives medians with their range, the machine's load average and Lighthouse's own CPU
benchmark index (`environment.benchmarkIndex`, lower = slower machine at that moment) of every audit, and
the median difference to the plain page of the same pair.

Lighthouse comes from npm at the exact version in build_scripts/benchmarks/lighthouse/package.json
(integrity in its lock file; `npm ci` there on first use, node_modules not committed) and runs on the
machine's Node 20. Writes the block `lighthouse` of docs/performance.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from build_scripts.benchmarks import calculator_load as cl
from build_scripts.benchmarks.static_host import ROOT, block_main
from build_scripts.compress import compress_site

HERE = Path(__file__).resolve().parent / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "首页": "site/index.html",
    "法规原文（河北选派管理办法）": "site/regulations/hebei-measures.html",
    "计算器（考勤达标）": "site/tools/attendance.html",
    "顺序练习": "site/quiz/practice.html",
    "模拟考试": "site/quiz/exam.html",
    "纯 Material 页面（同一份文件）": "plain/index.html",
}
PLAIN = "纯 Material 页面（同一份文件）"
PLAIN_DOC = "hebei-measures"
KEEP = ROOT / "test-artifacts" / "lighthouse"   # the full reports, for a look at what costs


def lighthouse_cli() -> Path:
    cli = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=HERE, check=True)
    return cli


def build_plain(out: Path) -> Path:
    """Material with its defaults and the same document's text: the baseline."""
    from build_scripts.corpus import load_corpus

    doc = load_corpus().documents[PLAIN_DOC]
    src = out / "docs"
    src.mkdir(parents=True)
    body = "\n\n".join(p for c in doc.clauses for p in c.paragraphs)
    (src / "index.md").write_text(f"# {doc.title}\n\n{body}\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: 纯 Material\nuse_directory_urls: false\ntheme:\n  name: material\n  language: zh\n"
        "  font: false\nplugins:\n  - search\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out / "site")], cwd=out,
                   check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    compress_site(out / "site")
    return out / "site"


def audit(cli: Path, url: str, out: Path) -> dict:
    load = os.getloadavg()[0]
    subprocess.run(["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
                    "--only-categories=" + ",".join(CATEGORIES),
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"],
                   check=True, env=dict(os.environ, CHROME_PATH=cl.CHROMIUM), timeout=600)
    lhr = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(lhr["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = sorted({a["id"] for c in CATEGORIES for ref in lhr["categories"][c]["auditRefs"]
                      if ref["weight"] and (a := lhr["audits"][ref["id"]])["score"] is not None
                      and a["score"] < 0.9})
    metrics = {k: lhr["audits"][k].get("numericValue") for k in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "mainthread-work-breakdown", "dom-size")}
    return {"scores": scores, "failing": failing, "metrics": metrics, "load": round(load, 1),
            "benchmark_index": round(lhr.get("environment", {}).get("benchmarkIndex") or 0)}


def rounds(pages: dict[str, str], runs: int) -> list[tuple[int, str]]:
    """The audit order: in every round the plain page, then one of ours, then the plain page again before the
    next of ours, and so on (the plain page is audited once per page of ours)."""
    order = []
    for i in range(runs):
        for name in pages:
            if name != PLAIN:
                order += [(i, PLAIN), (i, name)]
    return order


def run(site: Path, runs: int) -> dict:
    cli = lighthouse_cli()
    KEEP.mkdir(parents=True, exist_ok=True)
    res: dict[str, list] = {name: [] for name in PAGES}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "site").symlink_to(site.resolve())
        (root / "plain").symlink_to(build_plain(root / "plain-build"))
        counter = cl.Counter()
        base, server = cl.serve(root, counter)
        keys = list(PAGES)
        try:
            for i, name in rounds(PAGES, runs):
                k = keys.index(name)
                res[name].append(audit(cli, base + PAGES[name], KEEP / f"lhr-{k}-{i}-{len(res[name])}.json"))
        finally:
            server.shutdown()
    return res


def _span(values: list[float], fmt) -> str:
    mid = statistics.median(values)
    return fmt(mid) if len(values) == 1 or min(values) == max(values) else \
        f"{fmt(mid)}（{fmt(min(values))}–{fmt(max(values))}）"


def paired_gap(ours: list[dict], plain: list[dict]) -> float:
    """Median of (ours − the plain audit just before it) in performance points: how far behind the baseline
    a page is under the same load. The plain list has one audit per page of ours and round, in audit order."""
    return statistics.median(o["scores"]["performance"] - p["scores"]["performance"] for o, p in zip(ours, plain))


def report(res: dict, runs: int) -> str:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    names = [n for n in res if n != PLAIN]
    plain_by_page = {n: res[PLAIN][j::len(names)] for j, n in enumerate(names)}
    rows = []
    for name, results in res.items():
        perf = _span([r["scores"]["performance"] for r in results], str)
        cells = [str(round(statistics.median(r["scores"][c] for r in results))) for c in CATEGORIES[1:]]
        tbt = _span([r["metrics"]["total-blocking-time"] or 0 for r in results], lambda v: f"{v:.0f} ms")
        lcp = statistics.median(r["metrics"]["largest-contentful-paint"] or 0 for r in results)
        mt = statistics.median(r["metrics"]["mainthread-work-breakdown"] or 0 for r in results)
        dom = statistics.median(r["metrics"]["dom-size"] or 0 for r in results)
        gap = "—" if name == PLAIN else f"{paired_gap(results, plain_by_page[name]):+.0f}"
        rows.append(f"| {name} | {perf} | {gap} | {' | '.join(cells)} | {lcp / 1000:.1f} s | {tbt} | "
                    f"{mt / 1000:.1f} s | {dom:.0f} |")
    every = [r for results in res.values() for r in results]
    loads = [r["load"] for r in every]
    index = [r["benchmark_index"] for r in every]
    failing = sorted({f"`{a}`" for name, results in res.items() for r in results for a in r["failing"]
                      if name != PLAIN})
    return f"""## Lighthouse（手机预设）

由 `python -m build_scripts.benchmarks.lighthouse_run` 生成（{now}，Lighthouse 12.2.3，Debian Chromium，
手机预设（模拟慢速 4G、处理器 4 倍降速），两边都像静态主机一样发送压缩副本）。{runs} 轮，每轮每个页面测一次，
每次之前先测一次纯 Material 页面（两者处在同样的机器负载下）；表中是中位数，括号里是最小–最大。
测量期间机器的 1 分钟平均负载 {min(loads):.1f}–{max(loads):.1f}（中位数 {statistics.median(loads):.1f}，2 核），
Lighthouse 自测的处理器指数（benchmarkIndex，越低表示当时机器越慢）{min(index)}–{max(index)}。
Lighthouse 把观测到的主线程时间乘以 4 来模拟手机，负载高时同一页面的性能分会低几十分，所以请看中位数和
“比纯 Material”一栏（同一轮里本页减去紧挨着测的纯 Material 页面，取中位数）。

| 页面 | 性能 | 比纯 Material | 无障碍 | 最佳做法 | SEO | 最大内容绘制 | 总阻塞时间 | 主线程工作 | DOM 元素 |
|---|---|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}

我们的页面在某一次测量中未达 0.9 分的检查项：{"、".join(failing) or "无"}。
"""


def main(argv: list[str] | None = None) -> None:
    block_main(argv, __doc__, "lighthouse", run, lambda res: report(res, len(next(iter(res.values())))), runs=5)

if __name__ == "__main__":
    main()
