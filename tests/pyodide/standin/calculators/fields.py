"""Stand-in field tables (same names as the real calculators.fields)."""
MESSAGES = {
    "required": "请填写“{label}”。",
    "integer": "“{label}”应填整数。",
    "number": "“{label}”应填数字。",
    "boolean": "“{label}”只能填“是”或“否”（true 或 false）。",
    "choice": "“{label}”只能选：{choices}。",
    "list": "“{label}”应是一个列表，最多 {max_items} 项。",
    "negative": "“{label}”不能是负数。",
    "not_positive": "“{label}”必须大于 {min}。",
    "too_big": "“{label}”不能大于 {max}{unit}{why}。",
    "nights_exceed_days": "“{label}”不能大于“{other}”。",
    "unknown_rules": "没有编号为“{name}”的规则集。可用：{choices}。",
}
MAX_REASONS = {31: "（一个月最多 31 天）", 366: "（一年最多 366 天）"}
NOT_ABOVE = {"attendance": [("nights_in_village", "days_in_village", "nights_exceed_days")]}
_BY_PERIOD = {"field": "period", "values": {"month": 31, "year": 366}}
FIELDS = {
    "attendance": [
        {"name": "period", "label": "统计时段", "type": "choice", "required": True,
         "choices": [{"value": "month", "label": "按月"}, {"value": "year", "label": "按年"}], "help": "按月还是按年。"},
        {"name": "days_in_village", "label": "驻村工作天数", "type": "integer", "min": 0, "max_by": _BY_PERIOD,
         "required": True, "unit": "天", "help": "按制度计入在村的天数。"},
        {"name": "nights_in_village", "label": "在村住宿天数", "type": "integer", "min": 0, "max_by": _BY_PERIOD,
         "required": False, "unit": "天", "help": "选填。"},
        {"name": "excused", "label": "缺少的天数是否办了请假手续", "type": "boolean", "required": False, "help": "选填。"},
    ],
    "quota": [
        {"name": "total_cadres", "label": "全县驻村干部总数", "type": "integer", "min": 0, "max": 100000,
         "required": True, "unit": "人", "help": ""},
    ],
}
