"""What the benchmarks serve like: a static host that sends the build's compressed siblings.

CompressedStatic (a mixin for http.server.SimpleHTTPRequestHandler) answers a request for `f` with `f.br`
or `f.gz` when the browser's Accept-Encoding allows it and the sibling exists, with Content-Encoding,
Vary and the type of `f`: what nginx `brotli_static`/`gzip_static` do with build_scripts/serve/nginx-site.conf.
The byte counters of the benchmarks then count compressed bytes, as they move on a phone's link.

Report blocks: a benchmark that owns one part of docs/performance.md writes it between
`<!-- NAME:start -->` and `<!-- NAME:end -->`; a script that rewrites the whole page carries those over.
"""

from __future__ import annotations

import os
import re

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
