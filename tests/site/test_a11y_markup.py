"""Accessibility fixes that Lighthouse checks: the search dialog has a name on every page (404 too), and
the header's red passes WCAG AA contrast under white text."""

from __future__ import annotations

import re

def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

def test_every_page_names_its_search_dialog(built_site):
    pages = sorted(built_site.rglob("*.html"))
    dialogs = re.compile(r'<[^>]*role="dialog"[^>]*>')
    unnamed = [p.relative_to(built_site).as_posix() for p in pages
               for tag in dialogs.findall(p.read_text(encoding="utf-8")) if "aria-label=" not in tag]
    assert not unnamed
    assert any(dialogs.search(p.read_text(encoding="utf-8")) for p in pages)

def test_header_red_contrast(built_site):
    css = (built_site / "assets/site.css").read_text(encoding="utf-8")
    red = re.search(r"--md-primary-fg-color: (#[0-9a-f]{6});", css).group(1)
    ratio = (1.05) / (_luminance(red) + 0.05)
    assert ratio >= 4.5, (red, ratio)
