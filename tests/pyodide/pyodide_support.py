"""Helpers for the tests in tests/pyodide/: which calculators package to use, a small
site built around the calculator hooks, a loopback server."""

from __future__ import annotations

import functools
import http.server
import os
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STANDIN = Path(__file__).resolve().parent / "standin"
HOOKS = ("build_scripts/pyodide/hook.py", "build_scripts/calculator_pages/hook.py")


def real_engine_present() -> bool:
    return (ROOT / "calculators" / "engine.py").exists() and not os.environ.get("ZHUCUN_STANDIN")


def calculators_src() -> Path:
    """The real package's root when it is there, else the stand-in."""
    return ROOT if real_engine_present() else STANDIN


def site_wired() -> bool:
    """The project's mkdocs.yml runs both calculator hooks (and the real engine exists)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return real_engine_present() and all(h in text for h in HOOKS)


MINI_CONFIG = """site_name: mini
use_directory_urls: false
theme: {{name: material, language: zh, font: false}}
markdown_extensions: [attr_list, md_in_html]
hooks:
  - {root}/build_scripts/pyodide/hook.py
  - {root}/build_scripts/calculator_pages/hook.py
"""

STUB_REGULATIONS = {
    "hebei-measures": "# 河北选派管理办法\n\n## 第十七条 {#art-17}\n\n每月在村不少于20天。\n\n## 第二十条 {#art-20}\n\n优秀比例。\n",
    "shenmu-2021": "# 神木实施办法\n\n## 七、（二）3 {#s7-2-3}\n\n在村天数。\n",
}


def build_mini_site(workdir: Path) -> Path:
    """A small site: the calculator hooks with the stand-in engine and stub regulation pages."""
    docs = workdir / "docs"
    (docs / "regulations").mkdir(parents=True, exist_ok=True)
    (docs / "assets").mkdir(exist_ok=True)
    link = docs / "assets" / "calculators"
    if not link.exists():
        link.symlink_to(ROOT / "docs" / "assets" / "calculators")
    (docs / "index.md").write_text("# 首页\n\n没有计算器的页面。\n", encoding="utf-8")
    for doc, text in STUB_REGULATIONS.items():
        (docs / "regulations" / f"{doc}.md").write_text(text, encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(MINI_CONFIG.format(root=ROOT), encoding="utf-8")
    env = dict(os.environ, CALCULATORS_SRC=str(STANDIN), NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(workdir / "site")],
                   cwd=workdir, env=env, check=True, capture_output=True)
    return workdir / "site"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json"}

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(directory: Path) -> tuple[str, Server]:
    server = Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def config_with_hooks(text: str) -> str:
    """The project's mkdocs.yml with the two calculator hooks added to its hooks: list."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("hooks:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("  - "):
        end += 1
    missing = [f"  - {h}" for h in HOOKS if h not in text]
    return "\n".join(lines[:end] + missing + lines[end:]) + "\n"


def build_project_site_with_hooks(out: Path) -> Path:
    """Until mkdocs.yml lists the calculator hooks: build the project with them added, the
    config read from stdin so relative paths still resolve from the repository root."""
    cfg = config_with_hooks((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("CALCULATORS_SRC", None)
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "-", "-d", str(out)],
                       cwd=ROOT, env=env, input=cfg, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{r.stdout[-3000:]}\n{r.stderr[-5000:]}")
    return out
