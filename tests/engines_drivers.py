"""Three browser engines behind one small interface, for the key-path tests (tests/engines/, and the
file:// copy in tests/offline/test_engines_file.py):

- chromium: Debian's Chromium through Playwright (the suite's `browser` fixture);
- webkit: Debian's WebKitGTK MiniBrowser through WebKitWebDriver (webkit2gtk-driver), driven by
  Selenium, under xvfb-run;
- firefox: Debian's firefox-esr over WebDriver BiDi, driven by puppeteer-core (npm, pinned in
  tests/engines/firefox/package.json; build_scripts/dev_env.sh runs `npm ci` there).

Each engine can `goto(url)` and run a `step` of tests/engines/key_paths.js inside the page.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STEPS = (ROOT / "tests" / "engines" / "key_paths.js").read_text(encoding="utf-8").strip()
FIREFOX_DIR = ROOT / "tests" / "engines" / "firefox"
ENGINES = ("chromium", "webkit", "firefox")


def _expr(step: str, arg) -> str:
    return (f"({STEPS})({json.dumps(step)}, {json.dumps(arg, ensure_ascii=False)})"
            ".then(v => ({ok: true, value: v}), e => ({ok: false, error: String(e && e.message || e)}))")


def _check(answer: dict, step: str):
    if not answer.get("ok"):
        raise AssertionError(f"{step}: {answer.get('error')}")
    return answer.get("value")


def missing(name: str) -> str | None:
    """What is not installed for this engine (None when it can run)."""
    if name == "webkit":
        if not (shutil.which("WebKitWebDriver") and minibrowser() and shutil.which("xvfb-run")):
            return "apt-get install webkit2gtk-driver xvfb"
        try:
            import selenium  # noqa: F401
        except ImportError:
            return "pip install selenium (pyproject.toml [test])"
    if name == "firefox":
        if not shutil.which(os.environ.get("FIREFOX_PATH", "firefox-esr")):
            return "apt-get install firefox-esr"
        if not (FIREFOX_DIR / "node_modules" / "puppeteer-core").is_dir():
            return "npm ci --prefix tests/engines/firefox (build_scripts/dev_env.sh)"
    return None


def minibrowser() -> str | None:
    found = sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"))
    return found[-1] if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Chromium:
    name = "chromium"

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN",
                                           service_workers="block")
        self.page = self.context.new_page()
        self.version = browser.version

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def step(self, step: str, arg=None):
        return _check(self.page.evaluate(_expr(step, arg)), step)

    def close(self) -> None:
        try:
            self.context.close()
        except Exception:  # the session's Chromium may already be closed, and its contexts with it
            pass


class WebKit:
    name = "webkit"

    def __init__(self):
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options

        port = _free_port()
        self.service = subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
                                         "WebKitWebDriver", f"--port={port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        options = Options()
        options.binary_location = minibrowser()
        options.add_argument("--automation")
        deadline = time.time() + 60
        while True:
            try:
                self.driver = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=options)
                break
            except Exception:
                if time.time() > deadline or self.service.poll() is not None:
                    self.close()
                    raise
                time.sleep(0.5)
        self.driver.set_script_timeout(400)
        self.driver.set_page_load_timeout(120)
        try:
            self.driver.set_window_size(390, 844)
        except Exception:
            pass
        self.version = self.driver.capabilities.get("browserVersion", "?")

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def step(self, step: str, arg=None):
        answer = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1]; " + _expr(step, arg) + ".then(done);")
        return _check(answer, step)

    def close(self) -> None:
        driver = getattr(self, "driver", None)
        if driver is not None:
            try:
                driver.quit()
            except Exception:
                pass
        if self.service.poll() is None:
            os.killpg(self.service.pid, 15)
            self.service.wait(timeout=30)


class Firefox:
    name = "firefox"

    def __init__(self):
        self.proc = subprocess.Popen(["node", str(FIREFOX_DIR / "bridge.mjs")], cwd=FIREFOX_DIR,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     start_new_session=True)
        hello = self._read()
        self.version = hello.get("version", "?")
        self.external: list[str] = []

    def _read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError("the Firefox bridge stopped (see stderr)")
        return json.loads(line)

    def _send(self, cmd: dict) -> dict:
        self.proc.stdin.write(json.dumps(cmd, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def goto(self, url: str) -> None:
        answer = self._send({"goto": url})
        if not answer.get("ok"):
            raise AssertionError(f"goto {url}: {answer.get('error')}")

    def step(self, step: str, arg=None):
        answer = self._send({"eval": _expr(step, arg)})
        self.external = answer.get("external") or []
        if answer.get("ok"):
            answer = answer["value"]
        return _check(answer, step)

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write(json.dumps({"quit": True}) + "\n")
                self.proc.stdin.flush()
                self.proc.wait(timeout=30)
            except Exception:
                os.killpg(self.proc.pid, 15)
                self.proc.wait(timeout=30)


def search_lands_on_clause(engine, base: str, question: dict) -> dict:
    """On `base`index.html: search the header box for question["query"]; one of question["expect"]
    (doc#anchor, tests/search/questions.yml) must be among the first three results, and opening it must
    land on that clause with the searched words marked. Returns what was seen (for messages)."""
    engine.goto(base + "index.html")
    got = engine.step("search", {"query": question["query"]})
    cites = [r["cite"] for r in got["results"]]
    hits = [r for r in got["results"][:3] if r["cite"] in question["expect"]]
    assert got["state"] == "results" and hits, (question, got["meta"], cites)
    doc, anchor = hits[0]["cite"].split("#", 1)
    href = hits[0]["href"]
    assert href.startswith(base) and f"regulations/{doc}.html" in href, href
    engine.goto(href)
    opened = engine.step("opened-clause", {"anchor": anchor})
    assert opened["hash"] == anchor and opened["target"] and opened["marks"], (href, opened)
    return {"cites": cites, "opened": opened}


class EnginePool:
    """Launches each engine once, on first use; closes them all at the end of the session."""

    def __init__(self, chromium_browser_factory):
        self._browser = chromium_browser_factory
        self._open: dict[str, object] = {}

    def get(self, name: str):
        if name not in self._open:
            self._open[name] = (Chromium(self._browser()) if name == "chromium"
                                else WebKit() if name == "webkit" else Firefox())
        return self._open[name]

    def close(self) -> None:
        for engine in self._open.values():
            engine.close()
        self._open.clear()
