"""Every front-end package vendored from npm through build_scripts/npm (ts-fsrs for 智能复习, the 培训班
QR libraries and fflate) is refused when its cached tarball is not the pinned one. (Pyodide's own
tarball check, with a byte changed in the middle, is in tests/pyodide/test_pyodide_vendoring.py.)"""

from __future__ import annotations

import shutil

import pytest

from build_scripts import npm
from build_scripts.quiz import fsrs_vendor
from build_scripts.training import qr_vendor


def _pins():
    yield fsrs_vendor.load_pin(), fsrs_vendor.cache_dir
    for pin in qr_vendor.pins():
        yield pin, qr_vendor.cache_dir


PINS = list(_pins())


@pytest.mark.parametrize("pin, cache_dir", PINS, ids=[pin.package for pin, _ in PINS])
def test_tampered_tarball_is_refused(tmp_path, pin, cache_dir):
    good = npm.tarball(pin, cache_dir())
    bad = tmp_path / good.name
    shutil.copyfile(good, bad)
    with bad.open("ab") as f:
        f.write(b"\0")
    with pytest.raises(npm.IntegrityError):
        npm.tarball(pin, tmp_path)
    with pytest.raises(npm.IntegrityError):
        npm.member(pin, tmp_path)
