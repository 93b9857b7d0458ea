"""Calculator pages of the offline copy, which work from file://.

Chromium refuses module scripts, module imports and workers from file://, but runs inline module
scripts and imports data: URLs named in an import map. So in the offline build each calculator
page gets:
- an import map: each calculator module (assets/calculators/*.mjs but the worker) as a data: URL
  under a bare name (`zc/form.mjs`), its `./x.mjs` imports rewritten to those names, and
  `zc/runtime-client.mjs` pointing at file_runtime.mjs (Pyodide on the page's own thread, same
  interface), the original kept as `zc/runtime-client.orig.mjs`;
- a small config (where the Pyodide files and the payload scripts are);
- no modulepreload links (module fetches from file:// are refused; the import map has the modules);
- in place of `<script type="module" async src=".../page.mjs?v=…">`: an inline module that imports
  `zc/page.mjs`, on any protocol: the copy has no http runtime files (assets/pyodide/ is removed,
  pyodide_file.py), so a copy someone serves over http runs the same page-thread runtime. The
  online site is the one with the worker.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from build_scripts.offline_bundle.pyodide_classic import RewriteError
from build_scripts.safe_text import json_for_html

HERE = Path(__file__).resolve().parent
# page.mjs on a calculator page; diary-page.mjs on 我的驻村台账 (the same runtime, its own page script)
PAGE_TAG = re.compile(r'<script type="module" (?:async )?src="((?:\.\./)*)assets/calculators/(page|diary-page)\.mjs(\?v=[\w-]+)?"></script>')
ENTRY_SCRIPTS = ("assets/calculators/page.mjs", "assets/calculators/diary-page.mjs")
# The online page fetches page.mjs's imports while it parses; from file:// those fetches are refused.
PRELOAD_TAG = re.compile(r'<link rel="modulepreload" href="(?:\.\./)*assets/calculators/[\w.-]+\.mjs(?:\?v=[\w-]+)?">')
SPECIFIER = re.compile(r"""(["'`])\./([A-Za-z0-9_-]+\.mjs)(\$\{q\})?\1""")
LEFTOVER = re.compile(r"""(from\s*|import\s*\(\s*)["'`]\.{1,2}/""")
SEAMS = {
    "runtime-client.mjs": ("export class CalculatorRuntime", "export const TIMEOUTS"),
    "boot.mjs": ("export async function bootCalculators",),
    "pyodide-config.mjs": ("export const PACKAGE", "export const ENGINE"),
    "failure.mjs": ("export class RuntimeFailure", "export function logCause"),
    "boot-watch.mjs": ("export function watchWasm",),
    "page.mjs": ("./runtime-client.mjs", "new CalculatorRuntime(", ".restart()"),
}


def _data_url(source: str) -> str:
    return "data:text/javascript;charset=utf-8;base64," + base64.b64encode(source.encode("utf-8")).decode("ascii")


def _rewrite(name: str, source: str) -> str:
    out = SPECIFIER.sub(lambda m: f'"zc/{m.group(2)}"', source)
    if LEFTOVER.search(out):
        raise RewriteError(f"assets/calculators/{name}: a relative import the file:// rewrite does not handle")
    return out


def import_map(calc_dir: Path) -> dict:
    modules = {p.name: p.read_text(encoding="utf-8") for p in sorted(calc_dir.glob("*.mjs")) if p.name != "worker.mjs"}
    for name, needles in SEAMS.items():
        for needle in needles:
            if needle not in modules.get(name, ""):
                raise RewriteError(f"assets/calculators/{name} no longer has {needle!r}: re-check the file:// calculator "
                                   "runtime (build_scripts/offline_bundle/file_runtime.mjs)")
    imports = {f"zc/{name}": _data_url(_rewrite(name, src)) for name, src in modules.items()}
    imports["zc/runtime-client.orig.mjs"] = imports["zc/runtime-client.mjs"]
    imports["zc/runtime-client.mjs"] = _data_url((HERE / "file_runtime.mjs").read_text(encoding="utf-8"))
    return {"imports": imports}


def page_html(text: str, imports: dict, scripts: list[dict], stdlib: str) -> str:
    matches = PAGE_TAG.findall(text)
    if len(matches) != 1:
        raise RewriteError(f"expected one calculator page script tag, found {len(matches)}")
    prefix = matches[0][0]
    config = {"scripts": scripts, "stdlib": stdlib}

    def replace(m: re.Match) -> str:
        return (
            f'<script type="importmap">{json_for_html(imports)}</script>'
            f"<script>window.__zcOffline=Object.assign({json_for_html(config)},"
            f'{{pyodideBase:new URL("{prefix}assets/pyodide/",location.href).href,'
            f'scriptsBase:new URL("{prefix}assets/offline-pyodide/",location.href).href}});</script>'
            f'<script type="module">import "zc/{m.group(2)}.mjs";</script>'
        )

    return PAGE_TAG.sub(replace, PRELOAD_TAG.sub("", text))
