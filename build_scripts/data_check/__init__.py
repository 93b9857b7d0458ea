"""Every data file checked before the build writes anything: one line per problem, naming the file and
the line or key path, never a traceback.

    problems(root=ROOT) -> list[str]

Runs from the first hook's on_pre_build (build_scripts/data_check/hook.py), before MkDocs empties the
site directory, so a failed build leaves the previous site as it was. The checks are the project's own
validators (rule-set schema and citations, glossary, corpus slicing, bank validation, [[cite:]] in docs/) plus the shape of
documents.yml (its levels, topics and role words from calculators/vocabulary.json) and county_settings.yml;
whatever a validator raises is turned into one line.

`python -m build_scripts.data_check` prints the same lines (exit 1 when there are any).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

import yaml

from build_scripts.quiz.yaml_lines import LineDict, load_with_lines
from calculators.citations import is_id
from calculators.vocabulary import LEVELS, PAGE_TOPICS, ROLES

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = "build_scripts/corpus/documents.yml"
TERMS = "build_scripts/glossary/terms.yml"
SETTINGS = "quiz_bank/county_settings.yml"
RULES = "calculators/rules"
SYNONYMS = "build_scripts/search_index/synonyms.yml"
DOCS = "docs"

DOC_REQUIRED = ("id", "short", "seed", "start", "title", "level", "jurisdiction", "completeness")
ONE_LINE_TEXT = re.compile(r"[\r\n\u2028\u2029]")


def _one_line(text: Any) -> str:
    return re.sub(r"\s*\n\s*", " ", str(text)).strip()


def _load(rel: str, root: Path, out: list[str]):
    """The file as data with line numbers (LineDict/LineList), or None with the problem in `out`."""
    path = root / rel
    try:
        return load_with_lines(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        out.append(f"{rel}: missing")
    except UnicodeDecodeError as exc:
        out.append(f"{rel}: not UTF-8 text ({exc.reason} at byte {exc.start})")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{rel}:{mark.line + 1}" if mark else rel
        out.append(f"{where}: not valid YAML: {_one_line(getattr(exc, 'problem', None) or exc)}")
    return None


def _line(obj: Any, key: str | None = None) -> str:
    if isinstance(obj, LineDict):
        return f":{obj.line_of(key) if key else obj.line}"
    return f":{obj.line}" if getattr(obj, "line", 0) else ""


def _guard(out: list[str], where: str, check: Callable[[], list[str] | None]) -> Any:
    """Run one validator; anything it raises becomes one line naming `where`."""
    try:
        return check()
    except Exception as exc:  # noqa: BLE001 - a validator's crash on bad data is a data problem too
        out.append(f"{where}: {_one_line(exc) or type(exc).__name__}")
        return None


def check_documents(spec: Any) -> list[str]:
    out = []
    if not isinstance(spec, dict) or not isinstance(spec.get("documents"), list):
        return [f"{DOCUMENTS}{_line(spec)}: expected a mapping with documents:"]
    seen = set()
    for i, doc in enumerate(spec["documents"]):
        if not isinstance(doc, dict):
            out.append(f"{DOCUMENTS}{_line(spec['documents'])}: documents[{i}]: expected a mapping")
            continue
        where = f"{DOCUMENTS}{_line(doc)}: {doc.get('id', f'documents[{i}]')}"
        for key in DOC_REQUIRED:
            if doc.get(key) in (None, ""):
                out.append(f"{where}: {key}: is required")
        for key, value in doc.items():
            if key in ("start", "end", "title_text", "closing_line", "join_after", "parts", "sublists", "topics",
                       "date", "keep_inner_spaces", "role_words"):
                continue
            if value is not None and not isinstance(value, (str, int, float)):
                out.append(f"{where}: {key}: expected text")
            elif isinstance(value, str) and ONE_LINE_TEXT.search(value):
                out.append(f"{where}: {key}: one line of text")
        doc_id = doc.get("id")
        if isinstance(doc_id, str):
            if not is_id(doc_id):
                out.append(f"{where}: id: lower-case letters, digits and - only (it is used in citations)")
            if doc_id in seen:
                out.append(f"{where}: id: used twice")
            seen.add(doc_id)
        if doc.get("level") is not None and doc.get("level") not in LEVELS:
            out.append(f"{where}: level: {doc.get('level')!r} is not one of {', '.join(LEVELS)}")
        if doc.get("completeness") not in (None, "whole", "excerpt"):
            out.append(f"{where}: completeness: whole or excerpt")
        if doc.get("completeness") == "excerpt" and not doc.get("stops_at"):
            out.append(f"{where}: stops_at: an excerpt says where it stops")
        doc_topics = doc.get("topics") or []
        if not isinstance(doc_topics, list) or any(t not in PAGE_TOPICS for t in doc_topics):
            out.append(f"{where}: topics: a list of {', '.join(PAGE_TOPICS)}")
        words = doc.get("role_words") or {}
        if not isinstance(words, dict) or any(r not in ROLES or not isinstance(w, str) or not w.strip()
                                              or ONE_LINE_TEXT.search(w) for r, w in words.items()):
            out.append(f"{where}: role_words: a mapping of {', '.join(ROLES)} to one line of text")
    return out


def check_settings(data: Any) -> list[str]:
    if data is None:
        return []
    if not isinstance(data, dict):
        return [f"{SETTINGS}{_line(data)}: expected a mapping of setting: value"]
    out = []
    for key, value in data.items():
        where = f"{SETTINGS}{_line(data, key)}: {key}"
        if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            out.append(f"{where}: a setting name is lower-case letters, digits and _")
        if isinstance(value, bool) or not (value is None or isinstance(value, (str, int, float))):
            out.append(f"{where}: expected a number or one line of text, or null while unconfirmed")
        elif isinstance(value, str) and ONE_LINE_TEXT.search(value):
            out.append(f"{where}: one line of text")
    return out


def check_terms_shape(terms: Any) -> list[str]:
    if not isinstance(terms, list):
        return [f"{TERMS}{_line(terms)}: expected a list of terms"]
    out = []
    for i, t in enumerate(terms):
        if not isinstance(t, dict):
            out.append(f"{TERMS}{_line(terms)}: entry {i + 1}: expected a mapping (term, match, plain, …)")
            continue
        for key in ("term", "plain"):
            if key in t and not isinstance(t[key], str):
                out.append(f"{TERMS}{_line(t, key)}: entry {i + 1}: {key}: expected text")
        for key in ("match", "used_in", "defined_in"):
            if key in t and not (isinstance(t[key], list) and all(isinstance(x, str) for x in t[key])):
                out.append(f"{TERMS}{_line(t, key)}: entry {i + 1}: {key}: expected a list of text")
    return out


def _rule_sets(root: Path, out: list[str]) -> dict:
    from calculators.schema import RuleSetError, validate_rule_set

    sets = {}
    for path in sorted((root / RULES).glob("*.yml")):
        rel = f"{RULES}/{path.name}"
        data = _load(rel, root, out)
        if data is None:
            continue
        try:
            sets[path.stem] = validate_rule_set(data, rel, expected_id=path.stem)
        except RuleSetError as exc:
            out += [f"{rel}: {key or '(top)'}: {_one_line(msg)}" for key, msg in exc.problems]
        except Exception as exc:  # noqa: BLE001
            out.append(f"{rel}: {_one_line(exc)}")
    return sets


def problems(root: Path = ROOT) -> list[str]:
    out: list[str] = []
    spec = _load(DOCUMENTS, root, out)
    if spec is not None:
        _guard(out, DOCUMENTS, lambda: out.extend(check_documents(spec)))
    spec_ok = spec is not None and not any(p.startswith(DOCUMENTS) for p in out)

    corpus = None
    if spec_ok:
        from build_scripts.corpus import load_corpus
        corpus = _guard(out, DOCUMENTS, load_corpus)

    rule_sets = _rule_sets(root, out)
    if spec_ok:
        listed = {d["id"] for d in spec["documents"]}
        for rid, rs in rule_sets.items():
            if rs["document"] not in listed:
                out.append(f"{RULES}/{rid}.yml: document: {_one_line(rs['document'])!r} is not a document listed in "
                           f"{DOCUMENTS}")
    if corpus is not None and rule_sets:
        from build_scripts import comparison
        cited = _guard(out, RULES, lambda: comparison.citation_problems(rule_sets, corpus))
        out += [_one_line(p) for p in cited or []]

    terms = _load(TERMS, root, out)
    if terms is not None:
        shape = check_terms_shape(terms)
        out += shape
        if not shape and corpus is not None:
            from build_scripts import glossary
            out += [_one_line(p) for p in _guard(out, TERMS, lambda: glossary.check_terms(terms, corpus.resolve)) or []]

    settings = _load(SETTINGS, root, out) if (root / SETTINGS).exists() else None
    out += check_settings(settings)

    synonyms = _load(SYNONYMS, root, out)
    if synonyms is not None:
        from build_scripts.search_index.synonyms import SearchConfigError, validate
        try:
            validate(synonyms, SYNONYMS)
        except SearchConfigError as exc:
            out += [_one_line(line) for line in str(exc).splitlines()]

    if corpus is not None:
        out += _guard(out, DOCS, lambda: page_citation_problems(root, corpus)) or []

    if corpus is not None:
        from build_scripts.quiz.validate import bank_files, validate_files
        errors = _guard(out, "quiz_bank", lambda: validate_files(bank_files(), corpus))
        out += [_one_line(e) for e in errors or []]
    return out


def page_citation_problems(root: Path, corpus) -> list[str]:
    """Every [[cite:doc#anchor]] of the hand-written pages resolves (the Markdown extension links it)."""
    from build_scripts import citations

    return [problem for path in sorted((root / DOCS).rglob("*.md"))
            for problem in citations.page_problems(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix(),
                                                   corpus)]


def forget_loaded_data() -> None:
    """Drop the data files earlier builds in this process loaded (`mkdocs serve` rebuilds in one process
    when a watched data folder changes), so the rebuild reads them again."""
    from build_scripts.corpus import load_corpus
    from build_scripts.glossary import load_terms
    from build_scripts.quiz import importance, synonyms
    from calculators import loader

    for cached in (load_corpus, load_terms, importance.table, synonyms.table):
        cached.cache_clear()
    loader.clear_cache()
