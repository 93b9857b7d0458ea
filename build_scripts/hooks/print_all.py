"""MkDocs hook: the combined printable page of all regulations (print/all-regulations.md).

Generated from build_scripts.corpus by build_scripts.print_all; A4 print styles in
docs/assets/print/all-regulations.css.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_scripts import print_all
from build_scripts.corpus import CorpusError, load_corpus


def on_files(files, config):
    if files.get_file_from_path(print_all.SRC_URI) is not None:
        raise PluginError(f"{print_all.SRC_URI} is generated; remove docs/{print_all.SRC_URI}")
    try:
        content = print_all.render(load_corpus())
    except CorpusError as exc:
        raise PluginError(f"print page: {exc}") from exc
    files.append(File.generated(config, print_all.SRC_URI, content=content))
    return files
