"""Validate question banks: `python -m build_scripts.quiz.validate [files...]`.

Every error is reported as `file:line: message`. Checks: schema, answers among options, ids unique
across banks, accepted alternatives distinct after normalisation, no two questions the same after
normalisation, citations resolve and the cited clause states the fact tested (needs the corpus), no wrong
option is a synonym or superset of a right one (quiz_bank/sources/synonyms.yml).
"""
from __future__ import annotations

import pathlib
import sys

from build_scripts.corpus import Corpus, load_corpus

from .grounding import check_grounding
from .normalise import normalise
from .schema import answer_texts, check_question
from .synonyms import check_options
from .yaml_lines import BankError, load_with_lines

ROOT = pathlib.Path(__file__).resolve().parents[2]
BANK_DIR = ROOT / "quiz_bank"
NOT_BANKS = {"county_settings.yml"}


def bank_files() -> list[pathlib.Path]:
    own = [p for p in sorted(BANK_DIR.glob("*.yml")) if p.name not in NOT_BANKS]
    return own + sorted((BANK_DIR / "generated").glob("*.yml"))


def load_bank(path) -> tuple[dict, list]:
    path = pathlib.Path(path)
    try:
        data = load_with_lines(path.read_text("utf-8"))
    except Exception as exc:  # yaml errors carry their own line
        mark = getattr(exc, "problem_mark", None)
        raise BankError(_rel(path), (mark.line + 1) if mark else 1, f"YAML error: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise BankError(_rel(path), 1, "a bank is a mapping with a questions: list")
    return data, data["questions"]


def _rel(path) -> str:
    try:
        return str(pathlib.Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def signature(q) -> str:
    return q.get("section", "") + ":" + normalise(q.get("stem", "")) + "=>" + "|".join(sorted(normalise(a) for a in answer_texts(q)))


def validate_files(paths, corpus: Corpus | None = None) -> list[BankError]:
    """All problems in the given bank files. corpus=None skips the citation checks."""
    errors, seen_ids, seen_sig = [], {}, {}
    for path in paths:
        rel = _rel(path)
        try:
            _, questions = load_bank(path)
        except BankError as exc:
            errors.append(exc)
            continue
        for q in questions:
            qline = getattr(q, "line", 0)
            problems = check_question(q)
            if isinstance(q, dict) and not q.get("missing"):
                problems += [(q.line_of("options") if hasattr(q, "line_of") else 0, m) for m in check_options(q)]
            if corpus is not None and isinstance(q, dict):
                problems += check_grounding(q, corpus)
            errors += [BankError(rel, ln or qline, f"{q.get('id') if isinstance(q, dict) else '?'}: {msg}")
                       for ln, msg in problems]
            if not isinstance(q, dict):
                continue
            qid = q.get("id")
            if qid in seen_ids:
                errors.append(BankError(rel, q.line_of("id"), f"duplicate id {qid!r} (first at {seen_ids[qid]})"))
            else:
                seen_ids[qid] = f"{rel}:{q.line_of('id')}"
            if q.get("missing") or not q.get("answer"):
                continue
            sig = signature(q)
            if sig in seen_sig:
                errors.append(BankError(rel, qline, f"{qid}: same question as {seen_sig[sig]} after normalisation"))
            else:
                seen_sig[sig] = f"{qid} ({rel}:{qline})"
    return errors


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    paths = [pathlib.Path(p) for p in argv] or bank_files()
    errors = validate_files(paths, load_corpus())
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(paths)} bank file(s), {len(errors)} error(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
