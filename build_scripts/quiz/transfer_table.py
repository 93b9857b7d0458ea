"""Reading and writing the 题库 table files: CSV (UTF-8 with or without BOM, UTF-16 with BOM, or GBK/GB18030
as Chinese Excel saves it, detected from the bytes) and XLSX. Problems are TransferError in Chinese."""
from __future__ import annotations

import csv
import io
import pathlib

from .transfer_rows import COLUMNS, REQUIRED, _text

MAX_BYTES = 20 * 1024 * 1024


class TransferError(Exception):
    pass


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
