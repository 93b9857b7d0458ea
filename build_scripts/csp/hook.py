"""MkDocs hook: a Content-Security-Policy meta tag on every built page (build_scripts/csp/).

Not under `mkdocs serve`, whose live-reload script is inline and different on every request.

on_post_build, after the hooks that write or rewrite pages (the offline copy's calculator pages, at
priority -50) and before the service worker list is made from the final files (pwa, -200).

mkdocs.yml:  hooks: [..., build_scripts/csp/hook.py]
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_scripts import csp

log = logging.getLogger("mkdocs.hooks.csp")
_command = {"name": "build"}


def on_startup(*, command, dirty):
    _command["name"] = command


@event_priority(-150)
def on_post_build(config):
    if _command["name"] == "serve":
        # `mkdocs serve` injects an inline live-reload script (its text changes on every request) that the
        # policy would block; `mkdocs build` and the offline copy carry the policy, and the tests check it.
        log.info("Content-Security-Policy: not added under mkdocs serve (its live-reload script is inline)")
        return
    try:
        n = csp.apply_to_site(Path(config["site_dir"]))
    except ValueError as exc:
        raise PluginError(f"Content-Security-Policy: {exc}") from exc
    log.info("Content-Security-Policy on %d pages", n)
