"""The file:// rewrite of Pyodide's loader files against the pinned package: it must match, and
fail loudly when the text it relies on moves."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from build_scripts.offline_bundle import pyodide_classic
from build_scripts.offline_bundle.pyodide_classic import RewriteError
from build_scripts.pyodide import vendor as pyodide_vendor


@pytest.fixture(scope="module")
def runtime_dir():
    return pyodide_vendor.unpacked()


def test_pin_is_the_version_the_rewrite_was_checked_against():
    pyodide_classic.check_version(pyodide_vendor.load_pin().version)
    with pytest.raises(RewriteError, match="re-check"):
        pyodide_classic.check_version("315.0.0")


def test_rewrite_matches_pinned_package(runtime_dir, tmp_path):
    asm = pyodide_classic.classic_asm((runtime_dir / "pyodide.asm.mjs").read_text(encoding="utf-8"), '"x"')
    loader = pyodide_classic.classic_loader((runtime_dir / "pyodide.mjs").read_text(encoding="utf-8"))
    assert "globalThis.__zcCreatePyodideModule=_createPyodideModule;" in asm
    assert "globalThis.__zcLoadPyodide=" in loader
    node = shutil.which("node")
    if node:  # both parse as classic scripts
        for name, text in (("asm.js", asm), ("loader.js", loader)):
            (tmp_path / name).write_text(text, encoding="utf-8")
            r = subprocess.run([node, "--check", str(tmp_path / name)], capture_output=True, text=True)
            assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("old", [old for old, _, _ in pyodide_classic.ASM_REWRITES])
def test_rewrite_fails_when_factory_text_moves(runtime_dir, old):
    source = (runtime_dir / "pyodide.asm.mjs").read_text(encoding="utf-8").replace(old, old[0] + " " + old[1:], 1)
    with pytest.raises(RewriteError, match="Pyodide changed"):
        pyodide_classic.classic_asm(source, '"x"')


@pytest.mark.parametrize("needle", [t for t, _ in pyodide_classic.LOADER_MUST_CONTAIN] + ["as loadPyodide"])
def test_rewrite_fails_when_loader_text_moves(runtime_dir, needle):
    source = (runtime_dir / "pyodide.mjs").read_text(encoding="utf-8").replace(needle, needle[0] + " " + needle[1:], 1)
    with pytest.raises(RewriteError):
        pyodide_classic.classic_loader(source)
