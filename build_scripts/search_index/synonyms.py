"""The search vocabulary a county edits: synonym groups, question words and what a question asks for (synonyms.yml).

The file is untrusted input: every problem is reported in Chinese with the group it is in, and the
build stops. The strings reach the page only as text (the search script never builds HTML from them).
"""

from __future__ import annotations

from pathlib import Path

import yaml

SYNONYMS_FILE = Path(__file__).with_name("synonyms.yml")
MAX_CHARS = 20


PARTS = ("synonyms", "question_words", "answer_words")


class SearchConfigError(ValueError):
    pass


def _check_word(value, where: str, problems: list[str]) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str):
        hint = "（数字请加引号）" if isinstance(value, (int, float)) and not isinstance(value, bool) else ""
        problems.append(f"{where}：{value!r} 不是文字{hint}")
        return None
    word = value.strip()
    if not word:
        problems.append(f"{where}：有一个空词")
        return None
    if len(word) > MAX_CHARS:
        problems.append(f"{where}：“{word[:MAX_CHARS]}…”超过 {MAX_CHARS} 个字")
        return None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in word):
        problems.append(f"{where}：“{word!r}”含有换行或控制字符")
        return None
    return word


def validate(data, source: str = SYNONYMS_FILE.name) -> dict:
    """{'synonyms': [[str, ...], ...], 'question_words': [str, ...], 'answer_words': [[[ask, ...], [word, ...]], ...]}
    or SearchConfigError listing every problem."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise SearchConfigError(f"{source}：文件应包含 synonyms 和 question_words 两部分")
    unknown = sorted(set(map(str, data)) - set(PARTS))
    if unknown:
        problems.append(f"{source}：不认识的部分 {', '.join(unknown)}（只能有 {'、'.join(PARTS)}）")
    groups_in = data.get("synonyms") or []
    if not isinstance(groups_in, list):
        problems.append(f"{source}：synonyms 应是一组一组的列表")
        groups_in = []
    groups: list[list[str]] = []
    seen: dict[str, int] = {}
    for i, group in enumerate(groups_in, start=1):
        where = f"{source} 同义词第 {i} 组"
        if not isinstance(group, list):
            problems.append(f"{where}：应写成 [词1, 词2, …]")
            continue
        words = []
        for value in group:
            word = _check_word(value, where, problems)
            if word is None:
                continue
            if word in seen:
                problems.append(f"{where}：“{word}”已在第 {seen[word]} 组出现，同一个词只能在一组里")
                continue
            seen[word] = i
            words.append(word)
        if len(group) < 2:
            problems.append(f"{where}：至少要有两个词")
        if len(words) >= 2:
            groups.append(words)
    questions_in = data.get("question_words") or []
    if not isinstance(questions_in, list):
        problems.append(f"{source}：question_words 应是词的列表")
        questions_in = []
    questions: list[str] = []
    for value in questions_in:
        word = _check_word(value, f"{source} 提问用语", problems)
        if word is not None and word not in questions:
            questions.append(word)
    answers = _answers(data.get("answer_words") or [], source, set(questions), problems)
    if problems:
        raise SearchConfigError("\n".join(problems))
    return {"synonyms": groups, "question_words": questions, "answer_words": answers}


def _answers(entries, source: str, questions: set[str], problems: list[str]) -> list[list[list[str]]]:
    """answer_words: [{ask: [...], words: [...]}] → [[[ask, ...], [word, ...]], ...]."""
    if not isinstance(entries, list):
        problems.append(f"{source}：answer_words 应是一条一条的列表")
        return []
    out: list[list[list[str]]] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries, start=1):
        where = f"{source} 问法第 {i} 条"
        if not isinstance(entry, dict) or set(map(str, entry)) != {"ask", "words"}:
            problems.append(f"{where}：应写成 {{ask: [问法, …], words: [原文用语, …]}}")
            continue
        lists = []
        for part in ("ask", "words"):
            values = entry[part] if isinstance(entry[part], list) else [entry[part]]
            words = [w for w in (_check_word(v, where, problems) for v in values) if w is not None]
            if not words:
                problems.append(f"{where}：{part} 至少要有一个词")
            lists.append(list(dict.fromkeys(words)))
        for ask in lists[0]:
            if ask in questions:
                problems.append(f"{where}：“{ask}”也写在 question_words 里，只能写在一处")
            elif ask in seen:
                problems.append(f"{where}：“{ask}”已在第 {seen[ask]} 条出现")
            seen.setdefault(ask, i)
        if all(lists):
            out.append(lists)
    return out


def load(path: Path | None = None) -> dict:
    path = path or SYNONYMS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"第 {mark.line + 1} 行" if mark is not None else ""
        raise SearchConfigError(f"{path.name}{line}格式有误，请检查括号、逗号和引号") from exc
    return validate(data, path.name)
