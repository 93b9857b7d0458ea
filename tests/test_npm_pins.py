"""The one list of npm pins (build_scripts/npm/pins.json): every package at an exact version with a
sha512 integrity, and every one refused when its cached tarball is not the pinned one (a byte changed
in the middle), both when the tarball is asked for and when a file is read from it."""

from __future__ import annotations

import re
import shutil

import pytest

from build_scripts import npm

PINS = list(npm.pins().values())


def test_the_list_names_every_package_the_site_takes_from_npm():
    assert set(npm.pins()) == {"pyodide", "ts-fsrs", "qrcode-generator", "jsqr", "fflate", "es-module-shims"}
    for pin in PINS:
        assert re.fullmatch(r"\d+\.\d+\.\d+", pin.version), pin
        assert pin.integrity.startswith("sha512-") and pin.use
        assert bool(pin.site_path) == bool(pin.file) != bool(pin.files), pin   # one script, or files unpacked by a user
        assert not pin.site_path or (pin.site_path.startswith("assets/vendor/") and pin.licence)


@pytest.mark.parametrize("pin", PINS, ids=[pin.package for pin in PINS])
def test_tampered_tarball_is_refused(tmp_path, pin):
    good = npm.tarball(pin)
    assert npm.sri_sha512(good.read_bytes()) == pin.integrity
    bad = tmp_path / good.name
    shutil.copyfile(good, bad)
    with bad.open("r+b") as fh:
        fh.seek(bad.stat().st_size // 2)
        byte = fh.read(1)
        fh.seek(-1, 1)
        fh.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(npm.IntegrityError, match="pinned"):
        npm.tarball(pin, tmp_path)
    with pytest.raises(npm.IntegrityError):
        npm.member(pin, tmp_path, pin.file or pin.files[0])
