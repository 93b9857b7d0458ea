"""The benchmarks' server sends compressed siblings like a static host, and benchmark report blocks
survive a rewrite of docs/performance.md by another benchmark."""

from __future__ import annotations

import functools
import gzip
import threading
import urllib.request

import brotli

from build_scripts.benchmarks import calculator_load
from build_scripts.benchmarks.static_host import carry_blocks, put_block


def _serve(root):
    counter = calculator_load.Counter()
    handler = type("H", (calculator_load.Handler,), {"counter": counter, "overlay": {}})
    server = calculator_load.Server(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server, counter


def _get(url, accept):
    req = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(req) as r:
        return r.headers, r.read()


def test_siblings_by_accept_encoding_and_counted_compressed(tmp_path):
    text = ("驻村工作队 " * 2000).encode()
    (tmp_path / "a.mjs").write_bytes(text)
    (tmp_path / "a.mjs.gz").write_bytes(gzip.compress(text))
    (tmp_path / "a.mjs.br").write_bytes(brotli.compress(text))
    (tmp_path / "plain.wasm").write_bytes(b"\0asm" * 10)
    url, server, counter = _serve(tmp_path)
    try:
        headers, body = _get(url + "a.mjs", "gzip, deflate, br")
        assert headers["Content-Encoding"] == "br" and headers["Content-Type"].startswith("text/javascript")
        assert brotli.decompress(body) == text and "Accept-Encoding" in headers["Vary"]
        headers, body = _get(url + "a.mjs?v=1", "gzip")
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == text
        counter.reset()
        headers, body = _get(url + "a.mjs", "")
        assert "Content-Encoding" not in headers and body == text
        assert counter.bytes > len(text)
        counter.reset()
        _get(url + "a.mjs", "br")
        assert counter.bytes < len(text) / 10  # the counter sees what moved: the compressed body
        headers, body = _get(url + "plain.wasm", "br, gzip")
        assert "Content-Encoding" not in headers and headers["Content-Type"] == "application/wasm"
    finally:
        server.shutdown()


def test_report_blocks_are_carried_over():
    old = put_block("# 旧\n", "visit", "三步访问 1.2 MB")
    old = put_block(old, "lighthouse", "首页 98")
    new = carry_blocks(old, "# 新\n\n<!-- visit:start -->\n新的访问\n<!-- visit:end -->\n")
    assert "首页 98" in new and "新的访问" in new and "三步访问" not in new
    assert put_block(new, "visit", "再次") .count("visit:start") == 1
