"""MkDocs hook: generate diary/index.md (我的驻村台账) with the calculators' runtime manifest.

The diary's status is computed by calculators/diary.py in Pyodide, through the calculators' own
worker (assets/calculators/); the page script is assets/calculators/diary-page.mjs.

mkdocs.yml:  hooks: [build_scripts/diary_page/hook.py]   (after calculator_pages)
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from build_scripts.diary_page import render

SRC_URI = render.SRC_URI


def on_files(files, config, **kwargs):
    content = render.page(Path(config["docs_dir"]))
    existing = files.get_file_from_path(SRC_URI)
    if existing is not None:
        files.remove(existing)
    files.append(File.generated(config, SRC_URI, content=content))
    return files
