"""MkDocs hook: the installable site (PWA), build_scripts/pwa/.

on_post_build (-200: after every hook that writes or rewrites files, the CSP one included, so the
service worker lists the final bytes): manifest, icons and page scripts, then sw.js with every file's
content hash and size. The head tags and the Chinese 404 page are templates (overrides/main.html,
overrides/404.html). The offline (file://) build gets none of it: no service worker can run there.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from build_scripts.offline_bundle.config import is_offline_build
from build_scripts.pwa import writer

log = logging.getLogger("mkdocs.hooks.pwa")
SHORT_NAME = "驻村知识库"


@event_priority(-200)
def on_post_build(config):
    if is_offline_build(config):
        return
    site = Path(config["site_dir"])
    writer.write_static(site, config["site_name"], SHORT_NAME, config.get("site_description") or "",
                        config["extra"]["theme_color"])
    version, count = writer.write_service_worker(site)
    log.info("sw.js knows %d files (version %s)", count, version)
