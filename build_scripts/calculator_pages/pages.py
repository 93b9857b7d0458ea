"""The calculator pages as {src_uri: Markdown}: tools/index.md and one page per calculator from
calculators.engine.describe(), with the runtime manifest and the version token their scripts use."""

from __future__ import annotations

import hashlib
from pathlib import Path

from build_scripts.calculator_pages import download_size, render, spec
from build_scripts.pyodide import artifacts, site_files, stdlib, vendor

ASSET_DIR = "assets/calculators"


def describe() -> dict:
    return artifacts.import_calculators("calculators.engine").describe()


def version_token(docs_dir: Path) -> str:
    """Changes whenever a runtime file (the wheel, the standard library and how it is compiled), the
    Pyodide pin or any calculator asset changes."""
    h = hashlib.sha256()
    for name, f in sorted(site_files.bundle().manifest["files"].items()):
        h.update(name.encode() + f["sha256"].encode())
    h.update(vendor.load_pin().integrity.encode())
    h.update(stdlib.MODULE_LIST.read_bytes() + repr(stdlib.MARGIN).encode())
    for p in sorted((docs_dir / ASSET_DIR).glob("*")):
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()[:10]


def runtime_manifest() -> dict:
    """What the worker downloads (total bytes, for the progress line) and the length and SHA-256 of
    every runtime file, which the worker checks its downloads against."""
    return site_files.bundle().manifest


def runtime_sizes() -> dict[str, int]:
    """What a page loading the runtime downloads, compressed and not (download_size)."""
    return download_size.sizes(site_files.bundle().files)


def generated_pages(docs_dir: Path) -> dict[str, str]:
    specs = spec.calculator_specs(describe())
    token = version_token(docs_dir)
    runtime, sizes = runtime_manifest(), runtime_sizes()
    pages = {f"{spec.FOLDER}/{s.slug}.md": render.calculator_page(s, token, runtime, sizes) for s in specs}
    pages[f"{spec.FOLDER}/index.md"] = render.index_page(specs, sizes)
    return pages
