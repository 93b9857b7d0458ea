"""The search index and the county's synonym table, as built (no browser)."""

from __future__ import annotations

import gzip
import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from build_scripts import search_index
from build_scripts.corpus import load_corpus
from build_scripts.search_index import synonyms
from tests.conftest import ROOT

# gzip -9 of search/search_index.json as Material's search built it at da58662, the commit before this
# search (the budget: the new index may not be larger)
TODAY_INDEX_GZIP = 84_405


def _validate(text: str) -> dict:
    return synonyms.validate(yaml.safe_load(text), "synonyms.yml")


def test_the_shipped_table_is_valid_and_has_the_groups_the_issue_names():
    config = synonyms.load()
    groups = [set(g) for g in config["synonyms"]]
    for pair in [("年休假", "年度休假"), ("年休假", "休假"), ("队长", "组长"), ("工作队", "工作组"), ("召回", "撤换"),
                 ("召回", "召回换人"), ("不称职", "不合格"), ("第一书记", "驻村第一书记"), ("请假", "离村"),
                 ("请假", "离开"), ("补助", "补贴")]:
        assert any(set(pair) <= g for g in groups), pair
    assert "谁" in config["question_words"] and "多少" in config["question_words"]
    asks = {ask: words for entry in config["answer_words"] for ask in entry[0] for words in [entry[1]]}
    assert "年底" in asks["什么时候"] and "处级" in asks["级别"]


@pytest.mark.parametrize("text, message", [
    ("synonyms:\n  - [请假, 12345]\n", "数字请加引号"),
    ("synonyms:\n  - [请假, 离村]\n  - [离村, 离开]\n", "已在第 1 组出现"),
    ("synonyms:\n  - [请假]\n", "至少要有两个词"),
    ("synonyms:\n  - [请假, \"" + "长" * 21 + "\"]\n", "超过 20 个字"),
    ("synonyms:\n  - [请假, \"离\\n村\"]\n", "换行或控制字符"),
    ("synonyms:\n  - [请假, \"  \"]\n", "空词"),
    ("synonym:\n  - [请假, 离村]\n", "不认识的部分"),
    ("synonyms: 请假\n", "一组一组"),
    ("- 请假\n", "两部分"),
    ("answer_words:\n  - {ask: [何时], words: []}\n", "words 至少要有一个词"),
    ("answer_words:\n  - [何时, 年底]\n", "应写成 {ask"),
    ("answer_words:\n  - {ask: [何时], word: [年底]}\n", "应写成 {ask"),
    ("answer_words:\n  - {ask: [何时], words: [年底]}\n  - {ask: [何时], words: [月底]}\n", "已在第 1 条出现"),
    ("question_words: [何时]\nanswer_words:\n  - {ask: [何时], words: [年底]}\n", "也写在 question_words 里"),
])
def test_bad_tables_are_refused_with_a_chinese_message(text, message):
    with pytest.raises(synonyms.SearchConfigError) as err:
        _validate(text)
    assert message in str(err.value)


def test_yaml_syntax_error_names_the_line(tmp_path, monkeypatch):
    bad = tmp_path / "synonyms.yml"
    bad.write_text("synonyms:\n  - [请假, 离村\n", encoding="utf-8")
    with pytest.raises(synonyms.SearchConfigError, match="格式有误"):
        synonyms.load(bad)


def test_a_bad_table_stops_the_build(tmp_path, monkeypatch):
    bad = tmp_path / "synonyms.yml"
    bad.write_text("synonyms:\n  - [请假]\n", encoding="utf-8")
    monkeypatch.setattr(synonyms, "SYNONYMS_FILE", bad)
    spec = importlib.util.spec_from_file_location("search_hook", ROOT / "build_scripts/hooks/search_index.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    from mkdocs.exceptions import PluginError
    with pytest.raises(PluginError, match="至少要有两个词"):
        hook.on_config({})


def test_markup_in_strings_cannot_end_the_script():
    data = {"clauses": [[0, "a", "一、", "section", -1, "</script><script>alert(1)</script>"]], "synonyms": [["<b>", "</script>"]]}
    text = search_index.dumps(data)
    assert "</script" not in text.lower()
    assert search_index.loads(text) == data


def test_every_clause_is_a_result_with_its_numbering():
    corpus = load_corpus()
    index = search_index.build_index(corpus)
    docs = [d[0] for d in index["docs"]]
    seen = {(docs[c[0]], c[1]): c for c in index["clauses"]}
    for doc in corpus.documents.values():
        for clause in doc.clauses:
            if clause.kind == "title":
                continue
            entry = seen[(doc.id, clause.anchor)]
            assert entry[2] == clause.label and entry[5] == clause.text
            if entry[4] >= 0:
                parent = index["clauses"][entry[4]]
                assert (docs[parent[0]], parent[1]) == (doc.id, clause.parent)
    assert index["docs"][docs.index("shenmu-2021")][1] == "神木实施办法"
    words = set(index["words"].split())
    assert {"请销假", "第一书记", "召回"} <= words


def test_built_site_index_pages_and_budget(built_site):
    index_file = built_site / search_index.INDEX_PATH
    size = search_index.gzip_size(index_file)
    print(f"\nsearch/index.js: {index_file.stat().st_size} bytes, gzip {size} bytes (Material's index: {TODAY_INDEX_GZIP})")
    assert size <= TODAY_INDEX_GZIP
    data = search_index.loads(index_file.read_text(encoding="utf-8"))
    kinds = {p[0]: p[1] for p in data["pages"]}
    assert kinds["tools/leave.html"] == "tool" and kinds["compare/attendance.html"] == "compare"
    assert kinds["index.html"] == "page"
    # pages for maintainers (front matter `search: exclude: true`) are not found by the site's search
    excluded = [md for md in (ROOT / "docs").rglob("*.md") if "\nsearch:\n  exclude: true" in md.read_text(encoding="utf-8")]
    assert {md.name for md in excluded} >= {"maintainers.md", "performance.md"}
    assert kinds["offline.html"] == "page" and not [u for u in kinds if u in ("maintainers.html", "performance.html")]
    assert not [u for u in kinds if u.startswith("regulations/") and u != "regulations/index.html"]
    # each document ships its page as built, so the search script builds no regulation URL
    assert data["docs"] and all((built_site / d[4]).is_file() for d in data["docs"]), [d[4] for d in data["docs"]]
    # Material's search is gone: no lunr, no worker, no old index
    assert not (built_site / "assets/javascripts/lunr").exists()
    assert not list(built_site.glob("assets/javascripts/workers/search.*"))
    assert not (built_site / "search/search_index.json").exists()


def test_every_page_has_the_search_box_and_none_loads_the_index(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(built_site).as_posix()
        assert "data-zs-input" in html, rel
        assert re.search(r'<script src="[^"]*assets/search/search\.js"', html), rel
        assert not re.search(r'src="[^"]*(search/index\.js|engine\.js)"', html), rel
        assert 'name="search"' not in html, rel  # Material's own search script must not mount
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "data-zs-home-input" in home


def test_header_override_differs_from_material_only_in_the_search_block():
    import material
    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides/partials/header.html").read_text(encoding="utf-8")

    def strip(text: str) -> str:
        text = re.sub(r"\{#-.*?-#\}", "", text, count=1, flags=re.S)
        text = re.sub(r'\{% if "material/search" in config.plugins %\}.*?\{% endif %\}\s*\{% endif %\}', "SEARCH", text, flags=re.S)
        text = re.sub(r"\{#- the site's own search.*?\{% include \"partials/search.html\" %\}", "SEARCH", text, flags=re.S)
        return text.strip()

    assert strip(theirs) == strip(ours), "Material's header.html changed: re-copy it into overrides/partials/"


def test_remove_material_search(tmp_path):
    (tmp_path / "assets/javascripts/lunr/min").mkdir(parents=True)
    (tmp_path / "assets/javascripts/lunr/min/lunr.zh.min.js").write_text("x")
    (tmp_path / "assets/javascripts/workers").mkdir(parents=True)
    (tmp_path / "assets/javascripts/workers/search.abc.min.js").write_text("x")
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text("{}")
    removed = search_index.remove_material_search(tmp_path)
    assert len(removed) == 3
    assert not (tmp_path / "assets/javascripts/lunr").exists()
    assert not (tmp_path / "assets/javascripts/workers").exists()
    assert not (tmp_path / "search/search_index.json").exists()


def test_a_page_marked_for_exclusion_is_not_searched(tmp_path):
    from build_scripts.search_index.pages import site_pages
    page = '<html><head>{}</head><body><article><h1>{}</h1><p>正文</p></article></body></html>'
    (tmp_path / "kept.html").write_text(page.format("", "离线版"), encoding="utf-8")
    (tmp_path / "maint.html").write_text(page.format('<meta name="zhucun-search" content="exclude">', "维护说明"),
                                         encoding="utf-8")
    assert [p["url"] for p in site_pages(tmp_path)] == ["kept.html"]
