"""The files the site ships in assets/pyodide/, as bytes: the vendored runtime files, the trimmed
standard library, the calculators wheel and the site's lock file. The Pyodide hook writes them; the
calculator pages carry their manifest (length and SHA-256 of each), against which the worker checks
its downloads and tells a cut or altered file from a network failure (docs/assets/calculators/)."""

from __future__ import annotations

import hashlib
import json

from . import artifacts, lockfile, precompile, stdlib, vendor

# What the worker fetches (and counts for "下载运行环境 x/y MB"); pyodide.mjs and pyodide.asm.mjs are
# loaded as modules.
FETCHED = ("pyodide.asm.wasm", stdlib.STDLIB_NAME, "pyodide-lock.json")


def site_files() -> dict[str, bytes]:
    pin = vendor.load_pin()
    src = vendor.unpacked(pin)
    files = {name: (src / name).read_bytes() for name in vendor.shipped_runtime(pin)}
    files[stdlib.STDLIB_NAME] = precompile.compile_archive(stdlib.trimmed_archive())
    wheel = artifacts.calculators_wheel()
    files[wheel.filename] = wheel.data
    upstream = json.loads(vendor.upstream_file("pyodide-lock.json", pin).read_text(encoding="utf-8"))
    files["pyodide-lock.json"] = lockfile.dumps(lockfile.site_lock(upstream, wheel)).encode("utf-8")
    return files


def manifest(files: dict[str, bytes]) -> dict:
    """{"total": bytes the worker fetches, "files": {name: {"bytes", "sha256"}}}."""
    fetched = [n for n in files if n in FETCHED or n.endswith(".whl")]
    return {
        "total": sum(len(files[n]) for n in fetched),
        "files": {n: {"bytes": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in sorted(files.items())},
    }
