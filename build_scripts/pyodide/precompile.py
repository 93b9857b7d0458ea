"""The shipped standard library as bytecode: each module of the trimmed archive compiled once, at
build time, by the pinned Pyodide's own interpreter under Node (precompile.mjs), and stored as a
sourceless `.pyc` (unchecked hash-based, PEP 552) in place of its `.py`.

Why: at start-up Python imports ~150 standard-library modules; from sources it compiles each one,
in WebAssembly, on every page load. Measured under Node on the build machine (3 alternating runs):
about 1.5 s of CPU for a start from the bytecode archive against 3.2 s from the sources. Tracebacks keep
their file names and line numbers, not the source lines (the pages never show tracebacks).

What the bytecode holds (OPTIMIZE, RUNNER_ENV), measured on the trimmed archive (brotli 11 of the stored
archive, what a phone downloads; 2026-12-02):

    all sources (.py)                                     0.67 MB
    bytecode as `python` writes it                        1.23 MB
    bytecode, optimize=2 (no docstrings, no asserts)      1.05 MB
    bytecode, no column ranges (PYTHONNODEBUGRANGES)      0.96 MB
    both (what ships)                                     0.78 MB

Column ranges are the start/end columns of every instruction, only used to underline the failing
expression in a traceback (`^^^^`); line numbers stay. Docstrings and asserts of the standard library
are what `python -OO` drops; the calculators wheel is not compiled here and keeps its own.
The result is cached in .cache/pyodide/compiled/, keyed by the input archive's and the pinned
runtime's hashes, so Node runs only when the trimmed archive or the Pyodide pin changes.

The shipped archive stores its members uncompressed (`stored`): the host's brotli sibling of the whole
archive is then 0.78 MB against 1.17 MB for the deflated archive (which brotli cannot shrink), about 2 s
less on a 1.6 Mbps phone link (gzip: 1.06 MB). Only a host that sends no compression at all moves more
(3.4 MB); build_scripts/serve/ shows how to send the siblings. The offline copy, which no host compresses,
carries the archive deflated again (`repacked(..., ZIP_DEFLATED)`).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from . import vendor

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "precompile.mjs"

# How the bytecode is made (see the module doc): optimize=2 (`python -OO`: no docstrings, no asserts) and,
# in the runner's environment, no column ranges in the location tables (line numbers are kept).
OPTIMIZE = 2
RUNNER_ENV = {"PYTHONNODEBUGRANGES": "1"}

# Runs inside Pyodide: /tmp/in.zip → /tmp/out.zip, same member order and fixed timestamps.
PRECOMPILE = r'''
import importlib.util, sys, zipfile
assert not sys.flags.ignore_environment  # PYTHONNODEBUGRANGES must reach compile()
from importlib._bootstrap_external import _code_to_hash_pyc
src = zipfile.ZipFile("/tmp/in.zip")
with zipfile.ZipFile("/tmp/out.zip", "w") as dst:
    for info in src.infolist():
        data = src.read(info)
        if info.filename.endswith(".py"):
            code = compile(data, "PREFIX" + info.filename, "exec", dont_inherit=True, optimize=OPTIMIZE)
            data = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False))
            info = zipfile.ZipInfo(info.filename + "c", date_time=info.date_time)
            info.create_system, info.external_attr, info.compress_type = 3, 0o644 << 16, zipfile.ZIP_DEFLATED
        if info.is_dir():
            dst.writestr(info, b"")
        else:
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
'''


def cache_dir() -> Path:
    return vendor.cache_dir() / "compiled"


STDLIB_PREFIX = "/lib/python314.zip/"           # where the interpreter finds the archive
SITE_PACKAGES = "/lib/python3.14/site-packages/"  # where Pyodide installs a wheel


def compile_archive(archive: bytes, optimize: int = OPTIMIZE, prefix: str = STDLIB_PREFIX) -> bytes:
    """The archive with every .py replaced by its .pyc (cached); file names in tracebacks start with prefix."""
    pin = vendor.load_pin()
    recipe = PRECOMPILE.replace("OPTIMIZE", str(int(optimize))).replace("PREFIX", prefix)
    key = hashlib.sha256(archive + pin.integrity.encode() + recipe.encode() + repr(RUNNER_ENV).encode()).hexdigest()[:24]
    cached = cache_dir() / f"{key}.zip"
    if cached.exists():
        return repacked(cached.read_bytes())
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is needed to compile the standard library to bytecode (build_scripts/dev_env.sh)")
    with tempfile.TemporaryDirectory() as tmp:
        src, out, code = Path(tmp) / "in.zip", Path(tmp) / "out.zip", Path(tmp) / "precompile.py"
        src.write_bytes(archive)
        code.write_text(recipe, encoding="utf-8")
        r = subprocess.run([node, str(RUNNER), str(vendor.unpacked(pin)), str(src), str(out), str(code),
                            json.dumps(RUNNER_ENV)],
                           capture_output=True, text=True, timeout=900)
        if r.returncode != 0 or not out.exists():
            raise RuntimeError(f"precompile.mjs failed:\n{r.stderr[-3000:]}")
        data = out.read_bytes()
    check(archive, data)
    cache_dir().mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return repacked(data)


def compiled_files(files: dict[str, bytes], optimize: int = 0, prefix: str = SITE_PACKAGES) -> dict[str, bytes]:
    """{path: bytes} with every `x.py` replaced by a sourceless `x.pyc` beside it (the calculators wheel:
    optimize 0 keeps its docstrings and asserts), everything else as it is."""
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(files):
            zf.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), files[name])
    out = zipfile.ZipFile(BytesIO(compile_archive(buf.getvalue(), optimize, prefix)))
    return {name: out.read(name) for name in out.namelist()}


def repacked(archive: bytes, compress_type: int = zipfile.ZIP_STORED) -> bytes:
    """The same archive, members in the same order with the same names and times, stored (default) or
    deflated at level 9."""
    src = zipfile.ZipFile(BytesIO(archive))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", compress_type) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info), compress_type=compress_type, compresslevel=9)
    return out.getvalue()


def check(source: bytes, compiled: bytes) -> None:
    """Every module is there, as bytecode only."""
    before = set(zipfile.ZipFile(BytesIO(source)).namelist())
    after = set(zipfile.ZipFile(BytesIO(compiled)).namelist())
    want = {n + "c" if n.endswith(".py") else n for n in before}
    if after != want:
        raise RuntimeError(f"compiled archive differs from its source: {sorted(after ^ want)[:5]}")
