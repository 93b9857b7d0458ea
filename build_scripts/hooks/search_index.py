"""MkDocs hook: the site's own search (build_scripts/search_index).

- on_config: the county's synonym table is checked first, so a bad edit stops the build with its message;
- on_post_build: writes search/index.js (every clause, the tool and comparison pages, the word list) and
  removes Material's lunr search files, which the site no longer loads.
The search box itself is overrides/partials/search.html; the script is docs/assets/search/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from build_scripts import search_index
from build_scripts.corpus import load_corpus
from build_scripts.search_index import synonyms


def on_config(config):
    try:
        synonyms.load()
    except synonyms.SearchConfigError as exc:
        raise PluginError(f"搜索同义词表有误：\n{exc}") from exc
    return config


def on_post_build(config):
    site = Path(config["site_dir"])
    search_index.remove_material_search(site)
    search_index.write_index(site, load_corpus())
