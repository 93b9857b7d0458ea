"""CSV and XLSX round trip of the banks through the 题库 layout."""
import pytest

from build_scripts.quiz.transfer import TransferError, export_bank, import_table
from build_scripts.quiz.validate import ROOT, load_bank

BANKS = [ROOT / "quiz_bank/county-test.yml", ROOT / "quiz_bank/generated/facts.yml"]
FIELDS = ("id", "section", "stem", "options", "answer", "accept", "order_free", "explanation", "cite",
          "status", "fact", "fact_answer", "source", "related", "setting", "missing", "kind", "number", "points",
          "importance", "topic")


def _core(q):
    return {k: q[k] for k in FIELDS if q.get(k) not in (None, [], "")}


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
@pytest.mark.parametrize("bank", BANKS, ids=lambda p: p.name)
def test_round_trip(tmp_path, bank, ext):
    table = tmp_path / f"题库.{ext}"
    export_bank(bank, table)
    out = tmp_path / "back.yml"
    import_table(table, out)
    _, original = load_bank(bank)
    _, back = load_bank(out)
    assert [_core(q) for q in back] == [_core(q) for q in original]


def test_trainer_row_without_status_is_unverified(tmp_path):
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("题型,题干,选项A,选项B,答案,解析,出处\n单选题,每月驻村不少于（ ）天。,20,200,A,见办法,\n",
                        encoding="utf-8")
    out = tmp_path / "t.yml"
    import_table(csv_path, out)
    _, qs = load_bank(out)
    assert qs[0]["status"] == "unverified" and "未经条文核对" in qs[0]["source"]


HEAD = "题型,题干,选项A,选项B,选项C,答案,解析,出处,题号,分值\n"
GOOD_ROW = "单选题,每月驻村不少于（ ）天。,20,200,12,A,见办法,,1,2\n"
BLANK_ROW = "填空题,每月驻村不少于____天。,,,,20,见办法,,2,2\n"

# name -> (file bytes or builder, expected phrases in the one Chinese message)
BAD = {
    "bad kind": ((HEAD + "判断题,对不对,,,,对,,,,\n").encode("utf-8"), ["第2行“题型”", "判断题"]),
    "题号 abc": ((HEAD + GOOD_ROW + GOOD_ROW.replace(",1,2", ",abc,2")).encode("utf-8"), ["第3行“题号”", "abc"]),
    "分值 inf": ((HEAD + GOOD_ROW.replace(",1,2", ",1,inf")).encode("utf-8"), ["第2行“分值”", "inf"]),
    "分值 nan": ((HEAD + GOOD_ROW.replace(",1,2", ",1,nan")).encode("utf-8"), ["第2行“分值”"]),
    "分值 -3": ((HEAD + GOOD_ROW.replace(",1,2", ",1,-3")).encode("utf-8"), ["第2行“分值”"]),
    "no answer": ((HEAD + GOOD_ROW.replace(",A,", ",,")).encode("utf-8"), ["第2行“答案”", "没有答案"]),
    "no 答案 column": ("题型,题干,选项A,选项B\n单选题,x（ ）,1,2\n".encode("utf-8"), ["缺少列", "答案"]),
    "letter beyond options": ((HEAD + GOOD_ROW.replace(",A,", ",E,")).encode("utf-8"), ["第2行“答案”", "E"]),
    "two letters in 单选": ((HEAD + GOOD_ROW.replace(",A,", ",AB,")).encode("utf-8"), ["第2行“答案”", "单选"]),
    "blank count": ((HEAD + BLANK_ROW.replace(",20,", ",20；30,")).encode("utf-8"), ["第2行“答案”", "1 个空"]),
    "gap in options": ((HEAD + "单选题,x（ ）,1,,3,A,,,,\n").encode("utf-8"), ["第2行“选项B”"]),
    "bad 不计顺序": (("题型,题干,答案,不计顺序\n填空题,____和____,甲；乙,1,x\n").encode("utf-8"), ["第2行“不计顺序”"]),
    "duplicate id": (("题型,题干,答案,编号\n填空题,a____,1,q-1\n填空题,b____,2,q-1\n").encode("utf-8"),
                     ["第3行“编号”", "第2行"]),
    "bad importance": (("题型,题干,答案,重要程度\n填空题,a____,1,重要\n").encode("utf-8"), ["第2行“重要程度”"]),
    "bad id": (("题型,题干,答案,编号\n填空题,a____,1,Q 1\n").encode("utf-8"), ["第2行“编号”"]),
    "unknown status": ((HEAD.replace("\n", ",状态\n") + GOOD_ROW.replace("\n", ",ok\n")).encode("utf-8"), ["第2行“状态”"]),
    "header only": (HEAD.encode("utf-8"), ["没有题目"]),
    "empty file": (b"", ["表格是空的"]),
    "binary": (b"\x00\x01\x02\xff\xfe\x00garbage", ["编码"]),
    "not utf8 nor gbk": (b"\xff\xff\xff\xff,\x80\x80\n", ["编码"]),
    "unclosed quote": ((HEAD + '单选题,"每月驻村\x00,20\n').encode("utf-8"), ["CSV"]),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_csv_gives_one_chinese_message_and_writes_nothing(tmp_path, name):
    data, phrases = BAD[name]
    src, out = tmp_path / "t.csv", tmp_path / "t.yml"
    src.write_bytes(data)
    with pytest.raises(TransferError) as info:
        import_table(src, out)
    message = str(info.value)
    assert all(p in message for p in phrases), message
    assert "Traceback" not in message and not out.exists()
    assert not any(w in message for w in ("Error", "invalid", "codec")), message


def test_every_bad_row_reported_and_nothing_half_imported(tmp_path):
    src, out = tmp_path / "t.csv", tmp_path / "t.yml"
    src.write_text(HEAD + GOOD_ROW + GOOD_ROW.replace(",1,2", ",abc,2") + GOOD_ROW.replace("每月", "每年")
                   + GOOD_ROW.replace(",A,", ",,"),
                   encoding="utf-8")
    with pytest.raises(TransferError) as info:
        import_table(src, out)
    assert "第3行“题号”" in str(info.value) and "第5行“答案”" in str(info.value) and "2 行有问题" in str(info.value)
    assert not out.exists()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings(tmp_path, encoding):
    src, out = tmp_path / "t.csv", tmp_path / "t.yml"
    src.write_bytes((HEAD + GOOD_ROW + BLANK_ROW).encode(encoding))
    assert import_table(src, out) == 2
    _, qs = load_bank(out)
    assert qs[0]["stem"] == "每月驻村不少于（ ）天。" and qs[1]["answer"] == ["20"] and qs[0]["points"] == 2


def test_xlsx_numbers_and_corrupt_files(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["题型", "题干", "答案", "题号", "分值"])
    ws.append(["填空题", "每月不少于____天。", 20, 3.0, 2])
    good = tmp_path / "ok.xlsx"
    wb.save(good)
    assert import_table(good, tmp_path / "ok.yml") == 1
    _, qs = load_bank(tmp_path / "ok.yml")
    assert qs[0]["answer"] == ["20"] and qs[0]["number"] == 3
    data = good.read_bytes()
    for name, blob in {"truncated": data[: len(data) // 2], "text": b"not a zip", "empty": b"",
                       "zip without sheet": _zip_without_sheet()}.items():
        bad = tmp_path / f"{name}.xlsx"
        bad.write_bytes(blob)
        with pytest.raises(TransferError) as info:
            import_table(bad, tmp_path / f"{name}.yml")
        assert "Excel" in str(info.value) or "空" in str(info.value), (name, str(info.value))
        assert not (tmp_path / f"{name}.yml").exists()


def _zip_without_sheet() -> bytes:
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return buf.getvalue()


@pytest.mark.parametrize("args", [["import", "nowhere.csv", "x.yml"], ["import", "t.txt", "x.yml"],
                                  ["import", "bad.xlsx", "x.yml"], ["export", "nowhere.yml", "x.csv"]])
def test_command_line_never_shows_a_traceback(tmp_path, args, capsys, monkeypatch):
    from build_scripts.quiz.transfer import main
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.txt").write_text("x", encoding="utf-8")
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x03\x04broken")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
