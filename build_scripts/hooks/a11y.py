"""MkDocs hook: Material's search dialog gets a name on every page and on the 404 page
(work in build_scripts/a11y/)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from build_scripts.a11y import fix_page  # noqa: E402


def on_post_page(output, page, config):
    return fix_page(output)


def on_post_template(output, template_name, config):
    return fix_page(output) if template_name == "404.html" else output
