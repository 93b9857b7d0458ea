"""MkDocs hook: put the vendored QR libraries of the 培训班 pages into the site (build_scripts/training/qr_vendor.py).

mkdocs.yml:  hooks: [build_scripts/training/hook.py]  (the offline copy inherits it)
"""
from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import File  # noqa: E402

from build_scripts.training import qr_vendor  # noqa: E402


def on_files(files, config, **kwargs):
    for path, content in qr_vendor.files().items():
        files.append(File.generated(config, path, content=content))
    return files
