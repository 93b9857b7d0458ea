"""MkDocs hook: after Material writes search/search_index.json, refine its Chinese segmentation."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_scripts.search_segmentation import refine_index  # noqa: E402


def on_post_build(config):
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        refine_index(index)
