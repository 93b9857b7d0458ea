"""The offline copy's memory snapshot: the interpreter's memory right after Python has started,
made at build time by the pinned Pyodide under Node (snapshot.mjs) and carried gzipped in a payload
script. The page hands it to loadPyodide (`_loadSnapshot`, docs/assets/calculators/page-runtime.mjs), which
then skips starting Python: the start-up runs on the page's own thread from file://, and WebKit runs that
first stretch of WebAssembly several times slower than Chromium (measured 2026-12-02, WebKitGTK 2.50,
warm: Python's start 2.1–2.6 s against 0.5–0.6 s in Chromium; with the snapshot 0.1 s in each). The
standard library modules the calculators and the wheel's installation import are imported before the
snapshot is taken (snapshot.mjs finds them), so they are in it too.

The snapshot must match the carried runtime byte for byte: the wasm and its JS (Pyodide checks its build id),
and the standard library archive (the interpreter keeps the archive's table of contents in memory), so it
is made from the same bytes the copy carries and cached under their hash. 31 MB of memory, 12 MB without
its pages of zeros (`packed`), 4.3 MB gzipped.
What a snapshot fixes at build time: the state of modules imported at start-up, among them `random`'s seed
and `time`'s zone constants (`time.timezone`, `tzname`: the build machine's); the calculators use neither
(the diary gets today's date from the page, and local time is asked of the browser when it is needed).
Only the offline copy uses it: online, 4 MB more on a phone link costs more than the start it saves
(docs/performance.md, 内存快照).
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

from build_scripts.pyodide import vendor

ENGINE = "calculators.engine"         # pyodide-config.mjs ENGINE
DIARY_MODULE = "calculators.diary"    # boot.mjs DIARY_MODULE

HERE = Path(__file__).resolve().parent
RUNNER = HERE / "snapshot.mjs"
NAME = "pyodide-snapshot.bin.gz"   # the name page-runtime.mjs looks for among the carried files
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
# What the pages import: the standard library modules these bring in (and installing the wheel does) are
# imported before the snapshot is taken, so the page does not import them again.
MODULES = (ENGINE, DIARY_MODULE)


PAGE = 65536  # WebAssembly's page


def packed(memory: bytes) -> bytes:
    """The memory without its pages of zeros (about 60% of them, and gunzip's time goes with what it
    writes): total length and page size (uint32 LE), one byte per page (1: carried), then the carried
    pages in order (page-runtime.mjs `unpacked`)."""
    pages = [memory[i:i + PAGE] for i in range(0, len(memory), PAGE)]
    kept = [any(page) for page in pages]
    return (struct.pack("<II", len(memory), PAGE) + bytes(kept)
            + b"".join(page for page, keep in zip(pages, kept) if keep))


def make(files: dict[str, bytes], stdlib: bytes, wheel: str) -> bytes:
    """The gzipped snapshot for these runtime files (RUNTIME), this standard library archive and the
    standard library modules the calculators (`wheel`, MODULES) import (cached)."""
    digest = hashlib.sha256(RUNNER.read_bytes() + Path(__file__).read_bytes())  # how it is made, MODULES too
    for data in [*(files[name] for name in RUNTIME), stdlib, files[wheel]]:
        digest.update(hashlib.sha256(data).digest())
    cached = vendor.cache_dir() / "snapshot" / f"{digest.hexdigest()[:24]}.bin.gz"
    if cached.exists():
        return cached.read_bytes()
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is needed to make the offline copy's memory snapshot (build_scripts/dev_env.sh)")
    with tempfile.TemporaryDirectory() as tmp:
        for name in RUNTIME:
            (Path(tmp) / name).write_bytes(files[name])
        (Path(tmp) / "stdlib.zip").write_bytes(stdlib)
        (Path(tmp) / wheel).write_bytes(files[wheel])
        out = Path(tmp) / "snapshot.bin"
        r = subprocess.run([node, str(RUNNER), tmp, str(out), str(Path(tmp) / wheel), *MODULES],
                           capture_output=True, text=True, timeout=600)
        if r.returncode != 0 or not out.exists():
            raise RuntimeError(f"snapshot.mjs failed:\n{r.stderr[-3000:]}")
        data = gzip.compress(packed(out.read_bytes()), compresslevel=9, mtime=0)
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return data
