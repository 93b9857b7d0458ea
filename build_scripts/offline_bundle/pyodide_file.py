"""Write the file:// Pyodide pieces into a built site (offline build only):
assets/offline-pyodide/ (classic loader, classic factory, lock, base64 payloads) and the
calculator pages' import maps (calc_pages); then remove assets/pyodide/.

The offline copy's calculator pages run Pyodide from these payload scripts whatever the protocol
(file:// when double-clicked, http if someone serves the folder), so the http runtime files the
online site ships in assets/pyodide/ (pyodide.asm.wasm, the standard library, the wheel: the same
bytes again, unencoded) would only double the zip. The payloads are made from them first.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from build_scripts.offline_bundle import calc_pages, pyodide_classic, pyodide_payload
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
    for name in ["pyodide.asm.wasm", stdlib, *wheels]:
        scripts[f"data-{name}.js"] = pyodide_payload.data_script(name, files[name])
    listed = []
    for name, text in scripts.items():
        (out / name).write_text(text, encoding="utf-8")
        listed.append({"name": name, "bytes": len(text.encode("utf-8"))})
    imports = calc_pages.import_map(site / "assets" / "calculators")
    pages = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if any(entry in text for entry in calc_pages.ENTRY_SCRIPTS):
            page.write_text(calc_pages.page_html(text, imports, listed, stdlib), encoding="utf-8")
            pages.append(page.relative_to(site).as_posix())
    shutil.rmtree(site / HTTP_RUNTIME, ignore_errors=True)
    return {"scripts": listed, "pages": pages, "stdlib": stdlib}
