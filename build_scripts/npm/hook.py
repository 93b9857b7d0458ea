"""MkDocs hook: put the vendored npm scripts (ts-fsrs, the 培训班 QR libraries, fflate, es-module-shims)
into the site, each with its licence (build_scripts/npm: the one list of pins; Pyodide's files go through the Pyodide hook).

mkdocs.yml:  hooks: [..., build_scripts/npm/hook.py]  (the offline copy inherits it)
"""
from __future__ import annotations

from mkdocs.structure.files import File

from build_scripts import npm


def on_files(files, config, **kwargs):
    for path, content in npm.site_files().items():
        files.append(File.generated(config, path, content=content))
    return files
