"""What the offline zip is made of: compressed bytes per part, as text or as a Markdown table."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "maintainers.md"
START, END = "<!-- size:start -->", "<!-- size:end -->"

# First matching prefix (path inside the site) names the part.
PARTS = [
    ("assets/offline-pyodide/data-pyodide.asm.wasm.js", "Pyodide 运行时（WebAssembly，base64）"),
    ("assets/offline-pyodide/data-pyodide-snapshot.bin.gz.js", "Python 启动后的内存快照（gzip，base64：打开计算器时不必再启动 Python）"),
    ("assets/offline-pyodide/data-", "Python 标准库（精简版）与计算器程序包（base64）"),
    ("assets/offline-pyodide/", "Pyodide 加载器与锁文件"),
    ("assets/pyodide/", "联网版 Pyodide 文件（离线版不应含有）"),
    ("assets/calculators/", "计算器页面脚本"),
    ("assets/quiz/", "题库与练习脚本"),
    ("search/", "搜索索引"),
    ("assets/search/", "搜索脚本"),
    ("assets/javascripts/", "主题脚本"),
    ("assets/stylesheets/", "主题样式"),
    ("assets/", "其他资源（图标、样式）"),
    ("regulations/", "法规原文页面"),
    ("quiz/", "练习与考试页面"),
    ("tools/", "计算器页面"),
    ("print/", "打印版"),
    ("", "其他页面与数据（首页、术语表、clauses.json 等）"),
]


def _part(rel: str) -> str:
    return next(label for prefix, label in PARTS if rel.startswith(prefix))


def measure(zip_path: Path) -> list[tuple[str, int, int, int]]:
    """(part, files, bytes unpacked, bytes in the zip), largest first."""
    totals: dict[str, list[int]] = {}
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            rel = info.filename.split("/", 1)[1]
            row = totals.setdefault(_part(rel), [0, 0, 0])
            row[0] += 1
            row[1] += info.file_size
            row[2] += info.compress_size
    return sorted(((k, *v) for k, v in totals.items()), key=lambda r: -r[3])


def _mb(n: int) -> str:
    return f"{n / 1e6:.2f}"


def as_text(zip_path: Path, rows) -> str:
    lines = [f"{zip_path}  {_mb(zip_path.stat().st_size)} MB"]
    lines += [f"  {packed / 1e6:6.2f} MB zipped  {size / 1e6:6.2f} MB unpacked  {n:4d} files  {part}"
              for part, n, size, packed in rows]
    return "\n".join(lines)


def as_markdown(zip_path: Path, rows) -> str:
    total = zip_path.stat().st_size
    unpacked = sum(r[2] for r in rows)
    out = [f"压缩包 `{zip_path.name}`：**{_mb(total)} MB**（解压后 {_mb(unpacked)} MB）。", "",
           "| 组成 | 文件数 | 解压后 (MB) | 压缩后 (MB) |", "|---|---:|---:|---:|"]
    out += [f"| {part} | {n} | {_mb(size)} | {_mb(packed)} |" for part, n, size, packed in rows]
    return "\n".join(out)


def update_docs(zip_path: Path, rows, doc: Path = DOC) -> None:
    text = doc.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise RuntimeError(f"{doc}: size markers {START} … {END} not found")
    block = f"{START}\n{as_markdown(zip_path, rows)}\n{END}"
    doc.write_text(pattern.sub(lambda _: block, text), encoding="utf-8")
