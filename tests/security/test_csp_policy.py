"""build_scripts/csp as plain functions: the policy follows what a page contains."""

from __future__ import annotations

import json

import pytest

from build_scripts import csp

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><script>var a=1</script>'
        '<script id="__config" type="application/json">{"x": "</b>"}</script>'
        '<script src="x.js"></script></head><body>{body}</body></html>')


def _directives(page: str) -> dict[str, list[str]]:
    content = page.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    return {d.split()[0]: d.split()[1:] for d in content.split("; ")}


def test_inline_scripts_are_hashed_data_blocks_are_not():
    page = csp.with_policy(PAGE.replace("{body}", ""))
    scripts = _directives(page)["script-src"]
    assert scripts == ["'self'", csp.sha256_source("var a=1")]
    assert page.index("Content-Security-Policy") < page.index("<script")


def test_new_inline_script_gets_its_hash_and_reapplying_replaces_the_policy():
    page = csp.with_policy(PAGE.replace("{body}", "<script type=module>import 'x'</script>"))
    again = csp.with_policy(page.replace("var a=1", "var a=2"))
    assert again.count("Content-Security-Policy") == 1
    scripts = _directives(again)["script-src"]
    assert csp.sha256_source("var a=2") in scripts and csp.sha256_source("import 'x'") in scripts
    assert csp.sha256_source("var a=1") not in scripts


def test_wasm_only_with_a_calculator_data_only_with_data_modules():
    plain = _directives(csp.with_policy(PAGE.replace("{body}", "")))
    assert "'wasm-unsafe-eval'" not in plain["script-src"] and "data:" not in plain["script-src"]
    calc = _directives(csp.with_policy(PAGE.replace("{body}", '<div class="zc-calc"></div>')))
    assert "'wasm-unsafe-eval'" in calc["script-src"] and "data:" not in calc["script-src"]
    imports = json.dumps({"imports": {"zc/a.mjs": "data:text/javascript;base64,AA=="}})
    offline = _directives(csp.with_policy(PAGE.replace("{body}", f'<script type="importmap">{imports}</script>')))
    assert "data:" in offline["script-src"] and "data:" in offline["connect-src"]
    assert csp.sha256_source(imports) in offline["script-src"]


def test_blob_scripts_only_where_an_import_map_may_need_the_shim():
    assert "blob:" not in _directives(csp.with_policy(PAGE.replace("{body}", '<div class="zc-calc"></div>')))["script-src"]
    online = json.dumps({"imports": {"zc/a.mjs": "../assets/calculators/a.mjs?v=1"}})
    with_map = _directives(csp.with_policy(PAGE.replace("{body}", f'<script type="importmap">{online}</script>')))
    assert "blob:" in with_map["script-src"] and "data:" not in with_map["script-src"]
    assert "blob:" not in with_map["connect-src"]


@pytest.mark.parametrize("markup", ['<form onsubmit="x()">', '<a href="javascript:x()">', '<a href=" JavaScript:x()">',
                                    '<img src=a onerror=x()>'])
def test_markup_the_policy_would_block_fails_the_build(tmp_path, markup):
    (tmp_path / "p.html").write_text(PAGE.replace("{body}", markup), encoding="utf-8")
    with pytest.raises(ValueError, match=r"p\.html: .*Content-Security-Policy"):
        csp.apply_to_site(tmp_path)


def test_text_that_looks_like_a_handler_is_fine(tmp_path):
    (tmp_path / "p.html").write_text(PAGE.replace("{body}", "<p>onclick=&quot;x()&quot; javascript:x()</p>"), encoding="utf-8")
    assert csp.apply_to_site(tmp_path) == 1


def test_hook_adds_the_policy_on_build_not_under_serve(tmp_path):
    from build_scripts.csp import hook

    page = tmp_path / "p.html"
    page.write_text(PAGE.replace("{body}", ""), encoding="utf-8")
    try:
        hook.on_startup(command="serve", dirty=False)
        hook.on_post_build({"site_dir": str(tmp_path)})
        assert "Content-Security-Policy" not in page.read_text(encoding="utf-8")
        hook.on_startup(command="build", dirty=False)
        hook.on_post_build({"site_dir": str(tmp_path)})
        assert "Content-Security-Policy" in page.read_text(encoding="utf-8")
    finally:
        hook.on_startup(command="build", dirty=False)
