"""MkDocs hook: comparison pages compare/*.md generated from calculators/rules/, and the rule-set citation check.

- on_files: load and validate every rule set, check every cite/quote/number against the clause texts
  (the build fails with `calculators/rules/<file>.yml: <key path>: <problem>`), then add the pages.
- on_page_markdown: on those pages, [[compare-tool:NAME]] becomes a link to tools/NAME.md when that
  page is built, else plain text. (Clause links are written by the generator, build_scripts/citations.py.)
- on_config / on_page_content: assets/compare.css (spacing in the tables), scoped by a wrapper class.

mkdocs.yml:  hooks: [..., build_scripts/hooks/comparison_pages.py]
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_scripts import comparison
from build_scripts.corpus import CorpusError, load_corpus
from calculators.fields import CALCULATORS
from calculators.loader import load_yaml_dir
from calculators.schema import RuleSetError

CSS = "assets/compare.css"
CSS_SOURCE = ROOT / "build_scripts" / "comparison" / "compare.css"
TOOL = re.compile(r"\[\[compare-tool:([a-z]+)\]\]")


def _rule_sets() -> dict:
    try:
        rule_sets = load_yaml_dir()
        corpus = load_corpus()
    except (RuleSetError, CorpusError) as exc:
        raise PluginError(f"comparison pages: {exc}") from exc
    problems = comparison.citation_problems(rule_sets, corpus)
    if problems:
        raise PluginError("rule-set citations:\n  " + "\n  ".join(problems))
    return rule_sets


def on_config(config):
    if CSS not in config["extra_css"]:
        config["extra_css"].append(CSS)
    return config


def on_files(files, config):
    files.append(File.generated(config, CSS, content=CSS_SOURCE.read_text(encoding="utf-8")))
    for src_uri, content in comparison.build_pages(_rule_sets()).items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"{src_uri} is generated from calculators/rules/; remove docs/{src_uri}")
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    if not page.file.src_uri.startswith("compare/"):
        return markdown

    def tool(match):
        name = match.group(1)
        title = CALCULATORS[name]["title"] if name in CALCULATORS else name
        label = f"“{title}”计算器"
        if files.get_file_from_path(f"tools/{name}.md") is not None:
            return f"[{label}](../tools/{name}.md)"
        return label

    return TOOL.sub(tool, markdown)


def on_page_content(html, page, config, files):
    if page.file.src_uri.startswith("compare/"):
        return f'<div class="compare-page">{html}</div>'
    return html
