"""Stand-in engine: the describe()/run_json() contract with one toy calculator."""
import json

from .loader import load_rule_sets as load

from .fields import FIELDS, MESSAGES


def describe():
    rules = load()
    return {
        "calculators": [
            {"name": "attendance", "title": "考勤达标", "fields": FIELDS["attendance"], "rule_sets": sorted(rules)},
            {"name": "quota", "title": "优秀名额", "fields": FIELDS["quota"], "rule_sets": ["toy-a"]},
        ],
        "rule_sets": [{"id": k, "title": v["title"]} for k, v in sorted(rules.items())],
    }


def _err(field, message):
    return json.dumps({"error": {"field": field, "message": message}}, ensure_ascii=False)


def run_json(calculator, rules_id, json_text):
    rules = load()
    if calculator not in FIELDS:
        return _err("calculator", f"没有名为“{calculator}”的计算器")
    if rules_id not in rules:
        return _err("rules", MESSAGES["unknown_rules"].format(name=rules_id, choices="、".join(sorted(rules))))
    data = json.loads(json_text)
    for f in FIELDS[calculator]:
        v = data.get(f["name"])
        if v is None:
            if f["required"]:
                return _err(f["name"], f"请填写“{f['label']}”")
            continue
        if f["type"] == "integer" and (not isinstance(v, int) or v < f["min"]):
            return _err(f["name"], MESSAGES["integer"].format(label=f["label"]))
    if calculator == "quota":
        return json.dumps({"max_excellent": data["total_cadres"] * 30 // 100,
                           "findings": [{"text": "优秀比例不超过30%", "cite": "hebei-measures#art-20"}]},
                          ensure_ascii=False)
    r = rules[rules_id]["attendance"]
    if data["period"] == "month" and data["days_in_village"] > 31:
        return _err("days_in_village", "一个月不会超过 31 天")
    need = r[data["period"]]
    short = max(0, need - data["days_in_village"])
    return json.dumps({
        "compliant": short == 0, "required": need, "shortfall": short,
        "findings": [{"text": f"每{'月' if data['period'] == 'month' else '年'}在村不少于{need}天", "cite": r["cite"]}],
        "consequences": [] if short == 0 else [{"text": "年度考核不得评为优秀", "cite": r["cite"]}],
    }, ensure_ascii=False)


CASES = [
    {"calculator": "attendance", "rules": "toy-a", "input": {"period": "month", "days_in_village": 20}},
    {"calculator": "attendance", "rules": "toy-a", "input": {"period": "month", "days_in_village": 19}},
    {"calculator": "attendance", "rules": "toy-b", "input": {"period": "year", "days_in_village": 205}},
    {"calculator": "attendance", "rules": "toy-b", "input": {"period": "month", "days_in_village": 40}},
    {"calculator": "quota", "rules": "toy-a", "input": {"total_cadres": 7}},
    {"calculator": "quota", "rules": "nope", "input": {"total_cadres": 7}},
]
