"""The syntax of a citation, `<document-id>#<anchor>` (hebei-measures#art-17-3, shenmu-2021#s7-2-3).

The one definition every reader of data files shares: the rule-set schema here, the question banks, the
data check of documents.yml and the corpus (`build_scripts/citations.py` resolves, labels and links a
citation against the regulation texts). Both parts are lower-case ASCII letters and digits in groups
joined by single hyphens. Standard library only (the package runs in Pyodide).
"""

from __future__ import annotations

import re

PART = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_PART = re.compile(PART)
_CITATION = re.compile(rf"({PART})#({PART})")
EXAMPLE = "hebei-measures#art-17-3"


class CitationError(ValueError):
    """A citation that is not `<document-id>#<anchor>`, or that names no clause of the corpus."""


def is_id(text: object) -> bool:
    """A valid document id or anchor (what the part before or after `#` may be)."""
    return isinstance(text, str) and _PART.fullmatch(text) is not None


def is_citation(text: object) -> bool:
    return isinstance(text, str) and _CITATION.fullmatch(text) is not None


def parse(text: object) -> tuple[str, str]:
    """'doc#anchor' -> ('doc', 'anchor'); CitationError saying what is wrong otherwise."""
    match = _CITATION.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise CitationError(f"citation {text!r} is not of the form <document-id>#<anchor> (like {EXAMPLE})")
    return match.group(1), match.group(2)
