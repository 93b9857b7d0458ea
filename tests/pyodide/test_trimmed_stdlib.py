"""The trimmed standard library (build_scripts/pyodide/stdlib.py): its committed member list is
what a fresh trace derives, the archive is deterministic and a subset of upstream, and the
page config, the worker and the build agree on its name. That it is enough is shown by the
parity test (the whole case table on this archive alone) and the browser tests."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from build_scripts.pyodide import stdlib, stdlib_trace
from pyodide_support import ROOT


@pytest.fixture(scope="module")
def upstream() -> bytes:
    return stdlib.upstream_archive().read_bytes()


def test_committed_list_is_what_a_fresh_trace_derives():
    fresh = stdlib_trace.derive()
    committed = stdlib.read_list()
    added, dropped = sorted(set(fresh) - set(committed)), sorted(set(committed) - set(fresh))
    assert fresh == committed, (
        f"{stdlib.MODULE_LIST.name} is stale (now also read: {added[:10]}; no longer read: {dropped[:10]}). "
        "Run `python -m build_scripts.pyodide.stdlib_trace --write` and commit the list."
    )
    assert stdlib.list_text(committed) == stdlib.MODULE_LIST.read_text(encoding="utf-8")


def test_archive_is_deterministic_and_a_subset(upstream):
    a = stdlib.build_archive(upstream, stdlib.read_list())
    b = stdlib.build_archive(upstream, list(reversed(stdlib.read_list())))
    assert a == b
    zf, up = zipfile.ZipFile(io.BytesIO(a)), zipfile.ZipFile(io.BytesIO(upstream))
    names = zf.namelist()
    assert names == sorted(names)
    assert {i.date_time for i in zf.infolist()} == {stdlib.FIXED_TIME}
    for name in names:
        assert zf.read(name) == up.read(name), name
    assert len(a) < 0.45 * len(upstream)


def test_archive_holds_the_list_the_margin_and_parent_packages(upstream):
    names = set(zipfile.ZipFile(io.BytesIO(stdlib.build_archive(upstream, stdlib.read_list()))).namelist())
    assert set(stdlib.read_list()) <= names
    assert {"encodings/__init__.py", "encodings/utf_8.py", "encodings/gbk.py", "json/decoder.py",
            "traceback.py", "datetime.py", "re/__init__.py", "importlib/__init__.py"} <= names
    for name in names:
        parts = name.rstrip("/").split("/")[:-1]
        for k in range(1, len(parts) + 1):
            assert "/".join(parts[:k]) + "/__init__.py" in names, name


def test_every_margin_name_exists_upstream(upstream):
    names = [i.filename for i in zipfile.ZipFile(io.BytesIO(upstream)).infolist()]
    unknown = [m for m in stdlib.MARGIN if not stdlib.margin_members(names, (m,))]
    assert not unknown, f"MARGIN names modules the upstream archive lacks: {unknown}"


def test_page_config_worker_and_build_agree_on_the_name():
    assets = ROOT / "docs" / "assets" / "calculators"
    config = (assets / "pyodide-config.mjs").read_text(encoding="utf-8")
    assert re.search(rf'export const STDLIB = "{re.escape(stdlib.STDLIB_NAME)}";', config)
    assert config.count("stdLibURL:") == 1  # one config shape for http, file:// and Node points at it
    from build_scripts.pyodide import site_files

    assert stdlib.STDLIB_NAME in site_files.FETCHED  # the worker's progress (the page's manifest total) counts it
    assert stdlib.STDLIB_NAME != stdlib.UPSTREAM_NAME and "python_stdlib" not in stdlib.STDLIB_NAME
