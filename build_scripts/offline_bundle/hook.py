"""MkDocs hook for the offline build only (added by build_scripts.offline_bundle.config).

on_files: put the vendored iframe-worker shim where mkdocs.offline.yml's `extra.polyfills` points
(rewritten to load its frame script from a file: build_scripts/csp/iframe_worker.py).
on_post_build (after the Pyodide hook has written assets/pyodide/): the file:// Pyodide pieces and
the calculator pages' offline import map and runtime (build_scripts/offline_bundle/pyodide_file.py), made from the
build's runtime bundle (site_files.bundle(), the same bytes); assets/pyodide/ is then removed (the
copy's pages never load it).
"""

from __future__ import annotations

from pathlib import Path

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from build_scripts.csp import iframe_worker
from build_scripts.offline_bundle import pyodide_file, vendor
from build_scripts.pyodide import site_files
from build_scripts.calculator_pages.modules import ModuleError
from build_scripts.offline_bundle.pyodide_classic import RewriteError

log = logging.getLogger("mkdocs.hooks.offline_bundle")


def on_config(config):
    pin = vendor.load_pin()
    if pin.site_path not in [str(p) for p in config.extra.get("polyfills", [])]:
        raise PluginError(f"offline build: extra.polyfills must list {pin.site_path} (mkdocs.offline.yml)")
    return config


def on_files(files, config):
    pin = vendor.load_pin()
    # the shim without its inline frame script (the Content-Security-Policy), and that script as a file
    try:
        shim = iframe_worker.rewrite_shim(vendor.shim_bytes(pin).decode("utf-8"))
    except iframe_worker.ShimChanged as exc:
        raise PluginError(str(exc)) from exc
    files.append(File.generated(config, pin.site_path, content=shim))
    frame = pin.site_path.rsplit("/", 1)[0] + "/" + iframe_worker.FRAME_NAME
    files.append(File.generated(config, frame, content=iframe_worker.FRAME_JS))
    return files


@event_priority(-50)
def on_post_build(config):
    site = Path(config["site_dir"])
    if not (site / "assets" / "pyodide" / "pyodide.mjs").exists():
        return
    try:
        written = pyodide_file.write(site, site_files.bundle())
    except (RewriteError, ModuleError) as exc:
        raise PluginError(str(exc)) from exc
    size = sum(s["bytes"] for s in written["scripts"])
    log.info("file:// Pyodide: %d scripts (%.1f MB), %d calculator pages", len(written["scripts"]), size / 1e6,
             len(written["pages"]))
