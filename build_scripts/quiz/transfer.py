"""Trainers' import/export: the usual 题库 layout (题型, 题干, 选项A–F, 答案, 解析, 出处) <-> YAML.

  python -m build_scripts.quiz.transfer export quiz_bank/county-test.yml 题库.xlsx   (or .csv)
  python -m build_scripts.quiz.transfer import 题库.xlsx quiz_bank/trainer.yml        (or .csv)

Columns after 出处 are optional and keep what the layout has no place for: 编号, 状态, 专题, 依据原文,
备选答案 (blanks split by ；, alternatives by /), 不计顺序 (groups of 1-based blanks: 1,2), 来源文件, 缺失,
重要程度 (必知/应知/了解).
An imported row without 状态 becomes `unverified` (培训老师导入，未经条文核对) until someone checks it
against a clause and fills 依据原文 + 出处: the build never shows it as fact before that.

Import reads CSV in UTF-8 (with or without BOM), UTF-16 (BOM) or GBK/GB18030 (what Chinese Excel saves),
detected from the bytes, and XLSX. Every bad row is reported with its row number and column, all of them
at once, and nothing is written unless the whole table is good. A question without an answer is refused
(only a `local` item, or an `unverified` item that names its 来源文件, may leave 答案 empty).
"""
from __future__ import annotations

import csv
import hashlib
import io
import math
import pathlib
import re
import sys

import yaml

from .emit import write_bank
from .validate import load_bank
from .yaml_lines import BankError

LETTERS = "ABCDEF"
COLUMNS = ["题型", "题干", *[f"选项{x}" for x in LETTERS], "答案", "解析", "出处",
           "编号", "状态", "专题", "依据原文", "依据答案", "备选答案", "不计顺序", "来源文件", "设置项",
           "题号", "分值", "选项说明", "选项编写", "类别", "缺失", "重要程度"]
KINDS = {"填空": "填空", "填空题": "填空", "单选": "单选", "单选题": "单选", "单项选择题": "单选",
         "多选": "多选", "多选题": "多选", "多项选择题": "多选"}
SEP = "；"
REQUIRED = ("题型", "题干", "答案")
MAX_BYTES = 20 * 1024 * 1024


class TransferError(Exception):
    pass


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
    ans = cell["答案"]
    status = cell["状态"] or "unverified"
    if status not in ("grounded", "unverified", "local"):
        raise RowError("状态", f"“{status}”无法识别（可用：grounded、unverified、local，或留空）")
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


def decode_csv(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK, what Chinese Excel
    writes for 'CSV'). Refuses bytes that are none of these."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise TransferError(f"{name}: 无法识别文件的文字编码。请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”或“Excel 工作簿（.xlsx）”后再导入")


def _rows_from(head: list, body: list, name: str) -> list[tuple[int, dict]]:
    head = [_text(h) for h in head]
    missing = [c for c in REQUIRED if c not in head]
    if missing:
        raise TransferError(f"{name}: 第1行缺少列：{'、'.join(missing)}（表头应含 题型、题干、答案 等列）")
    dup = sorted({h for h in head if h and head.count(h) > 1})
    if dup:
        raise TransferError(f"{name}: 第1行有重复的列：{'、'.join(dup)}")
    return [(i + 2, dict(zip(head, r))) for i, r in enumerate(body) if any(_text(v) for v in r)]


def read_table(path: pathlib.Path) -> list[tuple[int, dict]]:
    """(row number, {column: value}) for every non-empty row after the header."""
    path = pathlib.Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise TransferError(f"{name}: 只支持 .csv 或 .xlsx 文件")
    try:
        size = path.stat().st_size
    except OSError:
        raise TransferError(f"{name}: 找不到这个文件") from None
    if size > MAX_BYTES:
        raise TransferError(f"{name}: 文件太大（超过 {MAX_BYTES // 1024 // 1024} MB）")
    if suffix == ".csv":
        text = decode_csv(path.read_bytes(), name)
        reader, rows = csv.reader(io.StringIO(text, newline="")), []
        try:
            for r in reader:
                rows.append(r)
        except csv.Error:
            raise TransferError(f"{name}: 第{reader.line_num}行不是有效的 CSV 格式（引号不配对或含有特殊字符）") from None
    else:
        rows = _xlsx_rows(path, name)
    if not rows:
        raise TransferError(f"{name}: 表格是空的")
    return _rows_from(rows[0], rows[1:], name)


def _xlsx_rows(path: pathlib.Path, name: str) -> list:
    import warnings
    import zipfile
    from openpyxl import load_workbook
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(path, read_only=True, data_only=True)
            try:
                return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
            finally:
                wb.close()
    except (zipfile.BadZipFile, KeyError, IndexError, ValueError, TypeError, OSError, EOFError) as exc:
        raise TransferError(f"{name}: 无法读取这个 Excel 文件（文件可能已损坏，或不是 .xlsx 格式）。"
                            f"请用 Excel 打开后另存为“Excel 工作簿（.xlsx）”再导入") from exc
    except Exception as exc:  # openpyxl raises its own types for broken parts of a workbook
        raise TransferError(f"{name}: 无法读取这个 Excel 文件（文件可能已损坏）。请用 Excel 打开后另存再导入") from exc


def export_bank(bank: pathlib.Path, out: pathlib.Path) -> int:
    _, questions = load_bank(bank)
    write_table([to_row(q) for q in questions], out)
    return len(questions)


def import_table(table: pathlib.Path, out: pathlib.Path) -> int:
    """All rows or nothing: every bad row is reported (row and column), and out is written only when
    every row is good."""
    table = pathlib.Path(table)
    questions, problems, ids = [], [], {}
    for n, row in read_table(table):
        try:
            q = from_row(row)
        except RowError as exc:
            problems.append(f"第{n}行“{exc.column}”：{exc.message}")
            continue
        if q["id"] in ids:
            problems.append(f"第{n}行“编号”：与第{ids[q['id']]}行重复（{q['id']}）")
            continue
        ids[q["id"]] = n
        questions.append(q)
    if problems:
        raise TransferError(f"{table.name}: {len(problems)} 行有问题，未导入任何题目：\n" + "\n".join(problems))
    if not questions:
        raise TransferError(f"{table.name}: 表格里没有题目")
    try:
        write_bank(pathlib.Path(out), f"# Imported from {table.name} by build_scripts.quiz.transfer; check with "
                                      f"`python -m build_scripts.quiz.validate {out}`.\n", questions)
    except OSError as exc:
        raise TransferError(f"{out}: 无法写入（{exc.strerror or '权限或路径错误'}）") from None
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
    except BankError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"错误：{exc.filename or ''} 无法读写（{exc.strerror or '权限或路径错误'}）", file=sys.stderr)
        return 1
    print(f"{argv[0]}: {n} 题 -> {dst}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
