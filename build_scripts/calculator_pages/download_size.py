"""How much a phone downloads for the calculators' runtime, said in one sentence on every page that
loads it (the calculator pages, 计算工具, 我的驻村台账).

Two figures, both exact for this build: what a host sending the build's gzip siblings moves
(build_scripts/compress/, the same cached compression, so nothing is compressed twice; every static
host can send gzip, and brotli moves a little less), and what a host sending no compression moves.
The page cannot know which host it is on before it downloads, so it says both, the usual one first.
The progress line while downloading (status-text.mjs) is a percentage, which is true for either.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts import compress

MB = 1048576


def mb(n: int) -> str:
    """"4.8 MB", "14 MB": one decimal below 10 MB, as offline-choice.js says the site's size."""
    v = n / MB
    return f"{round(v)} MB" if v >= 10 else f"{max(round(v, 1), 0.1):g} MB"


def sizes(files: dict[str, bytes], cache: Path | None = None) -> dict[str, int]:
    """{"plain": bytes, "gzip": bytes} a page moves for these runtime files ({name: bytes})."""
    cache = compress.cache_dir() if cache is None else cache
    return {"plain": sum(map(len, files.values())),
            "gzip": sum(compress.sent_bytes(name, data, cache) for name, data in files.items())}


def size_phrase(s: dict[str, int]) -> str:
    return f"约 {mb(s['gzip'])}（服务器未压缩时约 {mb(s['plain'])}）"


def preparing_text(s: dict[str, int]) -> str:
    """The runtime's status line before it starts, on the calculator pages and the diary."""
    return f"正在准备计算环境：需下载{size_phrase(s)}，只需下载一次…"
