"""The offline build's configuration and archive, without a browser."""

from __future__ import annotations

import re
import zipfile

import yaml

from build_scripts.offline_bundle import archive, config, vendor
from build_scripts.pyodide.stdlib import STDLIB_NAME
from tests.conftest import ROOT


def _parent():
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def test_offline_config_extends_mkdocs_yml():
    child = yaml.safe_load(config.effective_yaml())
    parent = _parent()
    assert child["INHERIT"] == "mkdocs.offline.yml"
    assert yaml.safe_load(config.OFFLINE_CONFIG.read_text(encoding="utf-8"))["INHERIT"] == "mkdocs.yml"
    assert child["plugins"][:-1] == parent["plugins"] and child["plugins"][-1] == "offline"
    assert child["hooks"][: len(parent["hooks"])] == parent["hooks"]
    assert child["hooks"][-1] == config.OFFLINE_HOOK
    assert not any(f.startswith("navigation.instant") for f in child["theme"]["features"])


def test_offline_plugin_exists_in_installed_material():
    from material.plugins.offline.plugin import OfflinePlugin
    import inspect
    source = inspect.getsource(OfflinePlugin)
    # it adds a CDN copy of iframe-worker unless a polyfill naming it is configured: ours is
    assert 'if not any("iframe-worker" in url' in source
    polyfills = yaml.safe_load(config.OFFLINE_CONFIG.read_text(encoding="utf-8"))["extra"]["polyfills"]
    assert polyfills == [vendor.load_pin().site_path]


def test_vendored_shim_matches_pin():
    data = vendor.shim_bytes()
    assert b"IFrameWorker" in data and b'location.protocol==="file:"' in data


def test_zip_name_size_and_layout(offline_zip):
    assert re.fullmatch(rf"zhucun-kb-{re.escape(archive.project_version())}-\d{{8}}\.zip", offline_zip.name)
    size = offline_zip.stat().st_size
    print(f"\noffline zip: {offline_zip.name} {size / 1e6:.2f} MB")
    assert size <= 25_000_000
    with zipfile.ZipFile(offline_zip) as zf:
        names = set(zf.namelist())
    top = offline_zip.stem
    assert all(n.startswith(top + "/") for n in names)
    for needed in ("index.html", "search/index.js", "assets/search/engine.js", vendor.load_pin().site_path,
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


def test_hooks_tell_the_offline_build_by_its_config_not_a_plugin_class():
    from mkdocs.config import load_config

    assert config.is_offline_build(load_config(config_file=config.config_stream()))
    assert not config.is_offline_build(load_config(config_file=str(ROOT / "mkdocs.yml")))
