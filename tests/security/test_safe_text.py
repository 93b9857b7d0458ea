"""build_scripts/safe_text: what a data string becomes in Markdown is exactly its characters, as text."""

from __future__ import annotations

import html
import json
import re

import markdown
import pytest
import yaml

from build_scripts.safe_text import front_matter, json_for_html, md_data, md_text
from tests.conftest import ROOT
from tests.security.hostile import PAYLOAD



class _Loader(yaml.SafeLoader):
    """mkdocs.yml with MkDocs' own tags (!ENV, !relative) left unresolved."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
EXTENSIONS = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["markdown_extensions"]
SAMPLES = [PAYLOAD, "工\\<党>委", "a_b_ *c* `d` [e](f) {: #g } h | i # j", "1+5联系制度", "&amp; &#60; &lt;",
           "“两委”", "x\ny\n\n# z", "![](http://x/y.png)", "<http://x>", "\\*not\\*"]


def _render(source: str) -> str:
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    return markdown.markdown(source, extensions=names)


@pytest.mark.parametrize("text", SAMPLES)
def test_markdown_shows_the_text_itself(text):
    for where in ("{}", "| a | b |\n|---|---|\n| {} | x |", "## {}", "- {}", "**{}**"):
        out = _render(where.format(md_text(text)))
        tags = re.findall(r"<(\w+)", out)
        assert set(tags) <= {"p", "h2", "ul", "li", "strong", "table", "thead", "tbody", "tr", "th", "td"}, out
        shown = html.unescape(re.sub(r"<[^>]+>", "", out))
        assert " ".join(text.split()) in " ".join(shown.split())


def test_identifiers_stay_as_they_are_in_data():
    data = md_data({"cite": "hebei-measures#art-17-3", "kind": "no_excellent", "label": "<b>x</b>", "n": 3,
                    "list": ["a_b", "[x]"]})
    assert data == {"cite": "hebei-measures#art-17-3", "kind": "no_excellent", "label": "&lt;b&gt;x&lt;/b&gt;",
                    "n": 3, "list": ["a_b", "&#91;x&#93;"]}


def test_front_matter_title_is_escaped_yaml():
    text = front_matter(title='a: b\n<script>"x"</script>', search={"boost": 2})
    data = yaml.safe_load(text.strip("-\n"))
    assert data == {"title": "a: b &lt;script&gt;&quot;x&quot;&lt;/script&gt;", "search": {"boost": 2}}


def test_json_for_html_cannot_close_a_script():
    value = {"a": "</script><!-- &\u2028", "b": [1, "ok"]}
    text = json_for_html(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value
