"""MkDocs hook: the combined printable page of all regulations (print/all-regulations.md).

Generated from build_scripts.corpus by build_scripts.print_all; A4 print styles in
docs/assets/print/all-regulations.css.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from build_scripts import print_all  # noqa: E402
from build_scripts.corpus import CorpusError, load_corpus  # noqa: E402


def on_files(files, config):
    if files.get_file_from_path(print_all.SRC_URI) is not None:
        raise PluginError(f"{print_all.SRC_URI} is generated; remove docs/{print_all.SRC_URI}")
    try:
        content = print_all.render(load_corpus())
    except (CorpusError, print_all.PrintPageError) as exc:
        raise PluginError(f"print page: {exc}") from exc
    files.append(File.generated(config, print_all.SRC_URI, content=content))
    return files
