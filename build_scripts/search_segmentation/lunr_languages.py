"""Drop the lunr language files the site's search does not use.

Material ships stemmers for some 30 languages (about 950 KB); the search worker loads only those named
in `plugins.search.lang` (here zh) plus the stemmer support file, and the segmenters only for ja/th/hi.
Left in the site they would be downloaded by every phone that installs it (the service worker
precaches every file) and carried in every offline copy.
"""

from __future__ import annotations

from pathlib import Path

SEGMENTERS = {"ja": "tinyseg.js", "th": "wordcut.js", "hi": "wordcut.js"}


def prune_lunr_languages(site: Path, langs: list[str]) -> list[str]:
    lunr = site / "assets" / "javascripts" / "lunr"
    if not lunr.is_dir():
        return []
    keep = {f"lunr.{lang}.min.js" for lang in langs if lang != "en"} | {"lunr.stemmer.support.min.js"}
    if len(langs) > 1:
        keep.add("lunr.multi.min.js")
    keep_segmenters = {SEGMENTERS[lang] for lang in langs if lang in SEGMENTERS}
    removed = []
    for path in sorted((lunr / "min").glob("*.js")) + sorted(lunr.glob("*.js")):
        name = path.name
        wanted = name in keep if path.parent.name == "min" else name in keep_segmenters
        if not wanted:
            path.unlink()
            removed.append(name)
    return removed
