"""Rank the question and keyword sets with the site's own engine under Node; report recall.

    python -m build_scripts.search_index.evaluate [--site SITE_DIR] [--show-misses]

Without --site the index is built from the corpus alone (no tool pages), which is enough for clause ranking.
Question set: tests/search/questions.yml (answering anchors, any one in the top 3 counts);
keyword set: tests/site/search_queries.yml (answering documents, any one in the top 5 counts).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import yaml

from build_scripts.corpus import load_corpus

from . import INDEX_PATH, build_index, dumps

ROOT = Path(__file__).resolve().parents[2]
ENGINE = ROOT / "docs" / "assets" / "search" / "engine.js"
RUNNER = Path(__file__).with_name("evaluate.mjs")
QUESTIONS = ROOT / "tests" / "search" / "questions.yml"
KEYWORDS = ROOT / "tests" / "site" / "search_queries.yml"


class NodeMissing(RuntimeError):
    pass


def node() -> str:
    found = shutil.which("node")
    if not found:
        raise NodeMissing("node is not installed (apt-get install nodejs)")
    return found


def run_queries(queries: list[str], index_file: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        if index_file is None:
            index_file = Path(tmp) / "index.js"
            index_file.write_text(dumps(build_index(load_corpus())), encoding="utf-8")
        qfile = Path(tmp) / "queries.json"
        qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run([node(), str(RUNNER), str(ENGINE), str(index_file), str(qfile)],
                             capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def load_sets() -> tuple[list[dict], list[dict]]:
    questions = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    keywords = yaml.safe_load(KEYWORDS.read_text(encoding="utf-8"))
    return questions, keywords


def _docs_in_order(cites: list[str]) -> list[str]:
    out: list[str] = []
    for cite in cites:
        doc = cite.split("#")[0]
        if doc not in out:
            out.append(doc)
    return out


def score(questions: list[dict], keywords: list[dict], index_file: Path | None = None) -> dict:
    """recall@3 of answering clauses on the questions, recall@5 of answering documents on the keywords."""
    run = run_queries([q["query"] for q in questions] + [k["query"] for k in keywords], index_file)
    results = run["results"]
    q_res, k_res = results[:len(questions)], results[len(questions):]
    q_miss, q_first, q_doc5 = [], 0, 0
    for q, r in zip(questions, q_res):
        expect = set(q["expect"])
        if {e.split("#")[0] for e in expect} & set(_docs_in_order(r["clauses"])[:5]):
            q_doc5 += 1
        if r["clauses"][:1] and r["clauses"][0] in expect:
            q_first += 1
        if not expect & set(r["clauses"][:3]):
            q_miss.append({"query": q["query"], "expect": q["expect"], "got": r["clauses"][:5],
                           "concepts": r["concepts"]})
    k_miss, k_clause5 = [], 0
    for k, r in zip(keywords, k_res):
        if not set(k["expect"]) & set(_docs_in_order(r["clauses"][:5])):
            k_miss.append({"query": k["query"], "expect": k["expect"], "got": r["clauses"][:5]})
    ms = sorted(r["ms"] for r in results)
    return {
        "questions": len(questions), "questions_at3": len(questions) - len(q_miss), "questions_first": q_first,
        "questions_doc5": q_doc5,
        "keywords": len(keywords), "keywords_at5": len(keywords) - len(k_miss),
        "question_misses": q_miss, "keyword_misses": k_miss,
        "load_ms": run["loadMs"], "median_ms": ms[len(ms) // 2], "max_ms": ms[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site whose search/index.js to use")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    questions, keywords = load_sets()
    report = score(questions, keywords, args.site / INDEX_PATH if args.site else None)
    print(f"questions: {report['questions_at3']}/{report['questions']} answering clause in the top 3 "
          f"({report['questions_at3'] / report['questions']:.1%}), first for {report['questions_first']}; "
          f"answering document in the top 5 for {report['questions_doc5']}")
    print(f"keywords:  {report['keywords_at5']}/{report['keywords']} answering document in the top 5")
    print(f"engine under Node: index load {report['load_ms']:.1f} ms, query median {report['median_ms']:.2f} ms, "
          f"max {report['max_ms']:.2f} ms")
    if args.show_misses:
        for m in report["question_misses"] + report["keyword_misses"]:
            print(json.dumps(m, ensure_ascii=False))


if __name__ == "__main__":
    main()
