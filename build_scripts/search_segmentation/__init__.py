"""Sub-words of Chinese compounds for Material's search index.

Material cuts Chinese with jieba's default mode, so 行政处罚 is one token and a query for 处罚 finds
nothing. Each index entry here gets, as extra `tags`, every dictionary word of two or more characters
inside its text in jieba's search mode (行政处罚 → 行政, 处罚, 行政处罚; 第十七条 → 十七, 第十七条). The
text shown in results is unchanged; the tags are hidden in results by CSS and carry a low boost
(mkdocs.yml: plugins.search.fields).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import jieba

ZWSP = "\u200b"
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# 第十七条, 第二章: the whole ordinal and its number are both findable
ORDINAL = re.compile(r"第([零一二三四五六七八九十百两]+)[条章款项节篇]")
# 20天, 220天, 3次, 40%: a number with its unit is one searchable word (a query for 12天 wants 12 days)
NUMBER_WITH_UNIT = re.compile(r"\d+(?:\.\d+)?(?:[天年月日次个名人元万份]|%|周岁|小时|个工作日)")
USER_DICT = Path(__file__).with_name("user_dict.txt")


@functools.lru_cache(maxsize=1)
def _load_dictionary() -> None:
    jieba.initialize()
    jieba.load_userdict(str(USER_DICT))


def sub_words(text: str) -> list[str]:
    """Every dictionary word of two or more characters inside the Han runs of `text` (search mode)."""
    _load_dictionary()
    words: set[str] = set()
    plain = text.replace(ZWSP, "")
    words.update(NUMBER_WITH_UNIT.findall(plain))
    for run in HAN_RUN.findall(plain):
        words.update(w for w in jieba.cut_for_search(run, HMM=False) if len(w) >= 2)
        for ordinal in ORDINAL.finditer(run):
            words.update((ordinal.group(0), ordinal.group(1)))
    return sorted(words)


def refine_index(path: Path) -> int:
    """Add sub-word tags to every entry of a built search_index.json; returns how many entries changed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    changed = 0
    for entry in data["docs"]:
        words = sub_words(entry["title"] + " " + entry["text"])
        if words:
            entry["tags"] = list(entry.get("tags", [])) + words
            changed += 1
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed
