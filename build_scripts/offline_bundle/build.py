"""Build the site for file:// into a directory and check what the offline copy relies on."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from build_scripts.offline_bundle.config import OFFLINE_CONFIG


class OfflineBuildError(RuntimeError):
    pass


def build_site(site_dir: Path) -> Path:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cfg = load_config(config_file=str(OFFLINE_CONFIG), site_dir=str(site_dir), strict=True)
    mkdocs_build(cfg)
    check_site(site_dir)
    return site_dir


def check_site(site: Path) -> None:
    """What the copy needs from file://, all local."""
    problems = []
    if not (site / "search" / "index.js").exists():
        problems.append("search/index.js (the search index, loaded as a script) is missing: is the search hook on?")
    index = (site / "index.html").read_text(encoding="utf-8")
    if (site / "assets" / "pyodide").exists():
        problems.append("assets/pyodide/ (the http runtime files) is in the offline copy: its pages load "
                        "assets/offline-pyodide/ only")
    if "navigation.instant" in index:
        problems.append("navigation.instant is on in the offline build")
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for marker in ('src="http', "src='http", 'href="http://', 'rel="stylesheet" href="https://'):
            if marker in text:
                problems.append(f"{page.relative_to(site)} loads from another host ({marker}…)")
                break
    if problems:
        raise OfflineBuildError("offline build:\n  " + "\n  ".join(problems))
