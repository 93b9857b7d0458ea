"""MkDocs hook: the regulation pages, the clause index and citation links.

- on_files: generate docs/regulations/<id>.md, the level index and the topic pages from the seeds.
- on_page_markdown: turn [[cite:doc#anchor]] into a link; an unknown citation fails the build.
- on_post_build: write site/clauses.json (every document and clause with its text).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_scripts.corpus import CorpusError, load_corpus
from build_scripts.corpus import page_render
from build_scripts.safe_text import md_text

CITE = re.compile(r"\[\[cite:([a-z0-9-]+#[A-Za-z0-9-]+)\]\]")


def _corpus():
    try:
        return load_corpus()
    except CorpusError as exc:
        raise PluginError(f"corpus: {exc}") from exc


def on_files(files, config):
    corpus = _corpus()
    docs = [(f"regulations/{d.id}.md", page_render.render_document(d)) for d in corpus.documents.values()]
    docs.append(("regulations/index.md", page_render.render_level_index(corpus)))
    docs += page_render.topic_pages(corpus)
    for src_uri, content in docs:
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(f"{src_uri} is generated from the seeds; remove the hand-written file docs/{src_uri}")
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    corpus = _corpus()
    depth = page.file.src_uri.count("/")
    prefix = "../" * depth

    def link(match):
        citation = match.group(1)
        try:
            label = corpus.cite_label(citation)
        except CorpusError as exc:
            raise PluginError(f"docs/{page.file.src_uri}: {exc}") from exc
        doc_id, anchor = citation.split("#", 1)
        return f'[{md_text(label)}]({prefix}regulations/{doc_id}.md#{anchor}){{ .cite }}'

    return CITE.sub(link, markdown)


def on_post_build(config):
    corpus = _corpus()
    out = Path(config["site_dir"]) / "clauses.json"
    out.write_text(json.dumps(corpus.to_index(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
