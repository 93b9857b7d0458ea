"""The offline build's configuration and archive, without a browser."""

from __future__ import annotations

import re
import zipfile

import yaml

from build_scripts.offline_bundle import archive, config
from build_scripts.pyodide.stdlib import STDLIB_NAME
from tests.conftest import ROOT


def test_offline_config_is_mkdocs_yml_plus_one_flag():
    """No Material offline plugin, no polyfills, no rewritten lists: mkdocs.offline.yml only sets
    extra.offline_copy, and the offline hook is in mkdocs.yml's explicit order (it does nothing online)."""
    child = yaml.safe_load(config.OFFLINE_CONFIG.read_text(encoding="utf-8"))
    assert child == {"INHERIT": "mkdocs.yml", "extra": {"offline_copy": True}}
    parent = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert parent["plugins"] == [] and parent["use_directory_urls"] is False
    hooks = parent["hooks"]
    assert hooks.index("build_scripts/pyodide/hook.py") < hooks.index("build_scripts/offline_bundle/hook.py")
    assert config.offline_features(["navigation.instant", "navigation.instant.progress", "toc.follow"]) == ["toc.follow"]


def test_zip_name_size_and_layout(offline_zip):
    assert re.fullmatch(rf"zhucun-kb-{re.escape(archive.project_version())}-\d{{8}}\.zip", offline_zip.name)
    size = offline_zip.stat().st_size
    print(f"\noffline zip: {offline_zip.name} {size / 1e6:.2f} MB")
    assert size <= 25_000_000
    with zipfile.ZipFile(offline_zip) as zf:
        names = set(zf.namelist())
    top = offline_zip.stem
    assert all(n.startswith(top + "/") for n in names)
    for needed in ("index.html", "search/index.js", "assets/search/engine.js", "assets/vendor/ts-fsrs/ts-fsrs.umd.js",
                   "print/all-regulations.html", "quiz/practice.html", "assets/quiz/bank/index.js",
                   "assets/quiz/bank/hebei-measures.js", "assets/quiz/loader.js"):
        assert f"{top}/{needed}" in names, needed
    # the pages run Pyodide from the payload scripts only: no http runtime files, no full stdlib
    assert not [n for n in names if n.startswith(f"{top}/assets/pyodide/")]
    assert not [n for n in names if "python_stdlib" in n]
    # a host's compressed siblings are for http servers, not for the copy
    assert not [n for n in names if n.endswith((".gz", ".br"))]
    assert f"{top}/assets/offline-pyodide/data-{STDLIB_NAME}.js" in names
    # no service worker or manifest in the file:// copy: nothing could use them there
    assert f"{top}/sw.js" not in names and f"{top}/manifest.webmanifest" not in names
    # no iframe-worker shim: nothing starts Material's search worker
    assert not [n for n in names if "iframe-worker" in n]


def test_offline_pages_preload_no_runtime_file(offline_zip):
    """The copy runs Pyodide from its payload scripts: a runtime preload (overrides/main.html) would ask
    file:// for assets/pyodide/, which the copy does not have."""
    top = offline_zip.stem
    with zipfile.ZipFile(offline_zip) as zf:
        for rel in ("tools/attendance.html", "diary/index.html"):
            text = zf.read(f"{top}/{rel}").decode("utf-8")
            assert 'class="zc-calc"' in text or 'class="zd-diary"' in text, rel
            assert "data-runtime-preload" not in text and 'rel="preload"' not in text, rel


def test_hooks_tell_the_offline_build_by_its_config_not_a_plugin_class():
    from mkdocs.config import load_config

    assert config.is_offline_build(load_config(config_file=str(config.OFFLINE_CONFIG)))
    assert not config.is_offline_build(load_config(config_file=str(ROOT / "mkdocs.yml")))
