"""The one definition of every calculator's input fields.

The CLI, the engine's input checks, the tests and the browser forms (generated from
`calculators.engine.describe()`) all read this table, so names, limits, choices and the
Chinese error texts exist only here.

Field keys: name, label, type (integer | number | boolean | choice | list), required, min,
max (or max_by: the limit depends on another field's value), exclusive_min (number must be
greater than min), choices ([{value, label}]), item_type / max_items (for lists), unit, help.
"""

from __future__ import annotations

from typing import Any

from .vocabulary import ROLE_LABELS, ROTATION_REASONS

Field = dict[str, Any]

ROLE_CHOICES = [{"value": r, "label": label} for r, label in ROLE_LABELS.items()]

PERIOD_CHOICES = [
    {"value": "month", "label": "按月"},
    {"value": "year", "label": "按年"},
]

EMPLOYMENT_CHOICES = [
    {"value": v, "label": v}
    for v in ("在编在职", "临时聘用", "公益性岗位", "借调", "工勤", "乡镇干部", "退居二线", "退休")
]

ROTATION_CHOICES = [{"value": r, "label": label} for r, label in ROTATION_REASONS.items()]

RATING_CHOICES = [{"value": v, "label": v} for v in ("优秀", "称职", "基本称职", "不称职")]

# Days in the longest month / year: anything above is impossible.
MONTH_MAX = 31
YEAR_MAX = 366

_DAYS_BY_PERIOD = {"field": "period", "values": {"month": MONTH_MAX, "year": YEAR_MAX}}


def _f(name: str, label: str, type_: str, help_: str, **extra: Any) -> Field:
    field: Field = {"name": name, "label": label, "type": type_, "required": False, "help": help_}
    field.update(extra)
    return field


def _days_year(name: str, label: str, help_: str) -> Field:
    return _f(name, label, "integer", help_, min=0, max=YEAR_MAX, unit="天")


def _leave_days_year(help_: str) -> Field:
    """Leave can be taken by the half day (本次请假天数 takes 0.5), so its yearly total can be 2.5."""
    return _f("leave_days_year", "本年已批准请假天数", "number", help_, min=0, max=YEAR_MAX, unit="天")


CALCULATORS: dict[str, dict[str, Any]] = {
    "attendance": {
        "title": "考勤达标",
        "summary": "按所选制度核对驻村天数是否达标，列出未达标或缺勤可能引起的后果。",
        "fields": [
            _f("period", "统计时段", "choice", "按月核对还是按全年核对。", required=True,
               choices=PERIOD_CHOICES),
            _f("days_in_village", "驻村工作天数", "integer",
               "该时段内按所选制度算作驻村的天数（制度把因公出差、开会、培训算作驻村的，一并计入）。",
               required=True, min=0, max_by=_DAYS_BY_PERIOD, unit="天"),
            _f("nights_in_village", "在村住宿天数", "integer",
               "选填：该时段内住在村里（或制度认可的乡镇驻地）的天数。",
               min=0, max_by=_DAYS_BY_PERIOD, unit="天"),
            _leave_days_year("选填：今年到目前为止经批准的请假天数合计。"),
            _days_year("unexcused_days_year", "本年无故离岗天数", "选填：今年未经批准离开岗位的天数合计。"),
            _days_year("longest_unexcused_run", "最长连续无故离岗天数", "选填：今年无故离村最长连续多少天。"),
            _f("excused", "缺少的天数是否办了请假手续", "boolean",
               "选填：驻村天数不足时，缺少的天数是否都经批准请假。"),
            _f("had_good_reason", "缺少的天数是否有正当理由", "boolean",
               "选填：驻村天数不足时，缺少的天数是否有正当理由（如因公、因病）。"),
            _f("whole_year", "是否为完整的考核年度", "boolean",
               "选填：按年核对时，所填天数是否是一整个考核年度、且这一年都在驻村岗位上（年中自查或驻村不满一年选“否”）。"),
        ],
    },
    "leave": {
        "title": "请假审批",
        "summary": "按身份和请假天数查找由谁同意、由谁批准、向谁备案。",
        "fields": [
            _f("role", "身份", "choice", "请假人在驻村工作队（组）中的身份。", required=True,
               choices=ROLE_CHOICES),
            _f("days", "本次请假天数", "number", "本次请假的天数，可填半天，如 0.5、1.5。",
               required=True, min=0, exclusive_min=True, max=YEAR_MAX, unit="天"),
            _leave_days_year("选填：不含本次，今年已经批准的请假天数合计。"),
        ],
    },
    "assessment": {
        "title": "考核等次与召回",
        "summary": "按填写的情况找出制度强制规定的等次、召回、教育整改、不得提拔等后果；各项都可不填。",
        "fields": [
            _days_year("days_in_village_year", "全年驻村工作天数", "选填：考核年度内驻村工作天数。"),
            _f("months_served", "已驻村月数", "integer", "选填：本轮驻村到考核时已满多少个月。",
               min=0, max=120, unit="个月"),
            _f("task_completed", "是否完成年度任务目标", "boolean", "选填。"),
            _f("disapproval_votes", "民主评议“不称职”票数", "integer", "选填：评议中投“不称职”的票数。",
               min=0, max=100000, unit="票"),
            _f("total_votes", "民主评议总票数", "integer", "选填：参加评议的有效票总数。",
               min=0, max=100000, unit="票"),
            _f("satisfaction", "群众满意度", "number", "选填：满意度测评结果，百分数，如 48.5。",
               min=0, max=100, unit="%"),
            _f("absences_found", "督查发现不在岗次数", "integer",
               "选填：督查中累计被发现不在岗且没有请假的次数。", min=0, max=1000, unit="次"),
            _f("log_failures", "工作日志未按规定记录次数", "integer",
               "选填：未按规定及时准确记录工作日志的次数。", min=0, max=YEAR_MAX, unit="次"),
            _f("refused_correction", "是否拒绝整改", "boolean", "选填：被指出问题后是否拒绝整改。"),
            _f("rating", "本年度考核等次", "choice",
               "选填：已经评定的本人年度考核（或述职述评）等次。", choices=RATING_CHOICES),
            _f("sanctioned", "是否受到党纪政纪处分", "boolean", "选填。"),
            _f("serious_violation", "是否有违规违纪并造成恶劣（严重不良）影响", "boolean", "选填。"),
            _days_year("unexcused_days_year", "本年无故离岗天数", "选填：一年内无正当理由离村天数合计。"),
            _days_year("longest_unexcused_run", "最长连续无故离岗天数", "选填：无正当理由连续离村的最长天数。"),
            _f("rotation_reason", "拟轮换（调整）的原因", "choice",
               "选填：任期内拟轮换或调整时的原因，用来核对条文是否允许。", choices=ROTATION_CHOICES),
            _f("records_missing", "是否没有工作日记或考勤记录（或记录不真实）", "boolean",
               "选填：没有民情日记（工作日志）或弄虚作假，或没有考勤记录、记录不真实。"),
            _f("township_requested", "乡镇党委是否提出要求对其教育整改", "boolean",
               "选填：所在乡（镇、街道）党（工）委是否已提出意见，要求对本人进行教育整改。"),
        ],
    },
    "quota": {
        "title": "优秀名额",
        "summary": "按全县驻村干部总数算出年度考核优秀等次最多几人。",
        "fields": [
            _f("total_cadres", "全县驻村干部总数", "integer", "以县为单位的驻村干部人数。",
               required=True, min=0, max=100000, unit="人"),
        ],
    },
    "eligibility": {
        "title": "人选资格",
        "summary": "按所选制度核对能否被选派为第一书记或驻村工作队（组）成员。",
        "fields": [
            _f("role", "拟任身份", "choice", "拟被选派担任的身份。", required=True, choices=ROLE_CHOICES),
            _f("party_member", "是否中共正式党员", "boolean", "选填。"),
            _f("party_years", "党龄", "number", "选填：按年计，可填小数。", min=0, max=90, unit="年"),
            _f("work_years", "工作年限", "number", "选填：参加工作的年数，可填小数。", min=0, max=70, unit="年"),
            _f("employment", "身份类别", "choice", "选填：目前的人事身份。", choices=EMPLOYMENT_CHOICES),
            _f("ratings_last_two_years", "近两年年度考核等次", "list",
               "选填：近两年各年的考核等次，最多两项。", item_type="choice", max_items=2,
               choices=RATING_CHOICES),
            _f("health_ok", "身体条件能否正常履职", "boolean", "选填。"),
        ],
    },
}

# Chinese error texts. {label}, {min}, {max}, {choices}, {fields} are filled in by the checker.
MESSAGES: dict[str, str] = {
    "required": "请填写“{label}”。",
    "unknown": "没有“{name}”这一项。可填写的项目：{fields}。",
    "integer": "“{label}”应填整数。",
    "number": "“{label}”应填数字。",
    "boolean": "“{label}”只能填“是”或“否”（true 或 false）。",
    "choice": "“{label}”只能选：{choices}。",
    "list": "“{label}”应是一个列表，最多 {max_items} 项。",
    "negative": "“{label}”不能是负数。",
    "not_positive": "“{label}”必须大于 {min}。",
    "too_big": "“{label}”不能大于 {max}{unit}{why}。",
    "not_object": "输入应是一个 JSON 对象，例如 {{\"days\": 4}}。",
    "run_longer_than_total": "“{label}”不能大于“{other}”。",
    "votes_exceed_total": "“{label}”不能大于“{other}”。",
    "nights_exceed_days": "“{label}”不能大于“{other}”。",
    "unknown_calculator": "没有名为“{name}”的计算器。可用：{choices}。",
    "unknown_rules": "没有编号为“{name}”的规则集。可用：{choices}。",
    "unsupported": "“{rules}”没有关于“{title}”的规定，不能用这个计算器。支持它的规则集：{choices}。",
    # Typed text a number box cannot take as it stands (see calculators/inputs.py, read_number_text).
    "text_long": "“{label}”填得太长了，请只填一个数。",
    "text_fullstop": "“{label}”里的“。”不是小数点：要填小数请用“.”，如 1.5。",
    "text_comma": "“{label}”里的逗号看不出是小数点还是分隔符：要填小数请用“.”，如 1.5。",
    "text_fraction": "“{label}”请填一个数，不要填分数或日期（不要用“/”或“分之”）。",
    "text_range": "“{label}”请只填一个数，不要填范围或几个数。",
    "text_space": "“{label}”的数字中间有空格，请删去空格。",
    "text_unit": "“{label}”按“{unit}”计，请换算成{unit}数再填。",
    # Cross-field limits (CROSS_CHECKS).
    "year_total": "{labels}合计不能超过 {max} 天{why}。",
    "days_exceed_months": "“{label}”不能超过 {max} 天：“{other}”填的是 {months} 个月（不满 {next} 个月），最多 {max} 天。",
    # The command line and the JSON reader.
    "bad_json_at": "输入不是合法的 JSON：第 {line} 行第 {col} 列（第 {pos} 个字符）{what}。",
    "json_too_deep": "输入的 JSON 嵌套层数太多。",
    "input_too_big": "输入太大（最多 {max} 个字符）。",
    "not_utf8": "输入不是 UTF-8 编码的文字（第 {pos} 个字节），请用 UTF-8 保存或输入。",
    "arguments": "参数不正确：{what}。用法：python -m calculators 计算器名 --rules 规则集编号 --json '{{\"days\": 4}}'",
    "internal": "计算时出了程序错误，这不是输入的问题。请把所填内容告诉维护者。",
}

# What the JSON reader's English complaint means, said in Chinese (json.JSONDecodeError.msg prefixes).
JSON_PROBLEMS: dict[str, str] = {
    "Expecting value": "处缺少值，或值写得不对",
    "Expecting property name enclosed in double quotes": "处的项目名要用英文双引号括起来",
    "Expecting ':' delimiter": "处缺少冒号“:”",
    "Expecting ',' delimiter": "处缺少逗号“,”或括号没有配对",
    "Unterminated string": "处的字符串没有结束（缺少英文双引号）",
    "Invalid control character": "处的字符串里有控制字符",
    "Invalid \\escape": "处的反斜杠转义不正确",
    "Invalid \\uXXXX escape": "处的 \\u 转义不正确",
    "Extra data": "之后还有多余的内容",
    "Illegal trailing comma": "处多了一个逗号",
}
JSON_PROBLEM_OTHER = "处格式不正确"

# Limits of what the command line and the engine read.
INPUT_MAX_CHARS = 1_000_000
TEXT_MAX_CHARS = 40

# Phone input ("3天", "15日", "两个月", "一天半"): the words accepted after a number, per field unit.
# Any other unit word is refused rather than converted.
UNIT_WORDS: dict[str, list[str]] = {
    "天": ["天", "日"],
    "个月": ["个月", "月"],
    "年": ["年"],
    "票": ["票"],
    "次": ["次"],
    "人": ["人", "名"],
    "%": ["%"],
}
# Units that can be halved in words: "一天半" / "半天", "一个半月" / "半个月", "两年半" / "半年".
HALF_AFTER: dict[str, list[str]] = {"天": ["天半", "日半"], "个月": ["个半月"], "年": ["年半"]}
HALF_BEFORE: dict[str, list[str]] = {"天": ["半天", "半日"], "个月": ["半个月", "半月"], "年": ["半年"]}
# Unit words that belong to no field: typed after a number they are refused ("3周" in a days field).
OTHER_UNIT_WORDS = ["小时", "钟头", "分钟", "星期", "礼拜", "周", "岁", "号", "个", "元"]

# Why a maximum exists, shown after the number ("一个月最多 31 天").
MAX_REASONS: dict[int, str] = {MONTH_MAX: "（一个月最多 31 天）", YEAR_MAX: "（一年最多 366 天）"}

# Pairs (field, other): field may not exceed other when both are given.
NOT_ABOVE: dict[str, list[tuple[str, str, str]]] = {
    "attendance": [
        ("longest_unexcused_run", "unexcused_days_year", "run_longer_than_total"),
        ("nights_in_village", "days_in_village", "nights_exceed_days"),
    ],
    "assessment": [
        ("longest_unexcused_run", "unexcused_days_year", "run_longer_than_total"),
        ("disapproval_votes", "total_votes", "votes_exceed_total"),
    ],
}

# Limits across fields, checked in calculators/inputs.py and docs/assets/calculators/checks.mjs.
# sum_max: the given fields together may not exceed max (when `when` holds); the error goes to the first.
# days_within_months: days served in a year cannot exceed what `months` full months (and less than one
# more month, 31 days each) can hold: 31 x (months + 1) - 1.
CROSS_CHECKS: dict[str, list[dict[str, Any]]] = {
    "leave": [
        {"kind": "sum_max", "fields": ["days", "leave_days_year"], "max": YEAR_MAX, "message": "year_total"},
    ],
    "attendance": [
        {"kind": "sum_max", "fields": ["leave_days_year", "unexcused_days_year"], "max": YEAR_MAX,
         "message": "year_total"},
        {"kind": "sum_max", "fields": ["days_in_village", "leave_days_year", "unexcused_days_year"],
         "max": YEAR_MAX, "when": {"period": "year"}, "message": "year_total"},
    ],
    "assessment": [
        {"kind": "sum_max", "fields": ["days_in_village_year", "unexcused_days_year"], "max": YEAR_MAX,
         "message": "year_total"},
        {"kind": "days_within_months", "days": "days_in_village_year", "months": "months_served",
         "message": "days_exceed_months"},
    ],
}

# Labels for the values that appear in results (role labels: vocabulary.json, imported above).
ACTION_LABELS = {"consent": "同意", "approval": "批准", "filing": "备案/记录"}


def fields_of(calculator: str) -> list[Field]:
    return CALCULATORS[calculator]["fields"]


def field_map(calculator: str) -> dict[str, Field]:
    return {f["name"]: f for f in fields_of(calculator)}
