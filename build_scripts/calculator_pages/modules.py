"""How a page reaches the calculators' JavaScript and their runtime: the one place that states it.

- **The import map.** Every module of `docs/assets/calculators/` has one name, `zc/<file>`, and modules
  import each other by that name only (`import … from "zc/x.mjs"`, `import("zc/x.mjs")`; a test refuses
  relative imports). Online each name maps to the file with the build's token (`?v=…`, so a new build is never
  mixed with an older cached module); in the offline copy to a data: URL, since browsers load no module file
  from file:// but run data: modules an import map names (`offline_map`). The one place a name cannot be
  used is the worker (no browser gives a worker an import map): the page resolves the names the worker needs
  and sends the URLs in its first message (`protocol.mjs`). Modules the worker or Node load import nothing.
- **The runtime statement** (`data-runtime` on the calculator's root): where Pyodide's files are, the manifest,
  the token and the kind of runtime, read once by `pyodide-config.mjs` (`pageConfig`).
- **The tags**: the import map, `modulepreload` links for what the entry imports (read from the sources, so
  no list to keep), and the entry itself, an inline module importing `zc/<entry>`.
- **Browsers without import maps** (Safari before 16.4; Chrome before 105, which has no
  `import.meta.resolve`): the entry loads es-module-shims (an npm pin, `assets/vendor/`, a classic script, so
  it loads from file:// too) and imports `zc/<entry>` through it, in shim mode with the page's own map:
  the shim fetches each module (an http URL online, a data: URL in the offline copy), rewrites its names
  to blob: URLs and imports those (so the pages' policy allows blob: scripts, build_scripts/csp/). A
  browser that has both loads no byte of it. A browser the shim cannot help, or one without modules
  (a `nomodule` script), is told so in the runtime's status line, in status-text.mjs's words.

The other scripts of the site (quiz, 培训班, search, storage) are classic scripts, not modules: an import map
does not apply to them, and they need none; each finds the files it loads from its own `<script src>`
(`document.currentScript`), which works the same over http and from file://.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from build_scripts import npm
from build_scripts.safe_text import html_text, json_for_html

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "docs" / "assets" / "calculators"
ASSETS = "assets/calculators"
PYODIDE = "assets/pyodide/"
OFFLINE_PYODIDE = "assets/offline-pyodide/"
NAME = "zc/"
# imported only when the runtime runs on the page's own thread (the offline copy, which preloads nothing)
PAGE_THREAD = "page-runtime.mjs"
# the one module that imports by URL, not by name: a worker has no import map (protocol.mjs)
BY_URL = {"worker.mjs"}
_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\])//[^\n]*", re.S)
_STATIC = re.compile(r"""^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*(["'])([^"']*)\1|^\s*import\s*(["'])([^"']*)\3""", re.M)
_DYNAMIC = re.compile(r"""\bimport\s*\(\s*([^)]*?)\s*\)""")
_SPECIFIER = re.compile(r"""zc/([\w.-]+\.mjs)""")
_IMPORT_MAP = re.compile(r'<script type="importmap">(.*?)</script>', re.S)
_PRELOAD = re.compile(r'<link rel="modulepreload" href="[^"]*">')
_RUNTIME = re.compile(r'data-runtime="[^"]*"')


class ModuleError(ValueError):
    pass


def _specifiers(text: str) -> list[str]:
    """What a module imports: each static specifier, each dynamic import's argument as written."""
    code = _COMMENT.sub("", text)
    found = [m.group(2) if m.group(2) is not None else m.group(4) for m in _STATIC.finditer(code)]
    found += [m.group(1)[1:-1] if m.group(1)[:1] in "\"'" else m.group(1) for m in _DYNAMIC.finditer(code)]
    return found


def _named(text: str) -> list[str]:
    return [m.group(1) for spec in _specifiers(text) if (m := _SPECIFIER.fullmatch(spec))]


def sources(folder: Path = SOURCE) -> dict[str, str]:
    """{file name: text} of every module; a module importing by anything but a name fails the build."""
    found = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.mjs"))}
    for name, text in found.items():
        if name in BY_URL:
            continue
        for spec in _specifiers(text):
            m = _SPECIFIER.fullmatch(spec)
            if not m:
                raise ModuleError(f"{ASSETS}/{name} imports {spec!r}: modules import each other by their zc/ "
                                  "name only (build_scripts/calculator_pages/modules.py)")
            if m.group(1) not in found:
                raise ModuleError(f"{ASSETS}/{name} imports {spec}, which is not in {ASSETS}/")
    return found


def imported_by(entry: str, found: dict[str, str]) -> list[str]:
    """Every module the entry imports online, directly or not, in the order first met."""
    seen: list[str] = []
    todo = [entry]
    while todo:
        for name in _named(found[todo.pop(0)]):
            if name not in seen and name not in (entry, PAGE_THREAD):
                seen.append(name)
                todo.append(name)
    return seen


def online_map(prefix: str, token: str, found: dict[str, str]) -> dict:
    """The site's import map for a page `prefix` (e.g. "../") below the site root."""
    return {"imports": {f"{NAME}{name}": f"{prefix}{ASSETS}/{name}?v={token}" for name in found}}


def offline_map(found: dict[str, str]) -> dict:
    """The offline copy's import map: the same names, each module as a data: URL."""
    def data_url(text: str) -> str:
        return "data:text/javascript;charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")

    return {"imports": {f"{NAME}{name}": data_url(text) for name, text in found.items()}}


def online_runtime(prefix: str, token: str, manifest: dict) -> dict:
    """The site's runtime statement: Pyodide in a module worker, its files in assets/pyodide/."""
    return {"kind": "worker", "base": f"{prefix}{PYODIDE}", "version": token, **manifest}


def offline_runtime(prefix: str, scripts: list[dict]) -> dict:
    """The offline copy's: Pyodide on the page's thread, its files carried by the classic scripts
    [{name, bytes}] in assets/offline-pyodide/, loaded in that order."""
    return {"kind": "page", "base": f"{prefix}{PYODIDE}", "scripts": f"{prefix}{OFFLINE_PYODIDE}",
            "total": sum(s["bytes"] for s in scripts), "files": {s["name"]: {"bytes": s["bytes"]} for s in scripts}}


def runtime_attr(statement: dict) -> str:
    """The data-runtime attribute."""
    return f'data-runtime="{html_text(json.dumps(statement, separators=(",", ":")))}"'


# The entry. A browser with import maps and import.meta.resolve imports it natively (a failure is thrown
# again, so it is reported as before). Any other loads es-module-shims, gives it the page's map and imports
# the entry through it; if the shim does not load or cannot run the entry, the status line says
# "unsupported", in status-text.mjs's words (got by the URL the map states: no name is needed for it).
STATUS = ".zc-status, .zd-runtime"
SHIM = "es-module-shims"
_ENTRY = (
    'const entry = "zc/{entry}";'
    'if (HTMLScriptElement.supports && HTMLScriptElement.supports("importmap") && import.meta.resolve) import(entry);'
    'else {{'
    'const map = JSON.parse(document.querySelector(\'script[type="importmap"]\').textContent);'
    'const unsupported = async (err) => {{'
    'if (err) console.error("[计算器]", err);'
    'const {{ failureText }} = await import(new URL(map.imports["zc/status-text.mjs"], document.baseURI).href);'
    'for (const el of document.querySelectorAll("{status}")) el.textContent = failureText({{ kind: "unsupported" }});'
    '}};'
    'window.esmsInitOptions = {{ shimMode: true, noLoadEventRetriggers: true }};'
    'const shim = document.createElement("script");'
    'shim.src = "{shim}";'
    'shim.onload = () => (async () => {{ importShim.addImportMap(map); await importShim(entry); }})().catch(unsupported);'
    'shim.onerror = () => unsupported();'
    'document.head.appendChild(shim);'
    '}}'
)
_UNSUPPORTED = re.compile(r'case "unsupported":\s*return ("[^"\\]+");')


def shim_url(prefix: str) -> str:
    """Where a page `prefix` below the site root finds es-module-shims (vendored by build_scripts/npm/; its
    version keys the cache, and the offline copy keeps the same URL)."""
    pin = npm.pin(SHIM)
    return f"{prefix}{pin.site_path}?v={pin.version}"


def entry_script(entry: str, prefix: str) -> str:
    return f'<script type="module" async>{_ENTRY.format(entry=entry, status=STATUS, shim=shim_url(prefix))}</script>'


def no_modules_script(found: dict[str, str]) -> str:
    """For a browser without modules: a classic script (old syntax) saying "unsupported" in status-text.mjs's
    words, read from its source so the sentence stays in one place."""
    m = _UNSUPPORTED.search(found["status-text.mjs"])
    if m is None:
        raise ModuleError(f'{ASSETS}/status-text.mjs: no `case "unsupported": return "…";` (the sentence for '
                          "browsers without modules is read from it, build_scripts/calculator_pages/modules.py)")
    text = json_for_html(json.loads(m.group(1)))
    return (f'<script nomodule>for (var l = document.querySelectorAll("{STATUS}"), i = 0; i < l.length; i++) '
            f'l[i].textContent = {text};</script>')


def page_tags(prefix: str, token: str, entry: str, found: dict[str, str] | None = None) -> str:
    """The import map, modulepreload links of the entry's imports and the entry, for a page `prefix` below
    the site root (the preloads fetch while the page parses, so the runtime starts as soon as the entry runs)."""
    found = found if found is not None else sources()
    imports = online_map(prefix, token, found)
    preload = "".join(f'<link rel="modulepreload" href="{imports["imports"][NAME + name]}">'
                      for name in imported_by(entry, found))
    # each script a block of its own, so Markdown passes it through as raw HTML
    return (f'<script type="importmap">{json_for_html(imports)}</script>\n\n{preload}\n\n'
            f'{entry_script(entry, prefix)}\n\n{no_modules_script(found)}\n')



def is_calculator_page(html: str) -> bool:
    return _IMPORT_MAP.search(html) is not None and f'"{NAME}' in html


def offline_page(html: str, imports: dict, runtime: dict) -> str:
    """A built calculator page for the offline copy: its import map and runtime statement replaced,
    its modulepreload links dropped (module fetches from file:// are refused; the map has the modules)."""
    if len(_IMPORT_MAP.findall(html)) != 1 or len(_RUNTIME.findall(html)) != 1:
        raise ModuleError("a calculator page without exactly one import map and one data-runtime")
    html = _IMPORT_MAP.sub(lambda _: f'<script type="importmap">{json_for_html(imports)}</script>', html)
    html = _RUNTIME.sub(lambda _: runtime_attr(runtime), html)
    return _PRELOAD.sub("", html)
