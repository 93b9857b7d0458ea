"""The built bank is an index plus one file per document (build_scripts/quiz/payload.py): the parts give back
the whole bank, the index carries no question text, and every document's questions sit in its own file."""
import json

from build_scripts.corpus import load_corpus as load
from build_scripts.quiz.payload import build, read_built, split, write_js


def test_parts_give_back_the_whole_bank(tmp_path):
    corpus = load()
    write_js(tmp_path, corpus)
    whole = build(corpus)
    assert read_built(tmp_path) == whole
    names = sorted(p.stem for p in tmp_path.glob("*.js"))
    assert names == sorted({q["doc"] for q in whole["questions"]} | {"index"})
    for name in names:
        if name != "index":
            text = (tmp_path / f"{name}.js").read_text("utf-8")
            questions = json.loads(text[text.index("] = ") + 4:].rstrip().rstrip(";"))
            assert questions and {q["doc"] for q in questions} == {name}


def test_index_is_small_and_has_no_question_text():
    whole = build(load())
    index, parts = split(whole)
    text = json.dumps(index, ensure_ascii=False)
    assert "questions" not in index and len(index["rows"]) == len(whole["questions"])
    stems = [q["stem"] for q in whole["questions"] if q.get("stem")]
    assert len(stems) > 500 and not [s for s in stems if s in text]
    total = sum(len(json.dumps(qs, ensure_ascii=False)) for qs in parts.values())
    assert len(text) < total / 8, (len(text), total)
    row = dict(zip(("id", "part", "section", "importance", "topic", "status", "flags"), index["rows"][0]))
    first = whole["questions"][0]
    assert (index["parts"][row["part"]], index["sections"][row["section"]], index["pool"]["levels"][row["importance"]]) \
        == (first["doc"], first["section"], first["importance"])
