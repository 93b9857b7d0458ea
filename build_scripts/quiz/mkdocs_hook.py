"""MkDocs hook: validate the question banks before the build, fill the coverage page, write the bank (assets/quiz/bank/: index and one file per document) after the build.

mkdocs.yml:  hooks: [build_scripts/quiz/mkdocs_hook.py]
"""
from __future__ import annotations

import logging
import pathlib

from mkdocs.exceptions import PluginError

from build_scripts.corpus import load_corpus as load
from build_scripts.quiz.coverage_page import fill
from build_scripts.quiz.payload import write_js
from build_scripts.quiz.validate import bank_files, validate_files

log = logging.getLogger("mkdocs.hooks.quiz")


def on_pre_build(config, **kwargs):
    errors = validate_files(bank_files(), load())
    if errors:
        raise PluginError("question bank errors:\n" + "\n".join(str(e) for e in errors))


def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri == "quiz/coverage.md":
        return fill(markdown, load())
    return markdown


def on_post_build(config, **kwargs):
    target = pathlib.Path(config["site_dir"]) / "assets" / "quiz" / "bank"
    n = write_js(target, load())
    log.info("quiz: wrote %s (%d questions)", target, n)
