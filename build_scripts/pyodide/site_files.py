"""The runtime bundle: the files the site ships in assets/pyodide/, as bytes: the vendored runtime
files, the trimmed standard library, the calculators wheel and the site's lock file, with their
manifest (length and SHA-256 of each), against which the worker checks its downloads and tells a cut
or altered file from a network failure (docs/assets/calculators/).

Built once per build and passed forward: `bundle()` builds it the first time its inputs are asked
for and logs that; every later call with the same inputs (the calculator pages, the Pyodide hook's
writer, the offline step) gets the same object. The inputs are fingerprinted (the calculators
package and its rule sets, documents.yml, the Pyodide pin, the standard-library list), so
`mkdocs serve` rebuilds it when one of them changes and not otherwise.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from . import artifacts, lockfile, precompile, stdlib, vendor

log = logging.getLogger("mkdocs.hooks.pyodide")

# What the worker fetches (and counts for the progress line, "下载运行环境：已完成 N%"); pyodide.mjs and pyodide.asm.mjs are
# loaded as modules.
FETCHED = ("pyodide.asm.wasm", stdlib.STDLIB_NAME, "pyodide-lock.json")


@dataclass(frozen=True)
class RuntimeBundle:
    files: dict[str, bytes]   # name in assets/pyodide/ -> bytes
    wheel: str                # the calculators wheel's file name
    wheel_sha256: str
    stdlib: str               # the trimmed standard library's file name
    pyodide: str              # the pinned Pyodide version

    @property
    def manifest(self) -> dict:
        return manifest(self.files)


def site_files() -> dict[str, bytes]:
    return bundle().files


def build_bundle() -> RuntimeBundle:
    """Build every runtime file (the wheel and the trimmed, precompiled standard library included)."""
    pin = vendor.load_pin()
    src = vendor.unpacked(pin)
    files = {name: (src / name).read_bytes() for name in vendor.shipped_runtime(pin)}
    files[stdlib.STDLIB_NAME] = precompile.compile_archive(stdlib.trimmed_archive())
    wheel = artifacts.calculators_wheel()
    files[wheel.filename] = wheel.data
    upstream = json.loads(vendor.upstream_file("pyodide-lock.json", pin).read_text(encoding="utf-8"))
    files["pyodide-lock.json"] = lockfile.dumps(lockfile.site_lock(upstream, wheel)).encode("utf-8")
    return RuntimeBundle(files, wheel.filename, wheel.sha256, stdlib.STDLIB_NAME, pin.version)


def inputs_fingerprint() -> str:
    """SHA-256 over every file the bundle is made from (besides the vendored npm tarball, which the
    pin's integrity names)."""
    root = artifacts.ROOT
    paths = [p for p in sorted((root / "calculators").rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts and p.name != "rules_compiled.json"]
    paths += [root / "build_scripts/corpus/documents.yml", root / "pyproject.toml", stdlib.MODULE_LIST]
    h = hashlib.sha256(repr(stdlib.MARGIN).encode() + repr(vendor.load_pin()).encode())
    for p in paths:
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + (p.read_bytes() if p.exists() else b"-"))
    return h.hexdigest()


_built: dict[str, RuntimeBundle] = {}


def bundle() -> RuntimeBundle:
    """The runtime bundle for the current inputs, built at most once for them (logged when built)."""
    key = inputs_fingerprint()
    if key not in _built:
        _built.clear()
        made = build_bundle()
        _built[key] = made
        log.info("runtime bundle built: %s, %s (%d files, %.1f MB)", made.wheel, made.stdlib, len(made.files),
                 sum(map(len, made.files.values())) / 1e6)
    return _built[key]


def manifest(files: dict[str, bytes]) -> dict:
    """{"total": bytes the worker fetches, "files": {name: {"bytes", "sha256"}}}."""
    fetched = [n for n in files if n in FETCHED or n.endswith(".whl")]
    return {
        "total": sum(len(files[n]) for n in fetched),
        "files": {n: {"bytes": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in sorted(files.items())},
    }


def write_pyodide_dir(dest: Path, made: RuntimeBundle) -> dict:
    """The bundle's files into dest; returns a small manifest (names, sizes).

    Nothing else: the upstream python_stdlib.zip stays in the vendored cache (what needs the full
    archive, the trimming trace and the benchmark's bare page, reads it from there), and any other
    file already in dest (an older wheel, an older build's files) is removed, so dest holds exactly
    what the calculator pages load (tests/pyodide/test_site_pyodide_files.py)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name, data in made.files.items():
        (dest / name).write_bytes(data)
    for old in dest.iterdir():
        if old.is_file() and old.name not in made.files:
            old.unlink()
    return {
        "pyodide": made.pyodide,
        "wheel": made.wheel,
        "sha256": made.manifest["files"][made.wheel]["sha256"],
        "bytes": {p.name: p.stat().st_size for p in sorted(dest.iterdir()) if p.is_file()},
    }
