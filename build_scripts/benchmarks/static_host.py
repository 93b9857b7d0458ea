"""What the benchmarks serve like: a static host that sends the build's compressed siblings.

CompressedStatic (a mixin for http.server.SimpleHTTPRequestHandler) answers a request for `f` with `f.br`
or `f.gz` when the browser's Accept-Encoding allows it and the sibling exists, with Content-Encoding,
Vary and the type of `f`: what nginx `brotli_static`/`gzip_static` do with build_scripts/serve/nginx-site.conf.
The byte counters of the benchmarks then count compressed bytes, as they move on a phone's link.

Link (a mixin too) sends every response over one shared emulated phone link: a fixed latency before each
response's first byte and a shared download rate, so a page's, a worker's and a service worker's requests
queue on the same slow line, which browser-side network throttling does not cover for workers.

Report blocks: a benchmark that owns one part of docs/performance.md writes it between
`<!-- NAME:start -->` and `<!-- NAME:end -->`; a script that rewrites the whole page carries those over.
`block_main` is the command line such a benchmark shares (--site, --runs, --out).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


class CompressedStatic:
    _sibling: tuple[str, str, str] | None = None  # (content coding, plain path, sibling path)

    def _accepts(self, token: str) -> bool:
        accept = self.headers.get("Accept-Encoding", "")
        return any(part.split(";")[0].strip() == token for part in accept.split(","))

    def send_head(self):
        self._sibling = None
        plain = self.translate_path(self.path)
        if os.path.isfile(plain):
            for token, suffix in ENCODINGS:
                if self._accepts(token) and os.path.isfile(plain + suffix):
                    self._sibling = (token, plain, plain + suffix)
                    break
        return super().send_head()

    def translate_path(self, path):
        plain = super().translate_path(path)
        return self._sibling[2] if self._sibling and plain == self._sibling[1] else plain

    def guess_type(self, path):
        if self._sibling and path == self._sibling[2]:
            path = self._sibling[1]
        return super().guess_type(path)

    def end_headers(self):
        if self._sibling:
            self.send_header("Content-Encoding", self._sibling[0])
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()


class PhoneLink:
    """One emulated link shared by every connection: `latency` seconds before a response starts, then
    `bits_per_s` for all bytes in flight together (first come, first sent, in CHUNK pieces)."""
    CHUNK = 8192

    def __init__(self, bits_per_s: float, latency_s: float) -> None:
        self.rate, self.latency = bits_per_s / 8, latency_s
        self.lock = threading.Lock()
        self.free_at = 0.0

    def send(self, n: int) -> None:
        with self.lock:
            start = max(time.monotonic(), self.free_at)
            self.free_at = start + n / self.rate
            done = self.free_at
        time.sleep(max(0.0, done - time.monotonic()))


class _LinkWriter:
    def __init__(self, raw, link: PhoneLink) -> None:
        self.raw, self.link, self.started = raw, link, False

    def write(self, data) -> int:
        if not self.started:
            self.started = True
            time.sleep(self.link.latency)
        view = memoryview(data)
        for i in range(0, len(view), PhoneLink.CHUNK):
            piece = view[i:i + PhoneLink.CHUNK]
            self.link.send(len(piece))
            self.raw.write(piece)
        return len(view)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class OnLink:
    """Handler mixin: every response goes over the class attribute `link` (a PhoneLink)."""
    link: PhoneLink

    def setup(self) -> None:
        super().setup()
        self.wfile = _LinkWriter(self.wfile, self.link)


def build_site(out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=ROOT, check=True,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return out


def load_note() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def block_main(argv, doc: str, block: str, run, report, runs: int = 1) -> dict:
    """The command line of a benchmark that owns one block of docs/performance.md: build the site (or take
    --site), run(site, runs) -> results, write report(results) into the block, print the results."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--site", type=Path, help="a built site (default: build one now)")
    ap.add_argument("--runs", type=int, default=runs)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "performance.md")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        res = run(site, args.runs)
    text = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    args.out.write_text(put_block(text, block, report(res)), encoding="utf-8")
    print(json.dumps(res, ensure_ascii=False, indent=1, default=str))
    return res


def block_pattern(name: str) -> re.Pattern:
    return re.compile(rf"<!-- {re.escape(name)}:start -->.*?<!-- {re.escape(name)}:end -->", re.S)


def put_block(text: str, name: str, content: str) -> str:
    """Replace the named block, or append it at the end."""
    block = f"<!-- {name}:start -->\n{content.strip()}\n<!-- {name}:end -->"
    pattern = block_pattern(name)
    if pattern.search(text):
        return pattern.sub(lambda _: block, text)
    return text.rstrip("\n") + "\n\n" + block + "\n"


def carry_blocks(old: str, new: str) -> str:
    """Keep every block of the old page that the new one lacks (other benchmarks' sections)."""
    for m in re.finditer(r"<!-- ([\w-]+):start -->\n(.*?)\n<!-- \1:end -->", old, re.S):
        if not block_pattern(m.group(1)).search(new):
            new = put_block(new, m.group(1), m.group(2))
    return new
