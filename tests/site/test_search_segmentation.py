from pathlib import Path

import pytest

from build_scripts.search_segmentation import sub_words
from build_scripts.search_segmentation.worker_patch import BROKEN, FIXED, WorkerPatchError, patch_search_worker


@pytest.mark.parametrize("text, word", [("给予行政处罚", "处罚"), ("给予行政处罚", "行政处罚"),
                                        ("受到党纪政纪处分的", "处分"), ("严格履行书面请销假手续", "销假"),
                                        ("第十七条驻村干部", "第十七条"), ("第十七条驻村干部", "十七")])
def test_sub_words_include_parts_and_wholes(text, word):
    assert word in sub_words(text)


def test_worker_patch_applies_once_and_refuses_an_unknown_worker(tmp_path: Path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    worker = workers / "search.abc.min.js"
    worker.write_text("x;" + BROKEN + ";y", encoding="utf-8")
    patch_search_worker(tmp_path)
    assert FIXED in worker.read_text(encoding="utf-8")
    patch_search_worker(tmp_path)  # idempotent
    worker.write_text("something else", encoding="utf-8")
    with pytest.raises(WorkerPatchError):
        patch_search_worker(tmp_path)


def test_pinned_material_worker_still_has_the_loop_we_patch():
    import material
    source = next((Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))
    assert source.read_text(encoding="utf-8").count(BROKEN) == 1


def test_unused_lunr_languages_are_pruned(tmp_path: Path):
    from build_scripts.search_segmentation.lunr_languages import prune_lunr_languages
    lunr = tmp_path / "assets" / "javascripts" / "lunr"
    (lunr / "min").mkdir(parents=True)
    for name in ("lunr.zh.min.js", "lunr.de.min.js", "lunr.ja.min.js", "lunr.stemmer.support.min.js",
                 "lunr.multi.min.js"):
        (lunr / "min" / name).write_text("x")
    (lunr / "tinyseg.js").write_text("x")
    prune_lunr_languages(tmp_path, ["zh"])
    assert sorted(p.name for p in (lunr / "min").iterdir()) == ["lunr.stemmer.support.min.js", "lunr.zh.min.js"]
    assert not (lunr / "tinyseg.js").exists()


def test_built_site_keeps_only_the_chinese_search_language(built_site):
    names = sorted(p.name for p in (built_site / "assets" / "javascripts" / "lunr").rglob("*.js"))
    assert names == ["lunr.stemmer.support.min.js", "lunr.zh.min.js"]
