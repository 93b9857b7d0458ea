"""MkDocs hook: put the vendored libraries of the 培训班 pages (QR, fflate) into the site (build_scripts/training/qr_vendor.py).

mkdocs.yml:  hooks: [build_scripts/training/hook.py]  (the offline copy inherits it)
"""
from __future__ import annotations

from mkdocs.structure.files import File

from build_scripts.training import qr_vendor


def on_files(files, config, **kwargs):
    for path, content in qr_vendor.files().items():
        files.append(File.generated(config, path, content=content))
    return files
