"""Stand-in engine: the describe()/run_json() contract with one toy calculator."""
import json

from .compile import load

FIELDS = {
    "attendance": [
        {"name": "period", "label": "考勤周期", "type": "choice", "required": True,
         "choices": [["month", "按月"], ["year", "按年"]], "help": "按月还是按年计算。"},
        {"name": "days_in_village", "label": "在村天数", "type": "int", "min": 0, "max": 366, "required": True,
         "unit": "天", "help": "按制度计入在村的天数。"},
        {"name": "excused", "label": "缺勤是否已请假", "type": "bool", "required": False, "help": ""},
    ],
    "quota": [
        {"name": "total_cadres", "label": "参加考核的驻村干部人数", "type": "int", "min": 1, "max": 100000,
         "required": True, "unit": "人", "help": ""},
    ],
}


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
        return _err("rules", f"没有名为“{rules_id}”的规则集")
    data = json.loads(json_text)
    for f in FIELDS[calculator]:
        v = data.get(f["name"])
        if v is None:
            if f["required"]:
                return _err(f["name"], f"请填写“{f['label']}”")
            continue
        if f["type"] == "int" and (not isinstance(v, int) or v < f["min"] or v > f["max"]):
            return _err(f["name"], f"“{f['label']}”应为 {f['min']} 到 {f['max']} 之间的整数")
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
