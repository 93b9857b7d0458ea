"""The offline copy's search under the Content-Security-Policy.

On file:// Chromium starts no Web Worker, so Material's offline mode runs the search worker in an
iframe through the vendored iframe-worker shim (build_scripts/offline_bundle/). The shim writes an
inline <script> into that about:blank frame, which inherits the page's policy, and the script's text
contains the worker's absolute file:// URL (wherever the zip was unpacked), so no build-time hash can
allow it. Instead the shim is rewritten to load the same code from a file beside it, frame.js (after
the worker script), which reads the worker URL from its own data-url attribute. Both seams are checked: a new shim version that
changes them fails the build instead of silently losing search.

    rewrite_shim(shim_source) -> str   the shim without the inline script
    FRAME_JS                           the frame.js written beside it
    FRAME_NAME = "frame.js"
"""

from __future__ import annotations

FRAME_NAME = "frame.js"
_OPEN = '"use strict";(()=>{'
_INLINE = ('<script>postMessage=${c};importScripts=${d};addEventListener("error",({error})=>{parent.dispatchEvent('
           'new ErrorEvent("error",{filename:"${e}",error}))})<\\/script>')
_WORKER = "<script src=${e}?${+Date.now()}><\\/script>"
_FROM_FILE = '<script src="${F}" data-url="${e}"><\\/script>'
_FRAME_URL = f'let F=new URL("{FRAME_NAME}",document.currentScript.src).href;'

# What the shim wrote inline, as a file (same functions, the worker URL from data-url).
FRAME_JS = """// Runs inside the iframe-worker frame (offline search): what the shim wrote as an inline script,
// moved into a file so the Content-Security-Policy needs no 'unsafe-inline' (build_scripts/csp/iframe_worker.py).
"use strict";
(() => {
  const url = document.currentScript.getAttribute("data-url");
  self.postMessage = function (s, n) { parent.postMessage(s, n || "*"); };
  self.importScripts = function (...s) {
    return s.reduce((n, e) => n.then(() => new Promise((r) => {
      const t = document.createElement("script");
      t.src = e;
      t.onload = r;
      document.body.appendChild(t);
    })), Promise.resolve());
  };
  addEventListener("error", ({ error }) => {
    parent.dispatchEvent(new ErrorEvent("error", { filename: url, error }));
  });
})();
"""


class ShimChanged(RuntimeError):
    pass


def rewrite_shim(source: str) -> str:
    if not source.startswith(_OPEN) or source.count(_INLINE) != 1 or source.count(_INLINE + _WORKER) != 1:
        raise ShimChanged("iframe-worker shim: the inline frame script changed; re-check build_scripts/csp/iframe_worker.py")
    # frame.js goes after the worker script: Material's search worker takes the frame's first script[src]
    # as its own URL (to find lunr/); the worker only calls postMessage/importScripts on a message, and
    # the shim posts messages once the frame has loaded, after both scripts ran.
    return source.replace(_OPEN, _OPEN + _FRAME_URL, 1).replace(_INLINE + _WORKER, _WORKER + _FROM_FILE, 1)
