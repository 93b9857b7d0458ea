"""Write the PWA files into a built site (the tags each page needs are in overrides/main.html)."""

from __future__ import annotations

import json
from pathlib import Path

from build_scripts.pwa import icons, manifest, precache

HERE = Path(__file__).resolve().parent
ASSET_DIR = "assets/pwa"
CACHE_PREFIX = "zhucun-kb-"


# register.js (every page) and offline-choice.js (the offline page, whose placeholder is in docs/offline.md)
# are loaded by overrides/main.html's extrahead block.
SCRIPTS = ("register.js", "offline-choice.js")


def write_static(site: Path, name: str, short_name: str, description: str, theme_color: str) -> None:
    """Manifest, icons and the page scripts: everything the precache list must include."""
    out = site / ASSET_DIR
    out.mkdir(parents=True, exist_ok=True)
    for size in manifest.ICON_SIZES:
        (out / f"icon-{size}.png").write_bytes(icons.book_icon(size))
    for script in SCRIPTS:
        (out / script).write_text((HERE / script).read_text(encoding="utf-8"), encoding="utf-8")
    (site / "manifest.webmanifest").write_text(manifest.manifest(name, short_name, description, theme_color), encoding="utf-8")


def write_service_worker(site: Path) -> tuple[str, int]:
    """sw.js at the site root with every file's hash and size; returns (build version, file count)."""
    table = precache.file_table(site, precache.site_files(site))
    version = precache.build_hash(table)
    source = (HERE / "sw.js").read_text(encoding="utf-8")
    for key, value in (("__VERSION__", version), ("__PREFIX__", CACHE_PREFIX)):
        if f'"{key}"' not in source:
            raise RuntimeError(f"sw.js template lost its {key} placeholder")
        source = source.replace(f'"{key}"', json.dumps(value))
    if "__FILES__" not in source:
        raise RuntimeError("sw.js template lost its __FILES__ placeholder")
    source = source.replace("__FILES__", json.dumps(table, ensure_ascii=False, separators=(",", ":")))
    (site / precache.SW_NAME).write_text(source, encoding="utf-8")
    return version, len(table)
