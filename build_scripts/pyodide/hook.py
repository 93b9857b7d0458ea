"""MkDocs hook: put the self-hosted Pyodide runtime, the calculators wheel and the site's
lock file (the runtime bundle, build_scripts/pyodide/site_files.py, built once per build)
into site/assets/pyodide/ after every build.

mkdocs.yml:  hooks: [build_scripts/pyodide/hook.py]
"""

from __future__ import annotations

import logging
from pathlib import Path

from build_scripts.pyodide import site_files

log = logging.getLogger("mkdocs.hooks.pyodide")


def on_post_build(config, **kwargs):
    dest = Path(config["site_dir"]) / "assets" / "pyodide"
    manifest = site_files.write_pyodide_dir(dest, site_files.bundle())
    total = sum(manifest["bytes"].values())
    log.info("Pyodide %s and %s in %s (%.1f MB)", manifest["pyodide"], manifest["wheel"], dest, total / 1e6)
