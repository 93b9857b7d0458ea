"""MkDocs hook: the installable site (PWA).

- on_post_template: the 404 page in Chinese, with links home and to search (also the offline fallback);
- on_post_page: every page links the manifest and loads assets/pwa/register.js (which registers
  site/sw.js on http(s) only);
- on_post_build (last, after every other hook has written its files): manifest, icons, then sw.js
  with every file's content hash and size (it keeps what a visit uses; the whole site only when the
  user chooses "离线使用本站" on the offline page).
The offline (file://) build gets none of it: no service worker can run there.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from build_scripts.offline_bundle.config import is_offline_build

from build_scripts.pwa import writer

log = logging.getLogger("mkdocs.hooks.pwa")
SHORT_NAME = "驻村知识库"


def on_post_page(output, page, config):
    if is_offline_build(config) or "</head>" not in output:
        return output
    return output.replace("</head>", writer.head_tags(page.file.dest_uri) + "</head>", 1)


def on_post_template(output, template_name, config):
    return writer.not_found_page(output) if template_name == "404.html" else output


@event_priority(-200)
def on_post_build(config):
    if is_offline_build(config):
        return
    site = Path(config["site_dir"])
    writer.write_static(site, config["site_name"], SHORT_NAME, config.get("site_description") or "")
    version, count = writer.write_service_worker(site)
    log.info("sw.js knows %d files (version %s)", count, version)
