"""MkDocs hook: the glossary page (generated from build_scripts/glossary/terms.yml) and term tooltips."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_scripts import glossary
from build_scripts.corpus import load_corpus


def on_files(files, config):
    terms = glossary.load_terms()
    problems = glossary.check_terms(terms, load_corpus().resolve)
    if problems:
        raise PluginError("glossary:\n" + "\n".join(problems))
    files.append(File.generated(config, "glossary.md", content=glossary.render_page(terms)))
    return files


def on_page_content(html, page, config, files):
    if page.file.src_uri == "glossary.md":
        return html
    return glossary.add_tooltips(html, glossary.load_terms())
