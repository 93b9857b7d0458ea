"""Derive the trimmed standard library's member list (stdlib_modules.txt) by tracing Pyodide.

Pyodide boots under Node through the worker's own boot code on the full upstream archive, installs the
calculators wheel and runs the whole calculator case table (trace_stdlib.mjs); every read the archive
serves is mapped to the member it falls in, plus every module left in sys.modules. Regenerate with

    python -m build_scripts.pyodide.stdlib_trace --write

Apart from stdlib.py (which builds the archive from the list) so that the archive builder, which the
site build needs, does not depend on the runtime files this trace boots from.
"""

from __future__ import annotations

import argparse
import bisect
import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import site_files
from .stdlib import HERE, MODULE_LIST, ROOT, STDLIB_NAME, UPSTREAM_NAME, list_text, trimmed_archive, upstream_archive

TRACER = HERE / "trace_stdlib.mjs"
CASES = ROOT / "tests" / "calculators" / "cases"  # the YAML case files, passed to the tracer as one JSON table


def members_read(data: bytes, reads: list[list[int]]) -> set[str]:
    """Archive members whose bytes a read started in (reads of the central directory,
    which zipimport scans once, belong to no member)."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    infos = sorted(zf.infolist(), key=lambda i: i.header_offset)
    starts = [i.header_offset for i in infos]
    end = _central_directory_offset(data)
    out = set()
    for pos, _length in reads:
        if pos >= end:
            continue
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and not infos[k].is_dir():
            out.add(infos[k].filename)
    return out


def _central_directory_offset(data: bytes) -> int:
    eocd = data.rfind(b"PK\x05\x06")
    if eocd < 0:
        raise ValueError("not a zip archive")
    return int.from_bytes(data[eocd + 16 : eocd + 20], "little")


def members_of_modules(names: set[str], archive_prefix: str, members: set[str]) -> set[str]:
    """Files under the archive path (`/lib/python314.zip/`) named by sys.modules entries."""
    out = set()
    for file in names:
        if file.startswith(archive_prefix):
            rel = file[len(archive_prefix):]
            if rel in members:
                out.add(rel)
    return out


def run_trace(pyodide_dir: Path, full_archive: Path, cases: Path = CASES) -> dict:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is needed to derive the standard-library list")
    if cases.is_dir():
        from calculators.selfcheck import load_cases

        table = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8")
        with table:
            json.dump({"cases": load_cases(cases)}, table, ensure_ascii=False)
        cases = Path(table.name)
    r = subprocess.run([node, str(TRACER), str(pyodide_dir), str(cases), str(full_archive)], capture_output=True,
                       text=True, timeout=600)
    if r.returncode != 0:
        raise RuntimeError(f"trace_stdlib.mjs failed:\n{r.stderr[-4000:]}")
    return json.loads(r.stdout)


def derive(pyodide_dir: Path | None = None) -> list[str]:
    """The sorted member list, measured: Pyodide booted from a dir laid out like
    site/assets/pyodide/ (made in a temporary directory when not given), but on the full upstream
    archive read from the vendored cache."""
    if pyodide_dir is None:
        with tempfile.TemporaryDirectory() as tmp:
            site_files.write_pyodide_dir(Path(tmp), site_files.bundle())
            return derive(Path(tmp))
    full = upstream_archive()
    data = full.read_bytes()
    trace = run_trace(pyodide_dir, full)
    members = {i.filename for i in zipfile.ZipFile(io.BytesIO(data)).infolist() if not i.is_dir()}
    found = members_read(data, trace["reads"])
    found |= members_of_modules({f for _n, f in trace["modules"]}, trace["archive"] + "/", members)
    return sorted(found)



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="derive the standard-library list / report the trimmed archive")
    ap.add_argument("--write", action="store_true", help=f"rewrite {MODULE_LIST.name} from a fresh trace")
    args = ap.parse_args(argv)
    if args.write:
        derived = derive()
        MODULE_LIST.write_text(list_text(derived), encoding="utf-8")
        print(f"wrote {MODULE_LIST} ({len(derived)} members)")
    data = trimmed_archive()
    upstream = upstream_archive().stat().st_size
    print(f"{STDLIB_NAME}: {len(data)} bytes ({len(data) / upstream:.0%} of {UPSTREAM_NAME}, {upstream} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
