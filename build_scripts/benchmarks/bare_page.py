"""A bare page that only boots the same self-hosted Pyodide in a module worker and runs 1+1:
the floor the calculator pages are measured against."""

BARE_HTML = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>bare Pyodide</title></head>
<body><p id="out">…</p>
<script type="module">
const w = new Worker("./bare-worker.mjs", { type: "module" });
w.onmessage = (e) => {
  window.__firstResultAt = performance.now();
  window.__marks = e.data.marks;
  document.getElementById("out").textContent = e.data.result;
};
</script></body></html>
"""

BARE_WORKER = """const marks = { start: performance.now() };
const { loadPyodide } = await import("./site/assets/pyodide/pyodide.mjs");
marks.loader = performance.now();
const py = await loadPyodide({ indexURL: new URL("./site/assets/pyodide/", import.meta.url).href });
marks.ready = performance.now();
self.postMessage({ result: String(py.runPython("1 + 1")), marks });
"""
