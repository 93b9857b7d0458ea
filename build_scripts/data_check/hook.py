"""MkDocs hook: check every data file before anything is written (build_scripts/data_check/).

on_pre_build runs before MkDocs empties the site directory, so a failed build leaves the previous site
untouched; each problem is one line naming the file and the line or key path (a PluginError: MkDocs
prints it without a traceback). First in mkdocs.yml's hooks; it also drops data an earlier build of the
same `mkdocs serve` process loaded, so a change in a watched data folder reaches the pages.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from build_scripts import data_check


def on_pre_build(config):
    data_check.forget_loaded_data()
    found = data_check.problems()
    if found:
        raise PluginError("\n".join(found))
