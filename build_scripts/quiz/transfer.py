"""Trainers' import/export: the usual 题库 layout (题型, 题干, 选项A–F, 答案, 解析, 出处) <-> YAML.

  python -m build_scripts.quiz.transfer export quiz_bank/county-test.yml 题库.xlsx   (or .csv)
  python -m build_scripts.quiz.transfer import 题库.xlsx quiz_bank/trainer.yml        (or .csv)

Columns after 出处 are optional and keep what the layout has no place for: 编号, 状态, 专题, 依据原文,
备选答案 (blanks split by ；, alternatives by /), 不计顺序 (groups of 1-based blanks: 1,2), 来源文件, 缺失.
An imported row without 状态 becomes `unverified` (培训老师导入，未经条文核对) until someone checks it
against a clause and fills 依据原文 + 出处: the build never shows it as fact before that.
"""
from __future__ import annotations

import csv
import hashlib
import pathlib
import sys

import yaml

from .emit import write_bank
from .validate import load_bank

LETTERS = "ABCDEF"
COLUMNS = ["题型", "题干", *[f"选项{x}" for x in LETTERS], "答案", "解析", "出处",
           "编号", "状态", "专题", "依据原文", "依据答案", "备选答案", "不计顺序", "来源文件", "设置项",
           "题号", "分值", "选项说明", "选项编写", "类别", "缺失"]
KINDS = {"填空": "填空", "填空题": "填空", "单选": "单选", "单选题": "单选", "单项选择题": "单选",
         "多选": "多选", "多选题": "多选", "多项选择题": "多选"}
SEP = "；"


class TransferError(Exception):
    pass


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
                "来源文件": q.get("source", "")})
    if ans is not None:
        row["答案"] = SEP.join(ans) if q["section"] == "填空" else "".join(ans)
    if q.get("accept"):
        row["备选答案"] = SEP.join("/".join(alts) for alts in q["accept"])
    if q.get("order_free"):
        row["不计顺序"] = SEP.join(",".join(str(i + 1) for i in g) for g in q["order_free"])
    return row


def from_row(row: dict, where: str) -> dict:
    cell = {k: ("" if row.get(k) is None else str(row.get(k)).strip()) for k in COLUMNS}
    kind = KINDS.get(cell["题型"])
    if kind is None:
        raise TransferError(f"{where}: 题型“{cell['题型']}”无法识别（可用：填空题、单选题、多选题）")
    qid = cell["编号"] or "import-" + hashlib.sha1(cell["题干"].encode("utf-8")).hexdigest()[:10]
    q = {"id": qid, "section": kind}
    for col, key in (("题号", "number"), ("分值", "points")):
        if cell[col]:
            q[key] = int(float(cell[col]))
    if cell["缺失"] == "是":
        q["missing"] = True
        return q
    if not cell["题干"]:
        raise TransferError(f"{where}: 题干为空")
    q["stem"] = cell["题干"]
    if cell["专题"]:
        q["topic"] = cell["专题"]
    if kind != "填空":
        opts = [cell[f"选项{x}"] for x in LETTERS]
        while opts and not opts[-1]:
            opts.pop()
        if "" in opts:
            raise TransferError(f"{where}: 选项中间有空格子")
        q["options"] = opts
    ans = cell["答案"]
    if not ans:
        q["answer"] = None
    elif kind == "填空":
        q["answer"] = [a.strip() for a in ans.replace(";", SEP).split(SEP)]
    else:
        q["answer"] = [c for c in ans.upper() if c in LETTERS]
        if not q["answer"]:
            raise TransferError(f"{where}: 答案“{ans}”不是选项字母")
    if cell["备选答案"]:
        q["accept"] = [[a for a in part.split("/") if a] for part in cell["备选答案"].replace(";", SEP).split(SEP)]
    if cell["不计顺序"]:
        q["order_free"] = [[int(i) - 1 for i in g.split(",")] for g in cell["不计顺序"].split(SEP)]
    q["explanation"] = cell["解析"] or "（无解析）"
    status = cell["状态"] or "unverified"
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


def write_table(rows: list[dict], path: pathlib.Path) -> None:
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel opens it as UTF-8
            w = csv.DictWriter(fh, COLUMNS)
            w.writeheader()
            w.writerows(rows)
    elif path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        wb = Workbook()
        ws = wb.active
        ws.title = "题库"
        ws.append(COLUMNS)
        for r in rows:
            ws.append([r[c] for c in COLUMNS])
        wb.save(path)
    else:
        raise TransferError(f"{path}: 只支持 .csv 或 .xlsx")


def read_table(path: pathlib.Path) -> list[tuple[str, dict]]:
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [(f"{path}:{i + 2}", row) for i, row in enumerate(csv.DictReader(fh))]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook
        ws = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        rows = list(ws.iter_rows(values_only=True))
        if not rows:
            raise TransferError(f"{path}: 表格是空的")
        head = [str(h).strip() if h is not None else "" for h in rows[0]]
        missing = [c for c in ("题型", "题干", "答案") if c not in head]
        if missing:
            raise TransferError(f"{path}: 第1行缺少列：{'、'.join(missing)}")
        return [(f"{path}:{i + 2}", dict(zip(head, r))) for i, r in enumerate(rows[1:])
                if any(v not in (None, "") for v in r)]
    raise TransferError(f"{path}: 只支持 .csv 或 .xlsx")


def export_bank(bank: pathlib.Path, out: pathlib.Path) -> int:
    _, questions = load_bank(bank)
    write_table([to_row(q) for q in questions], out)
    return len(questions)


def import_table(table: pathlib.Path, out: pathlib.Path) -> int:
    questions = [from_row(row, where) for where, row in read_table(table)]
    write_bank(out, f"# Imported from {table.name} by build_scripts.quiz.transfer; check with "
                    f"`python -m build_scripts.quiz.validate {out}`.\n", questions)
    return len(questions)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 3 or argv[0] not in ("export", "import"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        src, dst = pathlib.Path(argv[1]), pathlib.Path(argv[2])
        n = export_bank(src, dst) if argv[0] == "export" else import_table(src, dst)
    except TransferError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"{argv[0]}: {n} 题 -> {dst}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
