"""The web app manifest (relative URLs, so the site works under any path)."""

from __future__ import annotations

import json

ICON_SIZES = (192, 512)


def manifest(name: str, short_name: str, description: str, theme_color: str) -> str:
    """theme_color: mkdocs.yml's extra.theme_color, which the pages' <meta name="theme-color"> shows too."""
    return json.dumps({
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": "zh-CN",
        "start_url": "./index.html",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": theme_color,
        "icons": [{"src": f"assets/pwa/icon-{n}.png", "sizes": f"{n}x{n}", "type": "image/png", "purpose": "any maskable"}
                  for n in ICON_SIZES],
    }, ensure_ascii=False, indent=1)
