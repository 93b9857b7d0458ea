"""CSV and XLSX round trip of the banks through the 题库 layout."""
import pytest

from build_scripts.quiz.transfer import TransferError, export_bank, import_table, read_table
from build_scripts.quiz.validate import ROOT, load_bank

BANKS = [ROOT / "quiz_bank/county-test.yml", ROOT / "quiz_bank/generated/facts.yml"]
FIELDS = ("id", "section", "stem", "options", "answer", "accept", "order_free", "explanation", "cite",
          "status", "fact", "fact_answer", "source", "related", "setting", "missing", "kind", "number", "points")


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


def test_bad_kind_names_row(tmp_path):
    csv_path = tmp_path / "t.csv"
    csv_path.write_text("题型,题干,答案\n判断题,对不对,对\n", encoding="utf-8")
    with pytest.raises(TransferError, match=r"t\.csv:2: 题型“判断题”无法识别"):
        import_table(csv_path, tmp_path / "t.yml")
