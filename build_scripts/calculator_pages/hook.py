"""MkDocs hook: tools/index.md and one page per calculator (build_scripts/calculator_pages/pages.py).

The pages are virtual files (File.generated); they replace a file of the same name in
docs/tools/ (a placeholder there is overridden, with a log line). The calculator scripts are linked from the page content only, so no other
page loads them.

mkdocs.yml:  hooks: [build_scripts/calculator_pages/hook.py]
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.structure.files import File

from build_scripts.calculator_pages import pages

log = logging.getLogger("mkdocs.hooks.calculator_pages")


def on_files(files, config, **kwargs):
    for src_uri, content in pages.generated_pages(Path(config["docs_dir"])).items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            log.info("%s: generated page replaces docs/%s", src_uri, src_uri)
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    return files
