"""Pyodide's two ES-module loader files as classic scripts, for file:// (no module imports there).

Checked against one pinned Pyodide release: every rewrite names the exact text it replaces and
must match exactly once, so an upgrade that moves any of it fails the build here with the name of
what moved (tests/offline/test_pyodide_rewrite.py runs this against the pinned package).

- pyodide.asm.mjs (Emscripten factory): `export default _createPyodideModule;` becomes a global,
  `globalThis.__zcCreatePyodideModule`, handed to loadPyodide's `createPyodideModule` option;
  its three `import.meta.url` (Node-only require, the script name, the default wasm path) point to
  where the module would have been.
- pyodide.mjs (loader): `export{<f> as loadPyodide,<v> as version};` becomes
  `globalThis.__zcLoadPyodide`; we also check the loader still honours `createPyodideModule` and
  `lockFileContents` and fetches the wasm and the standard library through `fetch` (our wrapper
  answers those with data: URLs).
"""

from __future__ import annotations

import re

PINNED_VERSION = "314.0.7"
URL_VAR = "__zcPyodideAsmURL"


class RewriteError(RuntimeError):
    pass


def _replace_once(source: str, old: str, new: str, what: str) -> str:
    n = source.count(old)
    if n != 1:
        raise RewriteError(f"pyodide {PINNED_VERSION} rewrite: expected 1 of {old!r} ({what}), found {n}; "
                           "Pyodide changed: re-check build_scripts/offline_bundle/pyodide_classic.py")
    return source.replace(old, new)


ASM_REWRITES = [
    ("createRequire(import.meta.url)", f"createRequire({URL_VAR})", "Node-only require"),
    ("var _scriptName=import.meta.url;", f"var _scriptName={URL_VAR};", "script name"),
    ('new URL("pyodide.asm.wasm",import.meta.url).href', f'new URL("pyodide.asm.wasm",{URL_VAR}).href',
     "default wasm location"),
    ("export default _createPyodideModule;", "globalThis.__zcCreatePyodideModule=_createPyodideModule;",
     "the factory export"),
]

LOADER_EXPORT = re.compile(r"export\{(\w+) as loadPyodide,(\w+) as version\};")
LOADER_MUST_CONTAIN = [
    ('var Y="' + PINNED_VERSION + '"', "the pinned version string"),
    ("if(e.createPyodideModule)return e.createPyodideModule", "the createPyodideModule option"),
    ("e.lockFileContents&&e.lockFileURL", "the lockFileContents option"),
    ('e.indexURL+"python_stdlib.zip"', "the standard library location"),
    ('_(e+"pyodide.asm.wasm")', "the wasm location"),
    ("response:fetch(n,t?{integrity:t}:{})", "binary files fetched through the global fetch"),
]


def check_version(version: str) -> None:
    if version != PINNED_VERSION:
        raise RewriteError(f"the file:// rewrite was checked against Pyodide {PINNED_VERSION}, the build pins "
                           f"{version}: re-check build_scripts/offline_bundle/pyodide_classic.py, then its PINNED_VERSION")


def classic_asm(source: str, module_url_expr: str) -> str:
    """pyodide.asm.mjs → a classic script defining globalThis.__zcCreatePyodideModule.
    module_url_expr: a JS expression for the URL the module would have had."""
    for old, new, what in ASM_REWRITES:
        source = _replace_once(source, old, new, what)
    if "import.meta" in source or re.search(r"(^|[;}\n])export\s", source):
        raise RewriteError(f"pyodide {PINNED_VERSION} rewrite: pyodide.asm.mjs still has import.meta or an export")
    return f"(function(){{var {URL_VAR}={module_url_expr};\n{source}\n}})();\n"


def classic_loader(source: str) -> str:
    """pyodide.mjs → a classic script defining globalThis.__zcLoadPyodide."""
    for text, what in LOADER_MUST_CONTAIN:
        if source.count(text) != 1:
            raise RewriteError(f"pyodide {PINNED_VERSION} rewrite: pyodide.mjs lost {what} ({text!r})")
    matches = LOADER_EXPORT.findall(source)
    if len(matches) != 1:
        raise RewriteError(f"pyodide {PINNED_VERSION} rewrite: expected one `export{{… as loadPyodide,… as version}}`"
                           f" in pyodide.mjs, found {len(matches)}")
    source = LOADER_EXPORT.sub(lambda m: f"globalThis.__zcLoadPyodide={m.group(1)};", source)
    source = re.sub(r"//# sourceMappingURL=\S+", "", source)
    if "import.meta" in source or re.search(r"(^|[;}\n])export\s*[{\w]", source):
        raise RewriteError(f"pyodide {PINNED_VERSION} rewrite: pyodide.mjs still has import.meta or an export")
    return f"(function(){{\n{source}\n}})();\n"
