"""Every file of the built site the service worker precaches, and the build hash in its cache name."""

from __future__ import annotations

import hashlib
from pathlib import Path

SW_NAME = "sw.js"
# Not needed offline, or different on every build without a content change.
SKIP_NAMES = {SW_NAME, "sitemap.xml", "sitemap.xml.gz"}
SKIP_SUFFIXES = (".map",)


def site_files(site: Path) -> list[str]:
    files = []
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and rel not in SKIP_NAMES and not rel.endswith(SKIP_SUFFIXES):
            files.append(rel)
    return sorted(files)


def build_hash(site: Path, files: list[str]) -> str:
    h = hashlib.sha256()
    for rel in files:
        h.update(rel.encode() + b"\0" + hashlib.sha256((site / rel).read_bytes()).digest())
    return h.hexdigest()[:16]
