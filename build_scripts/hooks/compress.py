"""MkDocs hook: `.gz` and `.br` siblings of every text and wasm file, after every other hook has
written its files (sw.js included). Not for the offline (file://) copy. Work in build_scripts/compress/."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from build_scripts.offline_bundle.config import is_offline_build

from build_scripts.compress import cache_dir, compress_site

log = logging.getLogger("mkdocs.hooks.compress")


@event_priority(-500)
def on_post_build(config):
    if is_offline_build(config):
        return
    s = compress_site(Path(config["site_dir"]), cache_dir())
    log.info("compressed siblings: %d files, %.1f MB -> gzip %.1f MB, brotli %.1f MB", s["files"],
             s["bytes"] / 1e6, s["gz_bytes"] / 1e6, s["br_bytes"] / 1e6)
