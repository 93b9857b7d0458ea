"""Static check of the built site: nothing in HTML or CSS points the browser at another host."""

import re

EXTERNAL_LOAD = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//(?!127\.0\.0\.1|localhost)[^"']+["']|"""
                           r"""url\(\s*["']?(?:https?:)?//[^)]+\)|@import\s+["']?(?:https?:)?//""", re.I)
LINK_TAG = re.compile(r"<link\b[^>]*>|<script\b[^>]*>|<img\b[^>]*>|<iframe\b[^>]*>|<source\b[^>]*>", re.I)


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = []
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in LINK_TAG.findall(html):
            if EXTERNAL_LOAD.search(tag):
                offenders.append(f"{path.relative_to(built_site)}: {tag[:120]}")
    for path in built_site.rglob("*.css"):
        for m in EXTERNAL_LOAD.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(built_site)}: {m.group(0)[:120]}")
    assert not offenders, "\n".join(offenders[:20])


def test_no_generator_link_and_no_repo_link(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "squidfunk" not in html and "mkdocs-material" not in html.lower().replace("mkdocs-material-", "")
    assert "md-source" not in html
