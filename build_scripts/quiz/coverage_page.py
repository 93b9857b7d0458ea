"""The coverage page (docs/quiz/coverage.md): topics x documents with question counts, rule items and
duty clauses asked, each document's share of the default pool. Written at build time by the quiz hook
into the page's `<!-- quiz-coverage -->` marker; every string from a data file goes through safe_text.md_text."""
from __future__ import annotations

from build_scripts.corpus import Corpus
from build_scripts.safe_text import md_text

from . import coverage

MARKER = "<!-- quiz-coverage -->"


def _cell(text) -> str:
    return md_text(text)  # HTML-escaping is not enough in Markdown: links, images, {: attributes}


def _doc_name(corpus: Corpus, short: dict, doc: str) -> str:
    """A document as readers know it, never its id."""
    if doc in short:
        return short[doc]
    found = corpus.documents.get(doc)
    return (found.short or found.title) if found else "原文"


def render(corpus: Corpus, questions=None, rule_sets=None) -> str:
    questions = coverage.all_questions() if questions is None else questions
    rule_sets = coverage.load_rule_sets() if rule_sets is None else rule_sets
    topics, docs, cells = coverage.table(questions)
    known = corpus.documents
    short = {d: (known[d].short or known[d].title) if d in known else d for d in docs}
    pool = coverage.default_pool(questions)
    out = [f"题库中有条文依据的题共 **{sum(a for _, a in cells.values())}** 道，其中练习和模拟考试默认出题的"
           f"必知、应知题 **{len(pool)}** 道。表中每格为“必知+应知 / 全部”题数。", ""]
    # wrapped so that assets/site.css keeps the topic column in sight while the wide table scrolls sideways
    out += ['<div class="coverage-matrix" markdown>', ""]
    out.append("| 专题 | " + " | ".join(_cell(short[d]) for d in docs) + " | 合计 |")
    out.append("|---|" + "---|" * (len(docs) + 1))
    for t in topics:
        row = [cells.get((t, d), (0, 0)) for d in docs]
        out.append(f"| {_cell(t)} | " + " | ".join(f"{p}/{a}" if a else "–" for p, a in row)
                   + f" | {sum(p for p, _ in row)}/{sum(a for _, a in row)} |")
    totals = [(sum(cells.get((t, d), (0, 0))[0] for t in topics), sum(cells.get((t, d), (0, 0))[1] for t in topics))
              for d in docs]
    out.append("| **合计** | " + " | ".join(f"{p}/{a}" for p, a in totals)
               + f" | {sum(p for p, _ in totals)}/{sum(a for _, a in totals)} |")
    out += ["", "</div>"]
    out += ["", "## 各文件在默认题目中的比例", "",
            f"任何一份文件都不超过默认题目的 {int(coverage.MAX_SHARE * 100)}%，以免练习偏重一两份文件。", ""]
    out.append("| 文件 | 比例 |")
    out.append("|---|---|")
    for d, share in coverage.doc_shares(questions).items():
        out.append(f"| {_cell(short.get(d, (known[d].short if d in known else d)))} | {share * 100:.1f}% |")
    items = coverage.rule_items(rule_sets)
    missing = coverage.uncovered_rule_items(questions, rule_sets)
    out += ["", "## 计算器所用规则", "",
            f"计算器所依据的 {len(items)} 条规则中，{len(items) - len(missing)} 条至少有一道题。"]
    if missing:
        out += ["", "还没有题的规则：", ""]
        out += [f"- {_cell(it['label'] or it['quote'])}（{_cell(_doc_name(corpus, short, it['cite'].split('#')[0]))}）"
                for it in missing]
    unasked = coverage.duty_clauses_unasked(questions)
    duty = coverage.targets().get("duty_clauses") or {}
    n_duty = sum(len(v) for v in duty.values())
    out += ["", "## 职责条款", "", f"各文件写明职责任务的 {n_duty} 处条款中，{n_duty - len(unasked)} 处有题。"]
    if unasked:
        out += [""] + [f"- {_cell(c)}" for c in unasked]
    out += ["", f"每一句条文最多出 {coverage.MAX_PER_SENTENCE} 道题，同一知识点换个说法的重复题已去掉。", ""]
    return "\n".join(out)


def fill(markdown: str, corpus: Corpus) -> str:
    return markdown.replace(MARKER, render(corpus)) if MARKER in markdown else markdown
