"""Write the file:// Pyodide pieces into a built site (offline build only):
assets/offline-pyodide/ (classic loader, classic factory, lock, base64 payloads, among them the memory
snapshot of a started Python: snapshot.py); on the calculator pages, the offline import map and runtime statement (build_scripts/calculator_pages/modules.py: the
same module names as data: URLs, the runtime of kind "page"); then remove assets/pyodide/.

The offline copy's calculator pages run Pyodide from these payload scripts whatever the protocol
(file:// when double-clicked, http if someone serves the folder), so the http runtime files the
online site ships in assets/pyodide/ (pyodide.asm.wasm, the standard library, the wheel: the same
bytes again, unencoded) would only double the zip. The payloads are made from them first.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from build_scripts.calculator_pages import modules
from build_scripts.offline_bundle import pyodide_classic, pyodide_payload, snapshot
from build_scripts.pyodide import precompile
from build_scripts.pyodide.site_files import RuntimeBundle

OUT = "assets/offline-pyodide"
HTTP_RUNTIME = "assets/pyodide"
def write(site: Path, runtime: RuntimeBundle) -> dict:
    """The file:// pieces from the runtime bundle the build made (not read back from the site)."""
    pyodide_classic.check_version(runtime.pyodide)
    files = runtime.files
    out = site / OUT
    out.mkdir(parents=True, exist_ok=True)
    lock_text = files["pyodide-lock.json"].decode("utf-8")
    wheels = [p["file_name"] for p in json.loads(lock_text)["packages"].values()]
    scripts = {
        "pyodide.js": pyodide_classic.classic_loader(files["pyodide.mjs"].decode("utf-8")),
        "pyodide.asm.js": pyodide_classic.classic_asm(
            files["pyodide.asm.mjs"].decode("utf-8"),
            'new URL("../pyodide/pyodide.asm.mjs",document.currentScript.src).href'),
        "lock.js": pyodide_payload.lock_script(lock_text),
    }
    stdlib = runtime.stdlib
    # stored for the host's brotli online; nothing compresses it in the copy
    carried = {name: files[name] for name in ["pyodide.asm.wasm", stdlib, *wheels]}
    carried[stdlib] = precompile.repacked(files[stdlib], zipfile.ZIP_DEFLATED)
    carried[snapshot.NAME] = snapshot.make(files, carried[stdlib], runtime.wheel)
    for name, data in carried.items():
        scripts[f"data-{name}.js"] = pyodide_payload.data_script(name, data)
    listed = []
    for name, text in scripts.items():
        (out / name).write_text(text, encoding="utf-8")
        listed.append({"name": name, "bytes": len(text.encode("utf-8"))})
    imports = modules.offline_map(modules.sources(site / modules.ASSETS))
    pages = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if modules.is_calculator_page(text):
            rel = page.relative_to(site)
            runtime = modules.offline_runtime("../" * (len(rel.parts) - 1), listed)
            page.write_text(modules.offline_page(text, imports, runtime), encoding="utf-8")
            pages.append(rel.as_posix())
    shutil.rmtree(site / HTTP_RUNTIME, ignore_errors=True)
    return {"scripts": listed, "pages": pages, "stdlib": stdlib}
