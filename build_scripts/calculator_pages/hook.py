"""MkDocs hook: generate tools/index.md and one page per calculator from describe().

The pages are virtual files (File.generated); they replace a file of the same name in
docs/tools/ (a placeholder there is overridden, with a log line). The calculator scripts are linked from the page content only, so no other
page loads them.

mkdocs.yml:  hooks: [build_scripts/calculator_pages/hook.py]
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from mkdocs.structure.files import File

from build_scripts.calculator_pages import render, spec
from build_scripts.pyodide import artifacts, site_files, stdlib, vendor

log = logging.getLogger("mkdocs.hooks.calculator_pages")
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


def generated_pages(docs_dir: Path) -> dict[str, str]:
    try:
        fields_module = artifacts.import_calculators("calculators.fields")
    except ImportError:
        fields_module = None
    specs = spec.calculator_specs(describe(), fields_module)
    names = spec.document_short_names()
    token = version_token(docs_dir)
    runtime = runtime_manifest()
    pages = {f"tools/{s.slug}.md": render.calculator_page(s, names, token, runtime) for s in specs}
    pages["tools/index.md"] = render.index_page(specs, runtime["total"])
    return pages


def on_files(files, config, **kwargs):
    docs_dir = Path(config["docs_dir"])
    for src_uri, content in generated_pages(docs_dir).items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            log.info("%s: generated page replaces docs/%s", src_uri, src_uri)
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    return files
