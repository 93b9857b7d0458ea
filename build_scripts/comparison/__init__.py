"""Comparison pages (compare/*.md) generated from the calculators' rule sets, and the rule-set citation check.

    build_pages(rule_sets) -> {src_uri: markdown}     # the pages, one module per page type
    citation_problems(rule_sets, corpus) -> [str]     # calculators.citecheck against the clause texts
    checked_rule_sets() -> rule_sets                  # loaded, validated and citation-checked (ComparisonError)

Nothing here holds a value: every number, approver and consequence comes from
`calculators/rules/*.yml`, so the site and the calculators read the same data.
"""

from __future__ import annotations

from build_scripts.corpus import CorpusError, load_corpus
from build_scripts.corpus.numerals import int_to_chinese
from build_scripts.safe_text import md_data
from calculators.citecheck import rule_set_problems
from calculators.loader import load_yaml_dir
from calculators.schema import RuleSetError
from calculators.vocabulary import TOPIC_NAMES

from . import assessment, attendance, eligibility, leave, md, readings, support

PAGE_MODULES = (attendance, leave, assessment, eligibility, support)
# What a rule set covers (the index's 涉及 column); where a question topic is the same thing, its name.
TOPICS = (("attendance", "考勤"), ("leave", TOPIC_NAMES["leave"]), ("assessment", "考核/召回"), ("quota", "优秀比例"),
          ("eligibility", TOPIC_NAMES["eligibility"]), ("support", TOPIC_NAMES["benefits"]))


def index_page(rule_sets: dict[str, md.RuleSet]) -> str:
    links = "\n".join(f"- [{m.TITLE}]({m.SLUG}.md)：{m.WHAT}" for m in PAGE_MODULES + (readings,))
    rows = [[md.who(rs), rs.get("level", ""), "、".join(name for key, name in TOPICS if key in rs) or md.NOT_STATED]
            for rs in md.ordered(rule_sets).values()]
    return ("# 各地规定对比\n\n"
            "同一件事，各地文件的规定不一样。下面几页把各地规定并排列出，每条都链接到原文条款。"
            "这些页面和计算器用的是同一份规则数据。\n\n"
            f"{links}\n\n{md.COUNTING_RULE}\n\n## 收录的文件\n\n"
            + md.table(["地区与文件", "层级", "涉及"], rows))


def build_pages(rule_sets: dict[str, md.RuleSet]) -> dict[str, str]:
    """The pages, from the rule sets with every text escaped for Markdown (a county's rule file is
    untrusted input): the page modules may then put any value into the Markdown they build."""
    rule_sets = md_data(rule_sets)
    pages = {"compare/index.md": index_page(rule_sets)}
    pages.update({f"compare/{m.SLUG}.md": m.render(rule_sets) for m in PAGE_MODULES})
    pages[f"compare/{readings.SLUG}.md"] = readings.render(rule_sets)
    return pages


def citation_problems(rule_sets: dict[str, md.RuleSet], corpus) -> list[str]:
    """`calculators/rules/<file>.yml: <key path>: <problem>` for every citation that fails."""
    return rule_set_problems(rule_sets, lambda cite: corpus.resolve(cite)[1].text, int_to_chinese)


class ComparisonError(ValueError):
    """A rule set that cannot be loaded or cites a clause wrongly; the message names file and key path."""


def checked_rule_sets() -> dict[str, md.RuleSet]:
    """Every rule set, validated, with every cite/quote/number checked against the clause texts."""
    try:
        rule_sets = load_yaml_dir()
        corpus = load_corpus()
    except (RuleSetError, CorpusError) as exc:
        raise ComparisonError(f"comparison pages: {exc}") from exc
    problems = citation_problems(rule_sets, corpus)
    if problems:
        raise ComparisonError("rule-set citations:\n  " + "\n  ".join(problems))
    return rule_sets
