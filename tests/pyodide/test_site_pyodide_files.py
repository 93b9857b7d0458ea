"""site/assets/pyodide/ holds exactly what the calculator pages load, nothing more: every file
there costs each phone its PWA precache bytes (the service worker precaches the whole site).

What the pages load, read from the sources that decide it: the loader the worker imports
(pyodide-config.mjs LOADER, in the runtime's folder: runtime-client.mjs sends its URL), the two files that loader fetches itself (its Emscripten
factory and the wasm), the lock file and the standard library named in pyodide-config.mjs, and
every wheel the site's lock names. In particular not Pyodide's full python_stdlib.zip, which the
build reads from the vendored cache only. The browser test (test_calculator_pages.py) checks the
same set against the requests a real calculator page makes."""

from __future__ import annotations

import json
import re

from build_scripts.pyodide import stdlib, vendor
from pyodide_support import ROOT

ASSETS = ROOT / "docs" / "assets" / "calculators"
LOADER_FETCHES = {"pyodide.asm.mjs", "pyodide.asm.wasm"}  # pyodide.mjs loads these from its indexURL


def loaded_by_pages(pyodide_dir) -> set[str]:
    client = (ASSETS / "runtime-client.mjs").read_text(encoding="utf-8")
    config = (ASSETS / "pyodide-config.mjs").read_text(encoding="utf-8")
    imported = set(re.findall(r'export const LOADER = "([\w.-]+)";', config))
    assert imported == {"pyodide.mjs"}, imported
    assert "this.modules[LOADER] = new URL(LOADER, config.indexURL).href;" in client
    (std,) = re.findall(r'export const STDLIB = "([^"]+)";', config)
    assert "lockFileURL: `${index}pyodide-lock.json" in config
    lock = json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    wheels = {p["file_name"] for p in lock["packages"].values()}
    return imported | LOADER_FETCHES | {std, "pyodide-lock.json"} | wheels


def test_site_pyodide_dir_holds_exactly_what_pages_load(built_site):
    pyodide_dir = built_site / "assets" / "pyodide"
    present = {p.name for p in pyodide_dir.iterdir()
               if not p.name.endswith((".gz", ".br"))}  # a host's compressed siblings of the same files
    expected = loaded_by_pages(pyodide_dir)
    assert stdlib.UPSTREAM_NAME not in present, "the full standard library is shipped again"
    assert present == expected, f"not loaded by any page: {sorted(present - expected)}; " \
                                f"missing: {sorted(expected - present)}"


def test_full_stdlib_comes_from_the_cache_only():
    assert stdlib.UPSTREAM_NAME in vendor.load_pin().files  # vendored: the trimming reads it
    assert stdlib.UPSTREAM_NAME not in vendor.shipped_runtime()
    assert stdlib.upstream_archive().parent == vendor.unpacked()


def test_rebuilding_into_a_used_dir_removes_what_is_not_shipped(tmp_path):
    from build_scripts.pyodide.site_files import bundle, write_pyodide_dir

    (tmp_path / stdlib.UPSTREAM_NAME).write_bytes(b"old")
    (tmp_path / "zhucun_calculators-0.0.1+gold-py3-none-any.whl").write_bytes(b"old")
    manifest = write_pyodide_dir(tmp_path, bundle())
    assert {p.name for p in tmp_path.iterdir()} == loaded_by_pages(tmp_path) == set(manifest["bytes"])
