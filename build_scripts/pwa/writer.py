"""Write the PWA files into a built site and the tags each page needs."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from build_scripts.pwa import icons, manifest, precache

HERE = Path(__file__).resolve().parent
ASSET_DIR = "assets/pwa"
CACHE_PREFIX = "zhucun-kb-"


SCRIPTS = ("register.js", "offline-choice.js")
# The page that offers "离线使用本站" (its placeholder is in docs/offline.md).
CHOICE_PAGE = "offline.html"


def head_tags(dest_uri: str) -> str:
    prefix = "../" * dest_uri.count("/")
    tags = (f'<link rel="manifest" href="{prefix}manifest.webmanifest">'
            f'<meta name="theme-color" content="{manifest.THEME_COLOR}">'
            f'<link rel="apple-touch-icon" href="{prefix}{ASSET_DIR}/icon-192.png">'
            f'<script src="{prefix}{ASSET_DIR}/register.js" defer></script>')
    if dest_uri == CHOICE_PAGE:
        tags += f'<script src="{prefix}{ASSET_DIR}/offline-choice.js" defer></script>'
    return tags


NOT_FOUND_TITLE = "<h1>404 - Not found</h1>"


def not_found_page(output: str) -> str:
    """Material's English 404 body replaced by a Chinese one with a way home and to search. The page is
    also what the service worker shows for a page not yet saved on the phone when there is no network."""
    if NOT_FOUND_TITLE not in output:
        raise RuntimeError("404.html: the theme's 404 heading was not found; update build_scripts/pwa/writer.py")
    home = re.search(r'href="([^"]*)" title="[^"]*" class="md-header__button md-logo"', output)
    home_href = home.group(1) if home else "index.html"
    base = home_href.rsplit("/", 1)[0] + "/" if "/" in home_href else ""
    body = ("<h1>找不到这一页</h1>"
            "<p>这个地址没有页面：可能是链接有误，或者页面已经改名。</p>"
            "<p>如果现在没有网络：这一页还没有保存到这台手机上。联网后再打开；想让整个网站没有网络也能用，"
            f'请看<a href="{html.escape(base)}offline.html">离线版</a>页面。</p>'
            f'<p><a class="md-button md-button--primary" href="{html.escape(home_href)}">回到首页</a> '
            '<label class="md-button" for="__search">搜索本站</label></p>')
    return output.replace(NOT_FOUND_TITLE, body, 1)


def write_static(site: Path, name: str, short_name: str, description: str) -> None:
    """Manifest, icons and the register script: everything the precache list must include."""
    out = site / ASSET_DIR
    out.mkdir(parents=True, exist_ok=True)
    for size in manifest.ICON_SIZES:
        (out / f"icon-{size}.png").write_bytes(icons.book_icon(size))
    for name in SCRIPTS:
        (out / name).write_text((HERE / name).read_text(encoding="utf-8"), encoding="utf-8")
    (site / "manifest.webmanifest").write_text(manifest.manifest(name, short_name, description), encoding="utf-8")


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
