"""The "before" column of the search section: Material's lunr search on the same question and keyword sets.

    git worktree add /tmp/before da58662 && (cd /tmp/before && mkdocs build -d /tmp/before-site)
    python -m build_scripts.benchmarks.search_before /tmp/before-site

Types each query into Material's search box in Chromium (390×844) and counts: the answering document among
the first five documents of the results (questions and keywords) and the answering clause among the first
three results (Material's results stop at page sections, so this is near zero). The numbers go into
search_latency.TODAY by hand: the old site is not rebuilt on every run.
"""

from __future__ import annotations

import functools
import json
import sys
import threading
from pathlib import Path

from build_scripts.search_index import evaluate

META = "document.querySelector('.md-search-result__meta')"


def _doc(href: str) -> str:
    return href.split("#")[0].split("?")[0].rsplit("/", 1)[-1].removesuffix(".html")


def _docs5(hrefs: list[str]) -> list[str]:
    out: list[str] = []
    for h in hrefs:
        if _doc(h) not in out:
            out.append(_doc(h))
    return out[:5]


def main(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from build_scripts.benchmarks.calculator_load import fresh_page
    from tests.conftest import _QuietHandler, _Server
    questions, keywords = evaluate.load_sets()
    server = _Server(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    results = []
    with sync_playwright() as p:
        context, page, profile = fresh_page(p, observer=False)
        page.goto(url + "index.html")
        page.locator("label.md-header__button[for=__search]").click()
        page.wait_for_function(f"(() => {{ const m = {META}; return m && /键入/.test(m.textContent); }})()", timeout=20000)
        box = page.locator("input.md-search__input")
        for item in questions + keywords:
            box.fill("")
            box.press("End")
            page.wait_for_timeout(50)
            box.fill(item["query"])
            box.press("End")  # Material searched on keyup only
            try:
                page.wait_for_function(f"(() => {{ const m = {META}; return m && /符合条件|没有/.test(m.textContent); }})()",
                                       timeout=8000)
            except Exception:  # noqa: BLE001 - no answer counts as no result
                pass
            page.wait_for_timeout(250)
            hrefs = page.eval_on_selector_all("li.md-search-result__item > a.md-search-result__link",
                                              "els => els.map(e => e.getAttribute('href'))")
            results.append(hrefs[:10])
        context.close()
        profile.cleanup()
    server.shutdown()
    q_res, k_res = results[:len(questions)], results[len(questions):]
    return {
        "questions": len(questions),
        "questions_doc5": sum(1 for q, r in zip(questions, q_res)
                              if {e.split("#")[0] for e in q["expect"]} & set(_docs5(r))),
        "questions_clause3": sum(1 for q, r in zip(questions, q_res)
                                 if set(q["expect"]) & {_doc(h) + "#" + h.split("#")[1] for h in r[:3] if "#" in h}),
        "keywords": len(keywords),
        "keywords_doc5": sum(1 for k, r in zip(keywords, k_res) if set(k["expect"]) & set(_docs5(r))),
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1])), ensure_ascii=False))
