"""The files of the built site the service worker may keep, each with its content hash and size.

The worker keeps a file under its content hash, so a new build reuses every unchanged file; the
sizes give the "约 N MB" of "离线使用本站": what a host sending the gzip sibling moves (build_scripts/compress/,
whose cache the later compression step reuses) and the file's own size. Compressed siblings (.gz/.br, served
by the host in place of the file) and source maps are not separate files to keep.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from build_scripts import compress

SW_NAME = "sw.js"
# Not needed offline, or different on every build without a content change.
SKIP_NAMES = {SW_NAME, "sitemap.xml", "sitemap.xml.gz"}
SKIP_SUFFIXES = (".map", ".gz", ".br")
HASH_CHARS = 16  # first 8 bytes of SHA-256, hex; sw.js computes the same


def site_files(site: Path) -> list[str]:
    files = []
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and rel not in SKIP_NAMES and not rel.endswith(SKIP_SUFFIXES):
            files.append(rel)
    return sorted(files)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_CHARS]


def file_table(site: Path, files: list[str], cache: Path | None = None) -> dict[str, list]:
    """{path: [content hash, size in bytes, bytes a host sending the gzip siblings moves]} for every file."""
    cache = compress.cache_dir() if cache is None else cache
    table = {}
    for rel in files:
        data = (site / rel).read_bytes()
        table[rel] = [content_hash(data), len(data), compress.sent_bytes(rel, data, cache)]
    return table


def build_hash(table: dict[str, list]) -> str:
    h = hashlib.sha256()
    for rel, (digest, *_) in sorted(table.items()):
        h.update(rel.encode() + b"\0" + digest.encode() + b"\n")
    return h.hexdigest()[:16]
