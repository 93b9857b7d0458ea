"""The size a phone downloads, as the pages say it: what a host sending the build's gzip siblings moves
and what one sending no compression moves, both exact for this build, said in one sentence wherever the
calculators' runtime loads (calculator pages, 计算工具, 我的驻村台账) and for 离线使用本站."""

from __future__ import annotations

import gzip
import os
import re

from build_scripts import compress
from build_scripts.calculator_pages import download_size, pages
from build_scripts.pwa import precache
from tests.conftest import ROOT

SAID = re.compile(r"约 ([\d.]+) MB（服务器未压缩时约 ([\d.]+) MB）")


def test_sizes_count_what_a_gzip_host_sends(tmp_path):
    text = ("第一条 驻村工作队员每月在村不少于20天。" * 2000).encode()
    packed = os.urandom(50_000)  # a wheel is already deflated: no sibling, the host sends it as it is
    got = download_size.sizes({"pyodide.asm.wasm": text, "x.whl": packed}, tmp_path)
    assert got == {"plain": len(text) + len(packed), "gzip": len(gzip.compress(text, 9, mtime=0)) + len(packed)}
    assert download_size.size_phrase({"gzip": 4_990_000, "plain": 14_450_000}) == "约 4.8 MB（服务器未压缩时约 14 MB）"


def test_calculator_pages_state_the_compressed_size_first():
    made = pages.generated_pages(ROOT / "docs")
    sizes = pages.runtime_sizes()
    small, large = download_size.mb(sizes["gzip"]), download_size.mb(sizes["plain"])
    assert sizes["gzip"] < sizes["plain"] / 2
    for uri in ("tools/index.md", "tools/leave.md"):
        said = SAID.findall(made[uri])
        assert said == [(small[:-3], large[:-3])], (uri, said)
    assert download_size.preparing_text(sizes) in made["tools/leave.md"]


def test_the_offline_table_knows_what_a_gzip_host_sends(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    page = "<p>驻村</p>" * 3000
    (site / "a.html").write_text(page, encoding="utf-8")
    (site / "b.png").write_bytes(b"\x89PNG" + bytes(100))
    table = precache.file_table(site, ["a.html", "b.png"], tmp_path / "cache")
    assert table["a.html"][1:] == [len(page.encode()), len(compress.compressed(page.encode(), ".gz", None))]
    assert table["b.png"][1:] == [104, 104]


def test_every_page_loading_the_runtime_says_its_size_in_the_same_words():
    from build_scripts.diary_page import render
    sentence = download_size.preparing_text(pages.runtime_sizes())
    assert sentence in render.page(ROOT / "docs")
    assert sentence in pages.generated_pages(ROOT / "docs")["tools/leave.md"]


def test_offline_choice_says_one_size():
    script = (ROOT / "build_scripts/pwa/offline-choice.js").read_text(encoding="utf-8")
    # the size said before, and no megabytes of progress or of the stored copy after, to contradict it
    assert script.count("mb(") == 3 and "mb(msg.missingSent)" in script and "mb(msg.missing)" in script
