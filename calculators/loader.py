"""Load the rule sets: YAML files when PyYAML is there, else the compiled JSON.

`calculators/rules/*.yml` is the source. In the browser (Pyodide) PyYAML is not available,
so a build step runs `compile_rule_sets()` (CLI: `python -m calculators compile`) to write
every rule set into `calculators/rules_compiled.json`. Both paths validate with the same
schema and give the same dicts.

A rule set names its document (`document:`) and nothing else about it: the document's names, level and
jurisdiction are stated once, in `build_scripts/corpus/documents.yml`, and joined in here (`join_documents`)
as `name`, `short_name`, `level` and `jurisdiction`. The compiled JSON carries those facts for the
documents the rule sets name, so the browser needs no second file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .schema import RuleSetError, validate_rule_set

PACKAGE_DIR = Path(__file__).resolve().parent
RULES_DIR = PACKAGE_DIR / "rules"
COMPILED = PACKAGE_DIR / "rules_compiled.json"
COMPILED_FORMAT = 2
DOCUMENTS_FILE = PACKAGE_DIR.parent / "build_scripts" / "corpus" / "documents.yml"
# rule-set key <- documents.yml key: the facts a rule set takes from its document
JOINED = {"name": "title", "short_name": "short", "level": "level", "jurisdiction": "jurisdiction"}

_cache: dict[str, dict[str, Any]] | None = None


def yaml_available() -> bool:
    try:
        import yaml  # noqa: F401
    except ImportError:
        return False
    return True


def read_documents(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """{document id: {name, short_name, level, jurisdiction}} from documents.yml (needs PyYAML)."""
    data = read_yaml(DOCUMENTS_FILE if path is None else path) or {}
    return {d["id"]: {key: d.get(src) for key, src in JOINED.items()}
            for d in data.get("documents") or [] if isinstance(d, dict) and "id" in d}


def join_documents(rule_sets: dict[str, dict[str, Any]], documents: dict[str, dict[str, Any]],
                   source: str = "calculators/rules") -> dict[str, dict[str, Any]]:
    """Each rule set with its document's names, level and jurisdiction; a rule set naming a document
    that is not listed is an error."""
    out: dict[str, dict[str, Any]] = {}
    for rid, rs in rule_sets.items():
        facts = documents.get(rs["document"])
        if facts is None:
            raise RuleSetError(f"{source}/{rid}.yml", [("document", f"{rs['document']!r} is not a document listed in "
                                                                    "build_scripts/corpus/documents.yml")])
        out[rid] = {**rs, **facts}
    return out


def load_yaml_dir(rules_dir: Path | None = None,
                  documents: dict[str, dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """Every rule set of a folder, validated and joined with its document's facts (documents: as
    `read_documents()` gives, default documents.yml)."""
    import yaml

    rules_dir = RULES_DIR if rules_dir is None else rules_dir
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(rules_dir.glob("*.yml")):
        source = f"calculators/rules/{path.name}" if rules_dir == RULES_DIR else str(path)
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise RuleSetError(source, [("", f"not valid YAML: {exc}")]) from exc
        out[path.stem] = validate_rule_set(doc, source, expected_id=path.stem)
    return join_documents(out, read_documents() if documents is None else documents)


def read_yaml(path: Path) -> Any:
    """One YAML file (PyYAML is imported here only: the package runs without it in Pyodide)."""
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_compiled(path: Path | None = None) -> dict[str, dict[str, Any]]:
    path = COMPILED if path is None else path
    if not path.exists():
        raise RuleSetError(str(path), [("", "compiled rule sets missing: run `python -m calculators compile` "
                                            "(needs PyYAML) before building the wheel")])
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != COMPILED_FORMAT:
        raise RuleSetError(str(path), [("format", f"expected {COMPILED_FORMAT}")])
    sets = data["rule_sets"]
    raw = {rid: validate_rule_set(doc, f"{path.name}:{rid}", expected_id=rid) for rid, doc in sets.items()}
    return join_documents(raw, data["documents"], path.name)


def load_rule_sets(source: str = "auto") -> dict[str, dict[str, Any]]:
    """All rule sets by id. source: "auto" (YAML if possible, else JSON), "yaml" or "json"."""
    global _cache
    if source == "auto":
        if _cache is None:
            use_yaml = (yaml_available() and RULES_DIR.is_dir() and any(RULES_DIR.glob("*.yml"))
                        and DOCUMENTS_FILE.is_file())
            _cache = load_yaml_dir() if use_yaml else load_compiled()
        return _cache
    return load_yaml_dir() if source == "yaml" else load_compiled()


def compiled_text(rule_sets: dict[str, dict[str, Any]]) -> str:
    """Joined rule sets as the compiled JSON: each rule set as written, and the facts of the documents
    they name once beside them."""
    documents = {rs["document"]: {k: rs[k] for k in JOINED} for rs in rule_sets.values()}
    raw = {rid: {k: v for k, v in rs.items() if k not in JOINED} for rid, rs in rule_sets.items()}
    return json.dumps({"format": COMPILED_FORMAT, "documents": documents, "rule_sets": raw},
                      ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def compile_rule_sets(out: Path | None = None, rules_dir: Path | None = None) -> Path:
    """Validate every YAML rule set and write them as one JSON file (needs PyYAML)."""
    out = COMPILED if out is None else out
    out.write_text(compiled_text(load_yaml_dir(rules_dir)), encoding="utf-8")
    return out


def clear_cache() -> None:
    global _cache
    _cache = None
