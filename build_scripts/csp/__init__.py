"""Content-Security-Policy for every built page, as a <meta http-equiv> tag (a static site sets no headers).

    policy_for(page_html) -> str     the policy one page needs, from what the page itself contains
    with_policy(page_html) -> str    the page with its <meta http-equiv="Content-Security-Policy">
    apply_to_site(site_dir) -> int   every *.html under site_dir; returns the number of pages
    problems(page_html) -> [str]     what a CSP would block and the build refuses: inline event
                                     handlers and javascript: URLs in the markup

The policy is computed from the final HTML, so pages and scripts added later need no manual step:
- script-src 'self' plus the sha256 of every inline script that runs (Material's __md_scope/palette and
  tab scripts; the calculator pages' import map and module starter). Data blocks
  (<script type="application/json">, e.g. Material's __config) are never executed and get no hash;
  no 'unsafe-inline', no 'unsafe-eval'.
- 'wasm-unsafe-eval' only on pages with a calculator (.zc-calc) or 我的驻村台账 (.zd-diary): Pyodide compiles WebAssembly there in
  the offline copy; online it runs in a worker, which has its own, header-less policy.
- data: in script-src and connect-src only on a page whose import map maps modules to data: URLs (the
  offline copy's calculator pages: Chromium loads no module files from file://, so the modules and
  Pyodide's files travel as data: URLs, build_scripts/offline_bundle/).
- blob: in script-src only on a page with an import map (the calculator pages): in a browser without
  import maps their modules run through es-module-shims, which imports each module, its names rewritten,
  from a blob: URL (build_scripts/calculator_pages/modules.py). Only a script already running on the page
  can make a blob: URL.
- img-src data: everywhere: Material's stylesheet draws its icons (admonitions, search, tabs) from
  data:image/svg+xml URLs; an image cannot run script.
- style-src 'unsafe-inline': Material writes style="" attributes in its templates; styles cannot run script.
- object-src 'none', base-uri 'self', form-action 'self'. (frame-ancestors cannot be set from a meta tag.)
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

META_NAME = "Content-Security-Policy"
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_OLD_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\s*', re.I)
# <script type=…> values that the browser runs (everything else is a data block).
_RUNS = {"", "text/javascript", "application/javascript", "module", "importmap", "speculationrules",
         "text/ecmascript", "application/ecmascript"}


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "") for m in _ATTR.finditer(text)}


def inline_scripts(page_html: str) -> list[tuple[dict[str, str], str]]:
    """(attributes, body) of every <script> without src whose type the browser executes."""
    out = []
    for m in _SCRIPT.finditer(page_html):
        attrs = _attrs(m.group(1))
        if "src" in attrs:
            continue
        if attrs.get("type", "").strip().lower() in _RUNS:
            out.append((attrs, m.group(2)))
    return out


def sha256_source(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def _import_maps(scripts: list[tuple[dict[str, str], str]]) -> list[str]:
    return [body for attrs, body in scripts if attrs.get("type", "").strip().lower() == "importmap"]


def _import_map_uses_data(scripts: list[tuple[dict[str, str], str]]) -> bool:
    for body in _import_maps(scripts):
        try:
            targets = json.loads(body).get("imports", {}).values()
        except (ValueError, AttributeError):
            return False
        if any(str(t).startswith("data:") for t in targets):
            return True
    return False


def policy_for(page_html: str) -> str:
    scripts = inline_scripts(page_html)
    hashes = sorted({sha256_source(body) for _, body in scripts})
    data_modules = _import_map_uses_data(scripts)
    script_src = ["'self'", *hashes]
    connect_src = ["'self'"]
    if 'class="zc-calc"' in page_html or 'class="zd-diary"' in page_html:  # a calculator, or 我的驻村台账
        script_src.append("'wasm-unsafe-eval'")
    if _import_maps(scripts):  # modules that may run through es-module-shims
        script_src.append("blob:")
    if data_modules:
        script_src.append("data:")
        connect_src.append("data:")
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", script_src),
        ("style-src", ["'self'", "'unsafe-inline'"]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", connect_src),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def with_policy(page_html: str) -> str:
    """The page with its policy as the first element in <head> after <meta charset> (a meta policy only
    governs what comes after it). Applying it twice gives the same page."""
    page_html = _OLD_META.sub("", page_html)
    tag = f'<meta http-equiv="{META_NAME}" content="{policy_for(page_html)}">'
    anchor = _CHARSET.search(page_html) or _HEAD.search(page_html)
    if anchor is None:
        return page_html  # not a page (a fragment); nothing to protect
    return page_html[:anchor.end()] + "\n  " + tag + page_html[anchor.end():]


class _Blocked(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…> (inline event handler)")
            elif name in ("href", "src", "action", "formaction") and \
                    re.sub(r"[\s\x00-\x1f]", "", value or "").lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}=\"javascript:…\">")


def problems(page_html: str) -> list[str]:
    parser = _Blocked()
    parser.feed(page_html)
    parser.close()
    return parser.found


def apply_to_site(site_dir: Path) -> int:
    """Add the policy to every page; raise ValueError naming the first page with markup it would block."""
    pages = sorted(Path(site_dir).rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = problems(text)
        if found:
            raise ValueError(f"{page.relative_to(site_dir).as_posix()}: {found[0]}: the Content-Security-Policy "
                             "blocks it; move the code into a script file under docs/assets/")
        page.write_text(with_policy(text), encoding="utf-8")
    return len(pages)
