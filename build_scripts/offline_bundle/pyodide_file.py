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
import re
import shutil
import zipfile
from pathlib import Path

from build_scripts.offline_bundle import calc_pages, pyodide_classic, pyodide_payload
from build_scripts.offline_bundle.pyodide_classic import RewriteError
from build_scripts.pyodide import precompile

OUT = "assets/offline-pyodide"
HTTP_RUNTIME = "assets/pyodide"
STDLIB_CONST = re.compile(r'export const STDLIB = "([^"]+)"')


def stdlib_name(site: Path) -> str:
    """The standard library archive the http pages load (pyodide-config.mjs STDLIB, the trimmed one
    the build writes); there is no other to fall back to: the site does not ship Pyodide's own."""
    config = site / "assets" / "calculators" / "pyodide-config.mjs"
    match = STDLIB_CONST.search(config.read_text(encoding="utf-8")) if config.exists() else None
    if match is None:
        raise RewriteError(f"{config}: no `export const STDLIB = \"…\"`: which standard library do the pages load?")
    if not (site / HTTP_RUNTIME / match.group(1)).exists():
        raise RewriteError(f"{HTTP_RUNTIME}/{match.group(1)} (pyodide-config.mjs STDLIB) is not in the built site")
    return match.group(1)


def write(site: Path, pinned_version: str) -> dict:
    pyodide_classic.check_version(pinned_version)
    src = site / HTTP_RUNTIME
    out = site / OUT
    out.mkdir(parents=True, exist_ok=True)
    lock_text = (src / "pyodide-lock.json").read_text(encoding="utf-8")
    wheels = [p["file_name"] for p in json.loads(lock_text)["packages"].values()]
    scripts = {
        "pyodide.js": pyodide_classic.classic_loader((src / "pyodide.mjs").read_text(encoding="utf-8")),
        "pyodide.asm.js": pyodide_classic.classic_asm(
            (src / "pyodide.asm.mjs").read_text(encoding="utf-8"),
            'new URL("../pyodide/pyodide.asm.mjs",document.currentScript.src).href'),
        "lock.js": pyodide_payload.lock_script(lock_text),
    }
    stdlib = stdlib_name(site)
    for name in ["pyodide.asm.wasm", stdlib, *wheels]:
        data = (src / name).read_bytes()
        if name == stdlib:   # stored for the host's brotli online; nothing compresses it in the copy
            data = precompile.repacked(data, zipfile.ZIP_DEFLATED)
        scripts[f"data-{name}.js"] = pyodide_payload.data_script(name, data)
    listed = []
    for name, text in scripts.items():
        (out / name).write_text(text, encoding="utf-8")
        listed.append({"name": name, "bytes": len(text.encode("utf-8"))})
    imports = calc_pages.import_map(site / "assets" / "calculators")
    pages = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "assets/calculators/page.mjs" in text:
            page.write_text(calc_pages.page_html(text, imports, listed, stdlib), encoding="utf-8")
            pages.append(page.relative_to(site).as_posix())
    shutil.rmtree(src)
    return {"scripts": listed, "pages": pages, "stdlib": stdlib}
