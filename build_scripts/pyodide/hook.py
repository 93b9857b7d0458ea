"""MkDocs hook: put the self-hosted Pyodide runtime, the calculators wheel and the site's
lock file into site/assets/pyodide/ after every build.

mkdocs.yml:  hooks: [build_scripts/pyodide/hook.py]
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_scripts.pyodide import artifacts, lockfile, stdlib, vendor  # noqa: E402

log = logging.getLogger("mkdocs.hooks.pyodide")


def write_pyodide_dir(dest: Path, trimmed: bool = True) -> dict:
    """Runtime files + wheel + site lock + the trimmed standard library (stdlib.STDLIB_NAME,
    the archive the pages load) into dest; returns a small manifest (names, sizes).

    The upstream python_stdlib.zip is copied too: the benchmark's bare page and the offline
    bundle's build still read it; the calculator pages never request it."""
    pin = vendor.load_pin()
    vendor.copy_runtime(dest, pin)
    if trimmed:
        (dest / stdlib.STDLIB_NAME).write_bytes(stdlib.trimmed_archive())
    wheel = artifacts.calculators_wheel()
    for old in dest.glob("*.whl"):
        old.unlink()
    (dest / wheel.filename).write_bytes(wheel.data)
    upstream = json.loads((vendor.unpacked(pin) / "pyodide-lock.json").read_text(encoding="utf-8"))
    (dest / "pyodide-lock.json").write_text(lockfile.dumps(lockfile.site_lock(upstream, wheel)), encoding="utf-8")
    return {
        "pyodide": pin.version,
        "wheel": wheel.filename,
        "sha256": wheel.sha256,
        "bytes": {p.name: p.stat().st_size for p in sorted(dest.iterdir()) if p.is_file()},
    }


def on_post_build(config, **kwargs):
    dest = Path(config["site_dir"]) / "assets" / "pyodide"
    manifest = write_pyodide_dir(dest)
    total = sum(manifest["bytes"].values())
    log.info("Pyodide %s and %s in %s (%.1f MB)", manifest["pyodide"], manifest["wheel"], dest, total / 1e6)
