"""MkDocs hook: comparison pages compare/*.md generated from calculators/rules/, and the rule-set citation check.

- on_files: load and validate every rule set, check every cite/quote/number against the clause texts
  (the build fails with `calculators/rules/<file>.yml: <key path>: <problem>`), then add the pages.
- on_page_markdown: on those pages, [[compare-tool:NAME]] becomes a link to tools/NAME.md when that
  page is built, else plain text. (Clause links are written by the generator, build_scripts/citations.py.)
(Their .compare-page wrapper, which scopes docs/assets/compare.css, is in overrides/main.html.)

mkdocs.yml:  hooks: [..., build_scripts/hooks/comparison_pages.py]
"""

from __future__ import annotations

import re
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_scripts import comparison
from calculators.fields import CALCULATORS

TOOL = re.compile(r"\[\[compare-tool:([a-z]+)\]\]")


def on_files(files, config):
    try:
        rule_sets = comparison.checked_rule_sets()
    except comparison.ComparisonError as exc:
        raise PluginError(str(exc)) from exc
    for src_uri, content in comparison.build_pages(rule_sets).items():
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
