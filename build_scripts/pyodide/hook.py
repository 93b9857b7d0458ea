"""MkDocs hook: put the self-hosted Pyodide runtime, the calculators wheel and the site's
lock file into site/assets/pyodide/ after every build.

mkdocs.yml:  hooks: [build_scripts/pyodide/hook.py]
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_scripts.pyodide import site_files, vendor  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pyodide")


def write_pyodide_dir(dest: Path) -> dict:
    """Runtime files + wheel + site lock + the trimmed standard library (stdlib.STDLIB_NAME,
    the archive the pages load) into dest; returns a small manifest (names, sizes).

    Nothing else: the upstream python_stdlib.zip stays in the vendored cache (what needs the full
    archive, the trimming trace and the benchmark's bare page, reads it from there), and any other
    file already in dest (an older wheel, an older build's files) is removed, so dest holds exactly
    what the calculator pages load (tests/pyodide/test_site_pyodide_files.py)."""
    pin = vendor.load_pin()
    dest.mkdir(parents=True, exist_ok=True)
    files = site_files.site_files()
    for name, data in files.items():
        (dest / name).write_bytes(data)
    wheel = next(name for name in files if name.endswith(".whl"))
    for old in dest.iterdir():
        if old.is_file() and old.name not in files:
            old.unlink()
    return {
        "pyodide": pin.version,
        "wheel": wheel,
        "sha256": site_files.manifest(files)["files"][wheel]["sha256"],
        "bytes": {p.name: p.stat().st_size for p in sorted(dest.iterdir()) if p.is_file()},
    }


def on_post_build(config, **kwargs):
    dest = Path(config["site_dir"]) / "assets" / "pyodide"
    manifest = write_pyodide_dir(dest)
    total = sum(manifest["bytes"].values())
    log.info("Pyodide %s and %s in %s (%.1f MB)", manifest["pyodide"], manifest["wheel"], dest, total / 1e6)
