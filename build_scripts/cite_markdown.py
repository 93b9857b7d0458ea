"""Python-Markdown extension: `[[cite:doc#anchor]]` in a hand-written page becomes a link to the clause.

    mkdocs.yml:  markdown_extensions: [build_scripts.cite_markdown, ...]

The link and its label come from build_scripts/citations.py (`《简称》七、（二）3.`, class `cite`);
a citation that does not resolve stops the conversion with a CitationError naming it (the data check
has already reported it with the page and line before the build wrote anything). Generated pages write
their links themselves and carry no tokens. A plain extension: no MkDocs import.
"""

from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

from build_scripts import citations


class CitePreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [citations.expand(line) if "[[cite:" in line else line for line in lines]


class CiteExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # before attr_list and the inline links read the lines (normalize_whitespace is 30, fenced code 25)
        md.preprocessors.register(CitePreprocessor(md), "cite", 28)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return CiteExtension(**kwargs)
