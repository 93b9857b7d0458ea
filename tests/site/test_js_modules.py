"""How the calculator pages address their modules (build_scripts/calculator_pages/modules.py): one
import map, online and offline, every module by its zc/ name; the worker the one module that imports
by URL (it has no import map), and what it and Node load imports nothing."""

from __future__ import annotations

import base64
import json
import re

import pytest

from build_scripts.calculator_pages import modules
from build_scripts.calculator_pages.modules import ModuleError

FOUND = modules.sources()
# loaded by URL: by the worker (protocol.mjs WORKER_MODULES) and by Node (parity runner, stdlib trace, input vectors)
WORKER_SIDE = {"protocol.mjs", "diagnose.mjs", "pyodide-config.mjs", "boot.mjs", "progress-fetch.mjs", "boot-watch.mjs"}
BY_NODE = {"pyodide-config.mjs", "boot.mjs", "checks.mjs"}


def test_worker_modules_are_the_ones_protocol_names():
    listed = re.search(r"export const WORKER_MODULES = \[([^\]]*)\]", FOUND["protocol.mjs"]).group(1)
    assert set(re.findall(r'"zc/([\w.-]+)"', listed)) == WORKER_SIDE


@pytest.mark.parametrize("name", sorted(WORKER_SIDE | BY_NODE))
def test_modules_loaded_by_url_import_nothing(name):
    assert modules._specifiers(FOUND[name]) == [], name


def test_relative_import_fails_the_build(tmp_path):
    for name, text in FOUND.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "form.mjs").write_text('import { checkInputs } from "./checks.mjs";\n', encoding="utf-8")
    with pytest.raises(ModuleError, match="form.mjs imports './checks.mjs'"):
        modules.sources(tmp_path)
    (tmp_path / "form.mjs").write_text('const x = await import(`./checks.mjs${q}`);\n', encoding="utf-8")
    with pytest.raises(ModuleError, match="zc/ name only"):
        modules.sources(tmp_path)
    (tmp_path / "form.mjs").write_text('import "zc/nowhere.mjs";\n', encoding="utf-8")
    with pytest.raises(ModuleError, match="not in"):
        modules.sources(tmp_path)


def test_online_map_names_every_module_with_the_token():
    imports = modules.online_map("../", "T0", FOUND)["imports"]
    assert set(imports) == {f"zc/{n}" for n in FOUND}
    assert all(url == f"../assets/calculators/{k[3:]}?v=T0" for k, url in imports.items())


def test_offline_map_has_the_same_names_as_data_urls():
    online = modules.online_map("../", "T0", FOUND)["imports"]
    offline = modules.offline_map(FOUND)["imports"]
    assert set(offline) == set(online)
    for key, url in offline.items():
        prefix = "data:text/javascript;charset=utf-8;base64,"
        assert url.startswith(prefix)
        assert base64.b64decode(url[len(prefix):]).decode("utf-8") == FOUND[key[3:]]  # not rewritten


def test_preloads_follow_the_imports_and_skip_the_page_thread_runtime():
    tags = modules.page_tags("../", "T0", "page.mjs", FOUND)
    preloaded = re.findall(r'modulepreload" href="\.\./assets/calculators/([\w.-]+)\?v=T0"', tags)
    assert {"runtime-client.mjs", "form.mjs", "checks.mjs", "result.mjs", "protocol.mjs"} <= set(preloaded)
    assert "page-runtime.mjs" not in preloaded and "worker.mjs" not in preloaded
    assert modules.entry_script("page.mjs", "../") in tags and '"zc/page.mjs"' in tags


def test_offline_page_replaces_map_and_runtime_only():
    online = ('<div class="zc-calc" ' + modules.runtime_attr(modules.online_runtime("../", "T0", {"total": 1, "files": {}}))
              + '></div>' + modules.page_tags("../", "T0", "page.mjs", FOUND))
    assert modules.is_calculator_page(online)
    runtime = modules.offline_runtime("../", [{"name": "pyodide.js", "bytes": 3}, {"name": "data-x.js", "bytes": 4}])
    out = modules.offline_page(online, modules.offline_map(FOUND), runtime)
    assert "modulepreload" not in out and "?v=T0" not in out
    attr = re.search(r'data-runtime="([^"]*)"', out).group(1)
    stated = json.loads(attr.replace("&quot;", '"'))
    assert stated == {"kind": "page", "base": "../assets/pyodide/", "scripts": "../assets/offline-pyodide/",
                      "total": 7, "files": {"pyodide.js": {"bytes": 3}, "data-x.js": {"bytes": 4}}}
    assert modules.entry_script("page.mjs", "../") in out and out.endswith(modules.no_modules_script(FOUND) + "\n")


def test_the_entry_loads_the_shim_only_without_import_maps():
    entry = modules.entry_script("diary-page.mjs", "../")
    native, shimmed = entry.split("else", 1)
    assert 'HTMLScriptElement.supports("importmap") && import.meta.resolve) import(entry)' in native
    assert "es-module-shims" not in native
    assert 'shim.src = "../assets/vendor/es-module-shims/es-module-shims.js?v=2.8.4"' in shimmed
    assert "shimMode: true" in shimmed and "importShim.addImportMap(map)" in shimmed and "importShim(entry)" in shimmed


def test_browsers_without_modules_get_status_texts_sentence():
    script = modules.no_modules_script(FOUND)
    said = re.search(r'case "unsupported":\s*return "([^"]+)";', FOUND["status-text.mjs"]).group(1)
    assert script.startswith("<script nomodule>") and json.dumps(said, ensure_ascii=False) in script
    assert said.startswith("这个浏览器不能运行计算环境") and not re.search(r"[A-Za-z]{4,}", said.replace("Chrome", "")
                                                                   .replace("Edge", "").replace("Firefox", "").replace("Safari", ""))
    assert not re.search(r"\b(const|let)\b|=>|`", script)  # runs in browsers older than ES2015
    with pytest.raises(ModuleError, match="unsupported"):
        modules.no_modules_script({**FOUND, "status-text.mjs": FOUND["status-text.mjs"].replace('"unsupported"', '"x"')})
