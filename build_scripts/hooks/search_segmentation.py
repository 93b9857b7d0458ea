"""MkDocs hook: after Material writes its search index and worker, improve Chinese search.

- sub-words of compounds go into the index (search_segmentation.refine_index);
- the worker's query segmentation recognises a query's last word (search_segmentation.worker_patch);
- the lunr language files the search does not use are removed (search_segmentation.lunr_languages).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from build_scripts.search_segmentation import refine_index  # noqa: E402
from build_scripts.search_segmentation.lunr_languages import prune_lunr_languages  # noqa: E402
from build_scripts.search_segmentation.worker_patch import WorkerPatchError, patch_search_worker  # noqa: E402


def on_post_build(config):
    site = Path(config["site_dir"])
    index = site / "search" / "search_index.json"
    if index.exists():
        refine_index(index)
    prune_lunr_languages(site, list(config["plugins"]["material/search"].config.lang or ["en"]))
    try:
        patch_search_worker(site)
    except WorkerPatchError as exc:
        raise PluginError(str(exc)) from exc
