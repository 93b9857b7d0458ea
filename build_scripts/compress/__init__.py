"""Compressed siblings for a static host: `<file>.gz` (gzip -9) and `<file>.br` (brotli 11) beside every
text and WebAssembly file of the built site, so nginx `gzip_static`/`brotli_static` (or any host that
does the same) sends them with `Content-Encoding` and a phone downloads a third of the bytes.

Deterministic (gzip without name or time), written only when it saves at least MIN_SAVING, and cached
by content hash in `.cache/compressed/` (brotli 11 on the 9 MB wasm takes a while: once per machine).
The offline copy (file://) gets none: a browser opening files never reads them.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".wasm", ".zip")
ENCODINGS = (".gz", ".br")
MIN_SAVING = 0.05  # a sibling less than 5 % smaller is not worth a second copy


def cache_dir() -> Path:
    return Path(os.environ.get("ZHUCUN_COMPRESS_CACHE") or ROOT / ".cache" / "compressed")


def wanted(rel: str) -> bool:
    return rel.endswith(SUFFIXES) and not rel.endswith(ENCODINGS)


def _compress(data: bytes, encoding: str) -> bytes:
    if encoding == ".gz":
        return gzip.compress(data, compresslevel=9, mtime=0)
    return brotli.compress(data, quality=11)


def compressed(data: bytes, encoding: str, cache: Path | None) -> bytes:
    if cache is None:
        return _compress(data, encoding)
    key = cache / (hashlib.sha256(data).hexdigest() + encoding)
    if key.exists():
        return key.read_bytes()
    out = _compress(data, encoding)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = key.with_suffix(key.suffix + f".{os.getpid()}.tmp")
    tmp.write_bytes(out)
    tmp.replace(key)
    return out


def sibling(rel: str, data: bytes, encoding: str, cache: Path | None) -> bytes | None:
    """The sibling written for the file `rel` with these bytes, or None when it gets none."""
    if not wanted(rel):
        return None
    out = compressed(data, encoding, cache)
    return out if len(out) <= len(data) * (1 - MIN_SAVING) else None


def sent_bytes(rel: str, data: bytes, cache: Path | None = None, encoding: str = ".gz") -> int:
    """What a host that sends the siblings moves for this file: the sibling's length, or the file's when it
    has none. gzip by default, which every host can send (the figure shown to users is this one)."""
    out = sibling(rel, data, encoding, cache)
    return len(data if out is None else out)


def compress_site(site: Path, cache: Path | None = None) -> dict[str, int]:
    """Write the siblings (removing stale ones); returns counts and bytes before/after for the log."""
    stats = {"files": 0, "siblings": 0, "bytes": 0, "gz_bytes": 0, "br_bytes": 0}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or not wanted(rel):
            continue
        data = path.read_bytes()
        stats["files"] += 1
        stats["bytes"] += len(data)
        for enc in ENCODINGS:
            target = path.with_name(path.name + enc)
            out = sibling(rel, data, enc, cache)
            if out is not None:
                target.write_bytes(out)
                stats["siblings"] += 1
            else:
                target.unlink(missing_ok=True)
            stats[enc[1:] + "_bytes"] += len(data if out is None else out)
    return stats
