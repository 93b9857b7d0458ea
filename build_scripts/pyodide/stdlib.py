"""A trimmed standard-library archive: only what Pyodide's start-up and the calculators use.

Pyodide's python_stdlib.zip (2.5 MB) holds the whole standard library; the calculator pages
need about a third of it. The site ships `zhucun-stdlib.zip` instead (loadPyodide's
`stdLibURL`, see docs/assets/calculators/pyodide-config.mjs), built here from the vendored
upstream archive and two lists:

* `stdlib_modules.txt` (committed, DERIVED): the archive members read while Pyodide boots
  under Node through the worker's own boot code with the full archive, installs the
  calculators wheel and runs everything the page can ask of Python (trace_stdlib.mjs):
  every read Emscripten's file system serves from the archive, mapped to the member it
  falls in, plus every module left in sys.modules. Regenerate it with

      python -m build_scripts.pyodide.stdlib_trace --write

  tests/pyodide/test_trimmed_stdlib.py regenerates it and fails when the committed copy is
  stale.
* `MARGIN` below (hand-kept): a safety margin of modules the trace may not reach on every
  browser or input (codecs, importlib internals, json, re, datetime, tracebacks, ...).

The archive is deterministic: members in sorted order, a fixed timestamp, fixed permissions,
deflate level 9, so the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
STDLIB_NAME = "zhucun-stdlib.zip"  # never the upstream name: python_stdlib.zip is the full archive
UPSTREAM_NAME = "python_stdlib.zip"
MODULE_LIST = HERE / "stdlib_modules.txt"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

# Modules kept whether or not the trace reaches them (~60 kB compressed). A dotted name keeps
# one module; a package name keeps the whole package.
MARGIN: tuple[str, ...] = (
    # text codecs a locale, a BOM or a stray byte string may select (the CJK codecs themselves
    # are compiled into the interpreter; these are their thin wrappers). Not the 8-bit code
    # page tables (cp*, mac_*, iso8859_*: 290 kB), which nothing here decodes.
    *(f"encodings.{c}" for c in (
        "aliases", "utf_8", "utf_8_sig", "ascii", "latin_1", "cp437", "utf_16", "utf_16_le", "utf_16_be",
        "utf_32", "utf_32_le", "utf_32_be", "unicode_escape", "raw_unicode_escape", "charmap",
        "gbk", "gb2312", "gb18030", "hz", "big5", "big5hkscs", "idna", "punycode", "undefined")),
    "codecs", "stringprep",
    # the import system
    "importlib", "zipimport",
    # what the calculators and their JSON use, directly or on paths the case table may miss
    "json", "re", "datetime", "_pydatetime", "_strptime", "calendar", "decimal", "fractions", "numbers",
    "string", "textwrap", "copy", "dataclasses", "enum", "functools", "collections", "typing", "abc",
    "types", "operator", "keyword", "reprlib", "heapq", "bisect", "locale", "contextlib", "weakref",
    "_weakrefset", "warnings", "_py_warnings", "pathlib", "os", "posixpath", "genericpath", "stat",
    "io", "struct",
    # an exception crossing into JavaScript is formatted by traceback
    "traceback", "linecache", "tokenize", "token", "_colorize", "ast", "inspect", "dis", "opcode",
    "_opcode_metadata", "annotationlib",
    # Pyodide's own Python side, whole (browser-only paths the Node trace cannot reach)
    "_pyodide", "pyodide",
)


def upstream_archive() -> Path:
    """The full archive, in the vendored cache: the site never ships it."""
    from . import vendor

    return vendor.upstream_file(UPSTREAM_NAME)


def list_text(members: list[str]) -> str:
    head = (
        "# Standard-library members the site uses, DERIVED by build_scripts/pyodide/stdlib_trace.py\n"
        "# (trace_stdlib.mjs: Pyodide boot + wheel install + the whole case table under Node).\n"
        "# Do not edit: regenerate with `python -m build_scripts.pyodide.stdlib_trace --write`.\n"
        "# The hand-kept safety margin is MARGIN in stdlib.py; the archive holds both.\n"
    )
    return head + "".join(f"{m}\n" for m in members)


def read_list(path: Path = MODULE_LIST) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


# --- building the archive ------------------------------------------------------------------


def margin_members(members: list[str], margin: tuple[str, ...] = MARGIN) -> set[str]:
    out = set()
    for name in margin:
        path = name.replace(".", "/")
        out.update(m for m in members if m == f"{path}.py" or m.startswith(f"{path}/"))
    return out


def selection(upstream: bytes, derived: list[str]) -> list[str]:
    """Derived ∪ margin ∪ every parent package's __init__.py and directory entry, sorted."""
    names = [i.filename for i in zipfile.ZipFile(io.BytesIO(upstream)).infolist()]
    available = set(names)
    missing = [m for m in derived if m not in available]
    if missing:
        raise ValueError(f"{MODULE_LIST.name} names members the upstream archive lacks: {missing[:5]}")
    chosen = set(derived) | margin_members(names)
    for m in list(chosen):
        parts = m.split("/")[:-1]
        for k in range(1, len(parts) + 1):
            pkg = "/".join(parts[:k])
            for extra in (f"{pkg}/", f"{pkg}/__init__.py"):
                if extra in available:
                    chosen.add(extra)
    return sorted(chosen)


def build_archive(upstream: bytes, derived: list[str]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(upstream))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in selection(upstream, derived):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.create_system = 3
            if name.endswith("/"):
                info.external_attr = (0o40755 << 16) | 0x10
                zf.writestr(info, b"")
            else:
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, src.read(name), compresslevel=9)
    return buf.getvalue()


def trimmed_archive() -> bytes:
    """The archive the site ships, from the vendored upstream archive and the committed list."""
    return build_archive(upstream_archive().read_bytes(), read_list())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
