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

Field = dict[str, Any]

ROLE_CHOICES = [
    {"value": "first_secretary", "label": "第一书记"},
    {"value": "team_leader", "label": "工作队（组）队长/组长"},
    {"value": "member", "label": "工作队（组）队员/成员"},
]

PERIOD_CHOICES = [
    {"value": "month", "label": "按月"},
    {"value": "year", "label": "按年"},
]

EMPLOYMENT_CHOICES = [
    {"value": v, "label": v}
    for v in ("在编在职", "临时聘用", "公益性岗位", "借调", "工勤", "乡镇干部", "退居二线", "退休")
]

ROTATION_CHOICES = [
    {"value": "promotion", "label": "提拔"},
    {"value": "post_change", "label": "岗位调整"},
    {"value": "health", "label": "身体原因不能正常驻村工作"},
    {"value": "left_unit", "label": "调离原选派单位"},
    {"value": "term_end", "label": "任期届满"},
]

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
            _days_year("leave_days_year", "本年已批准请假天数", "选填：今年到目前为止经批准的请假天数合计。"),
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
            _days_year("leave_days_year", "本年已批准请假天数", "选填：不含本次，今年已经批准的请假天数合计。"),
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
    "bad_json": "输入不是合法的 JSON：{detail}。",
    "run_longer_than_total": "“{label}”不能大于“{other}”。",
    "votes_exceed_total": "“{label}”不能大于“{other}”。",
    "nights_exceed_days": "“{label}”不能大于“{other}”。",
    "unknown_calculator": "没有名为“{name}”的计算器。可用：{choices}。",
    "unknown_rules": "没有编号为“{name}”的规则集。可用：{choices}。",
    "unsupported": "“{rules}”没有关于“{title}”的规定，不能用这个计算器。支持它的规则集：{choices}。",
}

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

# Labels for the values that appear in results.
ACTION_LABELS = {"consent": "同意", "approval": "批准", "filing": "备案/记录"}
ROLE_LABELS = {c["value"]: c["label"] for c in ROLE_CHOICES}


def fields_of(calculator: str) -> list[Field]:
    return CALCULATORS[calculator]["fields"]


def field_map(calculator: str) -> dict[str, Field]:
    return {f["name"]: f for f in fields_of(calculator)}
