"""The law is the text: every sentence of every seed, less the explicit noise list, is on the site."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_scripts.corpus import load_corpus, seeds_dir
from build_scripts.corpus.noise_list import read as read_noise_list
from build_scripts.corpus.seed_slicing import normalise_noise

SENTENCE_END = re.compile(r"(?<=[。；;！？!?])|\n")
WS = re.compile(r"\s+")


def squash(text: str) -> str:
    return WS.sub("", text)


class _TextOf(HTMLParser):
    """Text inside <div class="law-text"> of a built page."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if self.depth:
            self.depth += tag != "br" and tag not in ("img", "hr", "input")
        elif tag == "div" and "law-text" in cls.split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def site_text(site: Path, doc_id: str) -> str:
    parser = _TextOf()
    parser.feed((site / "regulations" / f"{doc_id}.html").read_text(encoding="utf-8"))
    return squash("".join(parser.parts))


def test_noise_list_is_exactly_what_the_corpus_drops():
    assert read_noise_list() == load_corpus().noise, (
        "the corpus drops different text than build_scripts/corpus/removed_noise.yml lists: "
        "run `python -m build_scripts.corpus.noise_list`, review the diff, commit")


def test_seeds_are_partitioned_into_documents_and_listed_noise():
    corpus = load_corpus()
    for seed in sorted({d.seed for d in corpus.documents.values()}):
        text = (seeds_dir() / seed).read_text(encoding="utf-8")
        docs = sorted((d for d in corpus.documents.values() if d.seed == seed), key=lambda d: text.find(d.raw))
        kept = squash("".join(d.raw for d in docs))
        dropped = squash("".join(corpus.noise[seed]))
        assert len(kept) + len(dropped) == len(squash(text)), seed
        rebuilt = squash(text)
        for d in docs:
            rebuilt = rebuilt.replace(squash(d.raw), "", 1)
        assert rebuilt == dropped, f"{seed}: text outside documents differs from the noise list"


def test_every_seed_sentence_is_on_the_site(built_site, capsys):
    corpus = load_corpus()
    total = found = 0
    missing: list[str] = []
    for doc in corpus.documents.values():
        page = site_text(built_site, doc.id)
        for sentence in SENTENCE_END.split(doc.raw):
            s = squash(sentence)
            if not s:
                continue
            total += 1
            if s in page:
                found += 1
            else:
                missing.append(f"{doc.id}: {sentence.strip()[:60]}")
    with capsys.disabled():
        print(f"\nfidelity: {found}/{total} seed sentences on the site ({100 * found / total:.1f}%)")
    assert not missing, "\n".join(missing[:20])


def test_nothing_on_the_site_is_outside_the_seed(built_site):
    """No word added: the law text of each page is exactly its document's text, in order."""
    corpus = load_corpus()
    for doc in corpus.documents.values():
        assert site_text(built_site, doc.id) == squash(doc.raw), doc.id


@pytest.mark.parametrize("noise", ["下载提示", "本店铺", "Download tips", "相关文档", "黔ICP备", "首页/ 政务公开",
                                   "文章属性", "人工客服工作时间"])
def test_known_noise_is_not_on_any_page(built_site, noise):
    for doc_id in load_corpus().documents:
        assert squash(noise) not in site_text(built_site, doc_id), (doc_id, noise)


def test_listed_noise_really_is_in_the_seeds():
    for seed, chunks in read_noise_list().items():
        text = normalise_noise((seeds_dir() / seed).read_text(encoding="utf-8"))
        for chunk in chunks:
            assert squash(chunk) in squash(text), (seed, chunk[:40])
