"""Data from files reaches pages as text, never as markup: the one place strings are escaped.

Every string that comes from a data file (calculators/rules/*.yml, build_scripts/glossary/terms.yml,
build_scripts/corpus/documents.yml, the seeds, quiz_bank/*.yml) and is written into a page goes through
one of these, at the point where a generator turns data into Markdown or HTML:

    md_text(s)      inline Markdown: no raw HTML, link, image, attribute list, code span, table cell
                    break or new block can come out of it; the reader sees exactly the characters of s
    md_data(value)  md_text applied to every string inside a rule set / record (dict keys kept)
    html_text(s)    HTML text or a quoted attribute value
    front_matter(title=..., ...)   a page's YAML front matter; MkDocs and Material print `title` into
                    <title> and the header without escaping, so it is stored HTML-escaped
    json_for_html(obj)  JSON that may sit inside <script type="application/json"> (no `</script>`)

Markdown passes raw HTML through, so escaping for Markdown means HTML-escaping first and then turning
the characters Markdown acts on into numeric character references, which Markdown leaves alone and
the browser shows as the characters themselves.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import yaml

# HTML's & < > " ', then what Python-Markdown and its extensions act on inline: links and images
# [ ] !, attr_list { }, emphasis * _, code `, backslash escapes \, table cells |, closing #s.
# One pass (str.translate), so no reference is escaped twice.
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_MD = str.maketrans({**_HTML, **{c: f"&#{ord(c)};" for c in "[]{}*_`\\|!#"}})
_BLANKS = re.compile(r"[\r\n\t\f\v\u2028\u2029]+")


def html_text(value: Any) -> str:
    return html.escape(str(value), quote=True)


def md_text(value: Any) -> str:
    """`value` as inline Markdown text, on one line."""
    return _BLANKS.sub(" ", str(value)).translate(_MD)


# Identifiers, citations and enum values (`no_excellent`, `hebei-measures#art-17-3`) cannot carry markup
# and are compared by the code that reads the data: md_data leaves them as they are.
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.#-]*")


def md_data(value: Any) -> Any:
    """A copy of `value` with md_text applied to every string (not to mapping keys), except
    identifier-like strings made only of ASCII letters, digits and _ . # -."""
    if isinstance(value, dict):
        return {k: md_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(md_data(v) for v in value)
    if isinstance(value, str):
        return value if _PLAIN_ID.fullmatch(value) else md_text(value)
    return value


def front_matter(**fields: Any) -> str:
    """`---` YAML `---` for a generated page; string values HTML-escaped and on one line."""
    data = {k: (_BLANKS.sub(" ", html_text(v)) if isinstance(v, str) else v) for k, v in fields.items()}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def json_for_html(obj: Any) -> str:
    """JSON text safe inside a <script> element or an HTML comment: <, >, & and the JS line
    separators become \\u escapes (the parsed value is the same)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text
