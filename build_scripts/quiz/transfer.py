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

Layout: transfer_rows (one question <-> one row), transfer_table (CSV/XLSX files), this module (the command).
"""
from __future__ import annotations

import pathlib
import sys

from .emit import write_bank
from .transfer_rows import RowError, from_row, to_row
from .transfer_table import TransferError, read_table, write_table
from .validate import load_bank
from .yaml_lines import BankError


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
