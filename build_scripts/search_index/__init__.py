"""The site's search index: every clause of the corpus a result of its own, plus the tool, comparison and
other pages, the query-time word list (jieba) and the county's synonym table (with its question words and what a question
asks for), in one file.

The file is `search/index.js`, a script that hands the data to the page (`globalThis.zhucunSearchIndex = …`):
the search script adds it with a <script src> on the first search interaction, which works over http(s),
from file:// in the offline copy, and under a 'self'-only Content-Security-Policy. Ranking happens in the
browser (docs/assets/search/engine.js); `python -m build_scripts.search_index.evaluate` and the tests run
that same engine under Node against this file.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import shutil
from pathlib import Path

import jieba

from . import synonyms as synonyms_mod
from .pages import site_pages

INDEX_PATH = "search/index.js"
GLOBAL_NAME = "zhucunSearchIndex"
PREFIX = f"globalThis.{GLOBAL_NAME}="
USER_DICT = Path(__file__).with_name("user_dict.txt")
HAN = re.compile(r"[\u4e00-\u9fff]")
SKIP_KINDS = {"title"}


@functools.lru_cache(maxsize=1)
def _load_dictionary() -> None:
    jieba.setLogLevel(60)
    jieba.initialize()
    jieba.load_userdict(str(USER_DICT))


def vocabulary(texts: list[str], extra: list[str]) -> list[str]:
    """Words of two or more characters (with a Han character) that jieba finds in `texts`, plus `extra`:
    the browser segments a query against this list, so a query is cut the way the text was."""
    _load_dictionary()
    words: set[str] = set()
    for text in texts:
        for word in jieba.cut_for_search(text, HMM=False):
            word = word.strip()
            if 2 <= len(word) <= 8 and HAN.search(word) and not re.search(r"\d", word):
                words.add(word)
    words.update(w for w in extra if len(w) >= 2)
    return sorted(words)


def build_index(corpus, site: Path | None = None, config: dict | None = None) -> dict:
    config = config or synonyms_mod.load()
    docs, clauses = [], []
    texts: list[str] = []
    for d_index, doc in enumerate(corpus.documents.values()):
        docs.append([doc.id, doc.short, doc.title, doc.meta.get("level", "")])
        texts.append(doc.title)
        position: dict[str, int] = {}
        for clause in doc.clauses:
            if clause.kind in SKIP_KINDS or not clause.text.strip():
                continue
            parent = position.get(clause.parent, -1) if clause.parent else -1
            position[clause.anchor] = len(clauses)
            clauses.append([d_index, clause.anchor, clause.label, clause.kind, parent, clause.text])
            texts.append(clause.text)
    pages = []
    for page in site_pages(site) if site else []:
        pages.append([page["url"], page["kind"], page["title"], " ".join(page["headings"]), page["text"]])
        texts.extend([page["title"], *page["headings"]])
    extra = [w for group in config["synonyms"] for w in group]
    extra += [w for entry in config["answer_words"] for part in entry for w in part]
    return {
        "v": 1,
        "docs": docs,
        "clauses": clauses,
        "pages": pages,
        "words": " ".join(vocabulary(texts, extra)),
        "synonyms": config["synonyms"],
        "questions": config["question_words"],
        "answers": config["answer_words"],
    }


def dumps(index: dict) -> str:
    # json.dumps escapes nothing that could end a script early except "</", handled here
    body = json.dumps(index, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"{PREFIX}{body};\n"


def loads(source: str) -> dict:
    if not source.startswith(PREFIX):
        raise ValueError(f"not a search index (expected it to start with {PREFIX!r})")
    return json.loads(source[len(PREFIX):].rstrip().rstrip(";"))


def write_index(site: Path, corpus) -> Path:
    out = site / INDEX_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dumps(build_index(corpus, site)), encoding="utf-8")
    return out


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def remove_material_search(site: Path) -> list[str]:
    """Material's lunr search files, which nothing loads once this index replaces them."""
    removed = []
    lunr = site / "assets" / "javascripts" / "lunr"
    if lunr.is_dir():
        shutil.rmtree(lunr)
        removed.append("assets/javascripts/lunr/")
    for worker in sorted((site / "assets" / "javascripts" / "workers").glob("search.*.js*")):
        worker.unlink()
        removed.append(worker.relative_to(site).as_posix())
    workers = site / "assets" / "javascripts" / "workers"
    if workers.is_dir() and not any(workers.iterdir()):
        workers.rmdir()
    for name in ("search_index.json", "search_index.js"):
        if (site / "search" / name).exists():
            (site / "search" / name).unlink()
            removed.append(f"search/{name}")
    return removed
