"""MkDocs hook of the offline build (listed in mkdocs.yml; it does nothing unless mkdocs.offline.yml's
`extra.offline_copy` is set, build_scripts/offline_bundle/config.py).

on_config: the theme features without navigation.instant.
on_post_build (-50: after the Pyodide hook has written assets/pyodide/, before the CSP hook hashes the
pages): the file:// Pyodide pieces and the calculator pages' offline import map and runtime statement
(build_scripts/offline_bundle/pyodide_file.py), made from the build's runtime bundle
(site_files.bundle(), the same bytes); assets/pyodide/ is then removed (the copy's pages never load it).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_scripts.calculator_pages.modules import ModuleError
from build_scripts.offline_bundle import pyodide_file
from build_scripts.offline_bundle.config import is_offline_build, offline_features
from build_scripts.offline_bundle.pyodide_classic import RewriteError
from build_scripts.pyodide import site_files

log = logging.getLogger("mkdocs.hooks.offline_bundle")


def on_config(config):
    if is_offline_build(config):
        config.theme["features"] = offline_features(config.theme["features"] if "features" in config.theme else [])
    return config


@event_priority(-50)
def on_post_build(config):
    site = Path(config["site_dir"])
    if not is_offline_build(config) or not (site / "assets" / "pyodide" / "pyodide.mjs").exists():
        return
    try:
        written = pyodide_file.write(site, site_files.bundle())
    except (RewriteError, ModuleError) as exc:
        raise PluginError(str(exc)) from exc
    size = sum(s["bytes"] for s in written["scripts"])
    log.info("file:// Pyodide: %d scripts (%.1f MB), %d calculator pages", len(written["scripts"]), size / 1e6,
             len(written["pages"]))
