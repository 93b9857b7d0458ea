"""Benchmark: Lighthouse 12.2.3 (mobile preset, Debian Chromium) on five of our pages and on a plain
Material build of one seed document, both served compressed like a static host, in one run.

    python -m build_scripts.benchmarks.lighthouse_run [--site DIR] [--runs 1]

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
                "cumulative-layout-shift")}
    return {"scores": scores, "failing": failing, "metrics": metrics}


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
        try:
            for i in range(runs):
                for k, (name, path) in enumerate(PAGES.items()):
                    res[name].append(audit(cli, base + path, KEEP / f"lhr-{k}-{i}.json"))
        finally:
            server.shutdown()
    return res


def report(res: dict, runs: int) -> str:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    rows = []
    for name, results in res.items():
        cells = [str(round(statistics.median(r["scores"][c] for r in results))) for c in CATEGORIES]
        tbt = statistics.median(r["metrics"]["total-blocking-time"] or 0 for r in results)
        lcp = statistics.median(r["metrics"]["largest-contentful-paint"] or 0 for r in results)
        rows.append(f"| {name} | {' | '.join(cells)} | {lcp / 1000:.1f} s | {tbt:.0f} ms |")
    failing = sorted({f"`{a}`" for name, results in res.items() for r in results for a in r["failing"]
                      if not name.startswith("纯")})
    return f"""## Lighthouse（手机预设）

由 `python -m build_scripts.benchmarks.lighthouse_run` 生成（{now}，Lighthouse 12.2.3，Debian Chromium，
手机预设（模拟慢速 4G、处理器 4 倍降速），两边都像静态主机一样发送压缩副本，{runs} 次取中位数；
测量时机器的平均负载 {load}，2 核，负载高时性能分偏低）。

| 页面 | 性能 | 无障碍 | 最佳做法 | SEO | 最大内容绘制 | 总阻塞时间 |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}

我们的页面上未满分的检查项：{"、".join(failing) or "无"}。
"""


def main(argv: list[str] | None = None) -> None:
    block_main(argv, __doc__, "lighthouse", run, lambda res: report(res, len(next(iter(res.values())))))


if __name__ == "__main__":
    main()
