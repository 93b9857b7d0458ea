"""Stand-in loader: same names as the real calculators.loader (COMPILED, compiled_text, load_yaml_dir)."""
import json
from pathlib import Path

COMPILED = Path(__file__).resolve().parent / "rules_compiled.json"
RULES = {
    "toy-a": {"title": "甲县办法（测试）", "attendance": {"month": 20, "year": 220, "cite": "hebei-measures#art-17"}},
    "toy-b": {"title": "乙县细则（测试）", "attendance": {"month": 18, "year": 200, "cite": "shenmu-2021#s7-2-3"}},
}


def load_yaml_dir():
    return RULES


def compiled_text(rule_sets):
    return json.dumps({"format": 1, "rule_sets": rule_sets}, ensure_ascii=False, sort_keys=True)


def clear_cache():
    pass


def load_rule_sets():
    if COMPILED.exists():
        return json.loads(COMPILED.read_text(encoding="utf-8"))["rule_sets"]
    return RULES
