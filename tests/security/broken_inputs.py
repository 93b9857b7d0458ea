"""One tiny bad data file per case (like OpenFisca's parameter_validation tests): what is changed, and
the file (and key path or line) the build's one-line error must name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Broken:
    id: str
    file: str          # relative to the project
    old: str | None    # text replaced (None: the whole file becomes `new`)
    new: str
    names: str         # the start of the error line: the file, then `:<line>` or `: <key path>`

    def apply(self, project: Path) -> None:
        path = project / self.file
        if self.old is None:
            path.write_text(self.new, encoding="utf-8")
            return
        text = path.read_text(encoding="utf-8")
        assert self.old in text, f"{self.id}: {self.old!r} is no longer in {self.file}; update the case"
        path.write_text(text.replace(self.old, self.new, 1), encoding="utf-8")


RULES = "calculators/rules/hebei-measures.yml"
TERMS = "build_scripts/glossary/terms.yml"
DOCS = "build_scripts/corpus/documents.yml"
PAPER = "quiz_bank/county-test.yml"
SETTINGS = "quiz_bank/county_settings.yml"
FACTS = "quiz_bank/generated/facts.yml"
PAGE = "docs/offline.md"

CASES = [
    # rule sets
    Broken("rules-yaml", RULES, "document: hebei-measures\n", "document: [hebei-measures\n", f"{RULES}:"),
    Broken("rules-not-mapping", RULES, None, "- just\n- a list\n", f"{RULES}"),
    Broken("rules-missing-key", RULES, "document: hebei-measures\n", "", f"{RULES}: document"),
    Broken("rules-unknown-document", RULES, "document: hebei-measures\n", "document: nowhere-2020\n",
           f"{RULES}: document"),
    Broken("rules-restated-fact", RULES, "document: hebei-measures\n", "document: hebei-measures\nlevel: 省\n",
           f"{RULES}: level"),
    Broken("rules-bad-anchor", RULES, "    cite: hebei-measures#art-20-5\n    quote: 评为不称职等次",
           "    cite: hebei-measures#art-99\n    quote: 评为不称职等次", f"{RULES}: consequences.unfit"),
    Broken("rules-bad-quote", RULES, "    quote: 评为不称职等次", "    quote: 评为优秀等次",
           f"{RULES}: consequences.unfit"),
    Broken("rules-markup-in-enum", RULES, "    kind: tier\n", "    kind: <script>x</script>\n",
           f"{RULES}: consequences.unfit.kind"),
    Broken("rules-id-markup", RULES, "id: hebei-measures\n", "id: <b>hebei-measures</b>\n", f"{RULES}: id"),
    # glossary
    Broken("terms-yaml", TERMS, "- term: 第一书记\n", "- term: [第一书记\n", f"{TERMS}:"),
    Broken("terms-missing-plain", TERMS, "  plain: 上级机关、单位选派到村", "  plainer: 上级机关、单位选派到村",
           f"{TERMS}: entry 1"),
    Broken("terms-bad-cite", TERMS, "used_in: [hebei-measures#art-4, ", "used_in: [hebei-measures#art-404, ",
           f"{TERMS}: entry 1"),
    Broken("terms-markup-in-match", TERMS, "match: [第一书记]", "match: [<b>第一书记</b>]", f"{TERMS}: entry 1"),
    Broken("terms-not-list", TERMS, None, "term: 第一书记\n", f"{TERMS}"),
    # documents metadata
    Broken("documents-yaml", DOCS, "    short: 中央指导意见\n", "    short: [中央指导意见\n", f"{DOCS}:"),
    Broken("documents-missing-start", DOCS, "    start: \"河北省精准脱贫驻村干部选派管理办法第一章总则\"",
           "    start: \"这段文字不在种子文件里\"", f"{DOCS}"),
    Broken("documents-missing-level", DOCS, "    level: 中央\n", "", f"{DOCS}"),
    Broken("documents-level-markup", DOCS, "    level: 中央\n", "    level: <b>中央</b>\n", f"{DOCS}:"),
    Broken("documents-id-markup", DOCS, "  - id: central-2017\n", "  - id: <b>central-2017</b>\n", f"{DOCS}:"),
    Broken("documents-role-words", DOCS, "    role_words: {team_leader:", "    role_words: {leader:", f"{DOCS}:"),
    # question banks and county settings
    Broken("settings-yaml", SETTINGS, "poor_villages: null", "poor_villages: [", f"{SETTINGS}:"),
    Broken("settings-not-mapping", SETTINGS, None, "- 45\n", f"{SETTINGS}"),
    Broken("settings-value-list", SETTINGS, "poor_villages: null", "poor_villages: [1, 2]", f"{SETTINGS}:4: poor_villages"),
    Broken("settings-key-markup", SETTINGS, "poor_villages: null", "<b>x</b>: 1", f"{SETTINGS}:4: <b>x</b>"),
    Broken("bank-yaml", PAPER, "  date_label: \"12.17\"\n", "  date_label: [\"12.17\"\n", f"{PAPER}:"),
    Broken("bank-missing-answer", FACTS, "  answer: [一村一队]\n", "", f"{FACTS}:"),
    Broken("bank-bad-cite", FACTS, "  cite: central-2017#s1-2\n", "  cite: central-2017#s9-9\n", f"{FACTS}:"),
    # a hand-written page
    Broken("page-bad-cite", PAGE, "# 离线版\n", "# 离线版\n\n见 [[cite:hebei-measures#art-99]]。\n",
           f"{PAGE}:7: citation 'hebei-measures#art-99'"),
    Broken("page-malformed-cite", PAGE, "# 离线版\n", "# 离线版\n\n见 [[cite:第十七条]]。\n",
           f"{PAGE}:7: citation '第十七条' is not of the form"),
]
