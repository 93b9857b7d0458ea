"""MkDocs hook: check every data file before anything is written (build_scripts/data_check/).

on_pre_build runs before MkDocs empties the site directory, so a failed build leaves the previous site
untouched; each problem is one line naming the file and the line or key path (a PluginError: MkDocs
prints it without a traceback). First in mkdocs.yml's hooks.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402

from build_scripts import data_check  # noqa: E402


def on_pre_build(config):
    found = data_check.problems()
    if found:
        raise PluginError("\n".join(found))
