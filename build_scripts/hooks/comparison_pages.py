"""MkDocs hook: comparison pages compare/*.md generated from calculators/rules/, and the rule-set citation check.

- on_files: load and validate every rule set, check every cite/quote/number against the clause texts
  (the build fails with `calculators/rules/<file>.yml: <key path>: <problem>`), then add the pages.
The generator writes the final links (clause links: build_scripts/citations.py; calculator links:
build_scripts/calculator_pages/spec.py page_target).
(Their .compare-page wrapper, which scopes docs/assets/compare.css, is in overrides/main.html.)

mkdocs.yml:  hooks: [..., build_scripts/hooks/comparison_pages.py]
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_scripts import comparison


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

