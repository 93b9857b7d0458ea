"""One question <-> one row of the usual 题库 table (题型, 题干, 选项A–F, 答案, 解析, 出处 and the optional
columns after it); a bad cell raises RowError naming its column. The command is build_scripts/quiz/transfer.py."""
from __future__ import annotations

import hashlib
import math
import re

LETTERS = "ABCDEF"
COLUMNS = ["题型", "题干", *[f"选项{x}" for x in LETTERS], "答案", "解析", "出处",
           "编号", "状态", "专题", "依据原文", "依据答案", "备选答案", "不计顺序", "来源文件", "设置项",
           "题号", "分值", "选项说明", "选项编写", "类别", "缺失", "重要程度"]
KINDS = {"填空": "填空", "填空题": "填空", "单选": "单选", "单选题": "单选", "单项选择题": "单选",
         "多选": "多选", "多选题": "多选", "多项选择题": "多选"}
SEP = "；"
REQUIRED = ("题型", "题干", "答案")


class RowError(Exception):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column, self.message = column, message


def to_row(q: dict) -> dict:
    row = dict.fromkeys(COLUMNS, "")
    row.update({"题型": q["section"] + "题", "编号": q["id"], "缺失": "是" if q.get("missing") else "",
                "题号": q.get("number", ""), "分值": q.get("points", "")})
    if q.get("missing"):
        return row
    for i, opt in enumerate(q.get("options") or []):
        row[f"选项{LETTERS[i]}"] = opt
    ans = q.get("answer")
    row.update({"题干": q["stem"], "解析": q.get("explanation", ""),
                "出处": q.get("cite") or SEP.join(q.get("related") or []),
                "依据答案": q.get("fact_answer", ""), "设置项": q.get("setting", ""),
                "选项说明": q.get("options_note", ""), "选项编写": q.get("options_written_by", ""),
                "类别": q.get("kind", ""),
                "状态": q.get("status", ""), "专题": q.get("topic", ""), "依据原文": q.get("fact", ""),
                "来源文件": q.get("source", ""), "重要程度": q.get("importance", "")})
    if ans is not None:
        row["答案"] = SEP.join(ans) if q["section"] == "填空" else "".join(ans)
    if q.get("accept"):
        row["备选答案"] = SEP.join("/".join(alts) for alts in q["accept"])
    if q.get("order_free"):
        row["不计顺序"] = SEP.join(",".join(str(i + 1) for i in g) for g in q["order_free"])
    return row


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _whole_number(column: str, text: str) -> int:
    try:
        value = float(text)
    except ValueError:
        raise RowError(column, f"应为正整数，现为“{text}”") from None
    if not math.isfinite(value) or value <= 0 or not value.is_integer() or value > 10000:
        raise RowError(column, f"应为不大于10000的正整数，现为“{text}”")
    return int(value)


def from_row(row: dict) -> dict:
    """One table row as a question; raises RowError(column, message) for the first bad cell."""
    cell = {k: _text(row.get(k)) for k in COLUMNS}
    kind = KINDS.get(cell["题型"])
    if kind is None:
        raise RowError("题型", f"“{cell['题型']}”无法识别（可用：填空题、单选题、多选题）")
    if cell["编号"] and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", cell["编号"]):
        raise RowError("编号", f"“{cell['编号']}”只能由小写英文字母、数字和连字符组成")
    qid = cell["编号"] or "import-" + hashlib.sha1(cell["题干"].encode("utf-8")).hexdigest()[:10]
    q = {"id": qid, "section": kind}
    for col, key in (("题号", "number"), ("分值", "points")):
        if cell[col]:
            q[key] = _whole_number(col, cell[col])
    if cell["缺失"] == "是":
        q["missing"] = True
        return q
    if not cell["题干"]:
        raise RowError("题干", "题干为空")
    q["stem"] = cell["题干"]
    if cell["专题"]:
        q["topic"] = cell["专题"]
    if cell["重要程度"]:
        if cell["重要程度"] not in ("必知", "应知", "了解"):
            raise RowError("重要程度", f"“{cell['重要程度']}”应为 必知、应知 或 了解（或留空）")
        q["importance"] = cell["重要程度"]
    if kind != "填空":
        opts = [cell[f"选项{x}"] for x in LETTERS]
        while opts and not opts[-1]:
            opts.pop()
        if "" in opts:
            raise RowError(f"选项{LETTERS[opts.index('')]}", "选项中间有空格子")
        if len(opts) < 2:
            raise RowError("选项A", "选择题至少要有两个选项")
        q["options"] = opts
    status = cell["状态"] or "unverified"
    if status not in ("grounded", "unverified", "local"):
        raise RowError("状态", f"“{status}”无法识别（可用：grounded、unverified、local，或留空）")
    _answer(cell, kind, status, q)
    q["explanation"] = cell["解析"] or "（无解析）"
    q["status"] = status
    if cell["出处"]:
        cites = [c.strip() for c in cell["出处"].replace(";", SEP).split(SEP) if c.strip()]
        if status == "grounded":
            q["cite"] = cites[0]
        else:
            q["related"] = cites
    if cell["依据原文"]:
        q["fact"] = cell["依据原文"]
    if cell["依据答案"]:
        q["fact_answer"] = cell["依据答案"]
    if cell["设置项"]:
        q["setting"] = cell["设置项"]
    for col, key in (("选项说明", "options_note"), ("选项编写", "options_written_by"), ("类别", "kind")):
        if cell[col]:
            q[key] = cell[col]
    if status == "unverified":
        q["source"] = cell["来源文件"] or "培训老师导入，未经条文核对"
    elif cell["来源文件"]:
        q["source"] = cell["来源文件"]
    return q


def _answer(cell: dict, kind: str, status: str, q: dict) -> None:
    """答案, 备选答案 and 不计顺序 into q (answer, accept, order_free)."""
    ans = cell["答案"]
    if not ans:
        if not (status == "local" and cell["设置项"]) and not (status == "unverified" and cell["来源文件"]):
            raise RowError("答案", "没有答案：每道题都要填答案（填空题各空用“；”隔开，选择题填选项字母）")
        q["answer"] = None
    elif kind == "填空":
        q["answer"] = [a.strip() for a in ans.replace(";", SEP).split(SEP)]
        blanks = len(re.findall(r"_{2,}", cell["题干"]))
        if "" in q["answer"] or blanks != len(q["answer"]):
            raise RowError("答案", f"题干有 {blanks} 个空（____），答案有 {len(q['answer'])} 个（用“；”隔开，不能有空的）")
    else:
        letters = ans.upper().replace(",", "").replace("，", "").replace("、", "").replace(" ", "")
        if not letters or any(c not in LETTERS[:len(q["options"])] for c in letters):
            raise RowError("答案", f"“{ans}”不是选项字母 A—{LETTERS[len(q['options']) - 1]}")
        if len(set(letters)) != len(letters):
            raise RowError("答案", f"“{ans}”重复了选项字母")
        if kind == "单选" and len(letters) != 1:
            raise RowError("答案", f"单选题只能有一个答案，现为“{ans}”")
        if kind == "多选" and len(letters) < 2:
            raise RowError("答案", f"多选题至少要有两个答案，现为“{ans}”")
        q["answer"] = list(letters)
    if cell["备选答案"]:
        if kind != "填空":
            raise RowError("备选答案", "只有填空题可以有备选答案")
        q["accept"] = [[a for a in part.split("/") if a] for part in cell["备选答案"].replace(";", SEP).split(SEP)]
        if q.get("answer") and len(q["accept"]) != len(q["answer"]):
            raise RowError("备选答案", f"应按空分组，共 {len(q['answer'])} 组（用“；”隔开），现为 {len(q['accept'])} 组")
    if cell["不计顺序"]:
        try:
            q["order_free"] = [[int(i) - 1 for i in g.split(",")] for g in cell["不计顺序"].replace("，", ",").split(SEP)]
        except ValueError:
            raise RowError("不计顺序", f"“{cell['不计顺序']}”应为空的序号，如 1,2") from None
        n = len(q.get("answer") or [])
        if any(len(g) < 2 or not all(0 <= i < n for i in g) for g in q["order_free"]):
            raise RowError("不计顺序", f"“{cell['不计顺序']}”应为两个以上、不超过 {n} 的空序号，如 1,2")
