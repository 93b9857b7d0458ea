import json
from pathlib import Path

RULES = {
    "toy-a": {"title": "甲县办法（测试）", "attendance": {"month": 20, "year": 220, "cite": "hebei-measures#art-17"}},
    "toy-b": {"title": "乙县细则（测试）", "attendance": {"month": 18, "year": 200, "cite": "shenmu-2021#s7-2-3"}},
}


def compile_rules():
    return "rules.json", json.dumps(RULES, ensure_ascii=False, sort_keys=True)


def load():
    p = Path(__file__).with_name("rules.json")
    if p.exists():
        return json.loads(p.read_text(encoding="utf-8"))
    return RULES
