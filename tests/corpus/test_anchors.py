"""Anchors are stable (a committed snapshot), follow the numbering path, and citations resolve."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.corpus import CorpusError, load_corpus

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = Path(__file__).with_name("anchors_snapshot.json")
ANCHOR = re.compile(r"^(title|preamble|closing|[a-z]+|(?:[a-z]+-)?(?:ch-|art-|s)[0-9]+(?:-(?:[0-9]+|[a-z]+))*)$")


def current_anchors() -> dict[str, list[str]]:
    return {d.id: [c.anchor for c in d.clauses] for d in load_corpus().documents.values()}


def test_anchor_snapshot_unchanged():
    """Changing an anchor breaks every link and citation to it: do it on purpose or not at all."""
    if not SNAPSHOT.exists():  # first run writes it; the committed file is the contract
        SNAPSHOT.write_text(json.dumps(current_anchors(), ensure_ascii=False, indent=1), encoding="utf-8")
    assert current_anchors() == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_all_thirteen_documents():
    assert set(load_corpus().documents) == {
        "central-2017", "hebei-measures", "hebei-opinions", "shenmu-2021", "guizhou-2017", "yongxing-2017",
        "town-rules", "school-pingna", "county-trial", "hebei-subsidy-2009", "hebei-assets-2021",
        "workgroup-fragment", "county-test"}


def test_anchors_are_ascii_and_unique():
    for doc_id, anchors in current_anchors().items():
        assert len(anchors) == len(set(anchors)), doc_id
        for a in anchors:
            assert ANCHOR.match(a), (doc_id, a)


@pytest.mark.parametrize("citation, must_contain", [
    ("hebei-measures#art-17-1", "每月驻村工作时间不少于20天"),
    ("hebei-measures#art-17-3", "请假3—7天由县驻村干部管理办公室批准"),
    ("hebei-measures#art-20-5", "不高于该县选派驻村干部总数的40%"),
    ("shenmu-2021#s7-2-3", "每年驻村工作时间不少于220天"),
    ("shenmu-2021#s7-3-3", "全年驻村工作时间不足200天的"),
    ("shenmu-2021#s8-2-2-5", "每人每月100元"),
    ("guizhou-2017#s2-4", "每月驻村时间没有达到20天的"),
    ("guizhou-2017#s3-2-3", "省委组织部备案"),
    ("yongxing-2017#s1-4", "其中下组入户住在村里或乡镇政府的时间不得少于12天"),
    ("town-rules#s2", "2天以上的由书记或镇长批准"),
    ("town-rules#rights-s6", "村民建房用地指标"),
    ("school-pingna#s1-2", "驻村时间不少于200天"),
    ("school-pingna#s3-buzhun-4", "不准收受红包"),
    ("hebei-opinions#s3-5", "记入个人档案"),
    ("county-trial#art-6-2", "宣传科普知识"),
    ("county-test#s2-3", "请假( )天以上由县驻村工作办公室批准"),
])
def test_known_clauses_resolve_to_their_text(citation, must_contain):
    doc, clause = load_corpus().resolve(citation)
    assert must_contain in doc.subtree_text(clause.anchor)


@pytest.mark.parametrize("bad", ["hebei-measures#art-99", "nowhere#s1", "hebei-measures", "shenmu-2021#s7-2-9"])
def test_bad_citations_raise(bad):
    with pytest.raises(CorpusError):
        load_corpus().resolve(bad)


def _project_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "proj"
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
        "site", "dist", ".git", "test-artifacts", "__pycache__", "cache", "node_modules"))
    return dest


def _build(project: Path, seeds: Path | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)}
    if seeds:
        env["ZHUCUN_SEEDS_DIR"] = str(seeds)
    else:
        env["ZHUCUN_SEEDS_DIR"] = str(ROOT.parent / "shared" / "seeds")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "out")],
                          cwd=project, capture_output=True, text=True, env=env)


def test_build_fails_on_citation_to_missing_anchor(tmp_path):
    project = _project_copy(tmp_path)
    (project / "docs" / "bad-cite.md").write_text("# x\n\n见 [[cite:hebei-measures#art-99]]。\n", encoding="utf-8")
    result = _build(project)
    assert result.returncode != 0
    assert "docs/bad-cite.md" in result.stderr + result.stdout
    assert "art-99" in result.stderr + result.stdout


def test_build_fails_on_a_seed_that_no_longer_matches(tmp_path):
    project = _project_copy(tmp_path)
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT.parent / "shared" / "seeds", seeds)
    target = seeds / "001_a6ab7f7a7c2203cd.txt"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "神木市巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作领导小组\n\n印发", "神木市领导小组\n\n印发"),
                      encoding="utf-8")
    result = _build(project, seeds)
    assert result.returncode != 0
    out = result.stderr + result.stdout
    assert "001_a6ab7f7a7c2203cd.txt" in out and "shenmu-2021" in out
