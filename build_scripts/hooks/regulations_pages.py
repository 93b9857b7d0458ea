"""MkDocs hook: the regulation pages and the clause index.

- on_files: generate docs/regulations/<id>.md, the level index and the topic pages from the seeds.
  ([[cite:doc#anchor]] in hand-written pages is the Markdown extension build_scripts/cite_markdown.py.)
- on_post_build: write site/clauses.json (every document and clause with its text).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_scripts.corpus import PAGES_DIR, CorpusError, load_corpus
from build_scripts.corpus import page_render


def _corpus():
    try:
        return load_corpus()
    except CorpusError as exc:
        raise PluginError(f"corpus: {exc}") from exc


def on_files(files, config):
    corpus = _corpus()
    docs = [(f"{PAGES_DIR}/{d.id}.md", page_render.render_document(d)) for d in corpus.documents.values()]
    docs.append((f"{PAGES_DIR}/index.md", page_render.render_level_index(corpus)))
    docs += page_render.topic_pages(corpus)
    for src_uri, content in docs:
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(f"{src_uri} is generated from the seeds; remove the hand-written file docs/{src_uri}")
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_post_build(config):
    corpus = _corpus()
    out = Path(config["site_dir"]) / "clauses.json"
    out.write_text(json.dumps(corpus.to_index(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
