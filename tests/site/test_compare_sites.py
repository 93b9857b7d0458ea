"""The before/after site comparison used by refactoring steps finds what changed and only that."""

from build_scripts.compare_sites import compare, main


def _site(root, files):
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    return root


def test_identical_sites_compare_equal(tmp_path):
    files = {"index.html": b"<p>\xe4\xb8\xad</p>\n", "a/clauses.json": b"{}"}
    assert compare(_site(tmp_path / "a", files), _site(tmp_path / "b", files)) == []
    assert main([str(tmp_path / "a"), str(tmp_path / "b")]) == 0


def test_changed_missing_and_extra_files_are_reported(tmp_path):
    a = _site(tmp_path / "a", {"x.html": b"one\ntwo\n", "gone.js": b"1", "same.css": b"c"})
    b = _site(tmp_path / "b", {"x.html": b"one\nTWO\n", "new.js": b"2", "same.css": b"c"})
    diffs = compare(a, b)
    assert diffs == ["only before: gone.js", "only after: new.js",
                     "differs: x.html: line 2 col 1: 'two' → 'TWO'"]
    assert main([str(a), str(b)]) == 1
    assert compare(a, b, ignore=("*.js", "x.*")) == []
