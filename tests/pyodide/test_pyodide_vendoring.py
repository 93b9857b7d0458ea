"""Vendoring checks the pinned integrity; the wheel is deterministic and valid; the site lock
registers it with its sha256."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import zipfile

import pytest

from build_scripts import npm
from build_scripts.pyodide import lockfile, vendor, wheel


def test_pin_is_exact_and_sha512():
    pin = vendor.load_pin()
    assert pin.version.count(".") == 2 and not any(c in pin.version for c in "^~*x<>")
    assert pin.integrity.startswith("sha512-")
    assert {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"} <= set(pin.files)


def test_cached_tarball_matches_pin():
    pin = vendor.load_pin()
    assert npm.sri_sha512(vendor.fetch_tarball(pin).read_bytes()) == pin.integrity


def test_tampered_tarball_fails_loudly(tmp_path):
    pin = vendor.load_pin()
    bad = tmp_path / pin.tarball_name
    shutil.copyfile(vendor.fetch_tarball(pin), bad)
    with bad.open("r+b") as fh:
        fh.seek(1000)
        byte = fh.read(1)
        fh.seek(1000)
        fh.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(npm.IntegrityError, match="pinned"):
        vendor.fetch_tarball(pin, cache=tmp_path)


FILES = {"calculators/__init__.py": b"", "calculators/engine.py": b"X = 1\n", "calculators/rules_compiled.json": b"{}"}


def test_wheel_is_deterministic_and_records_hashes():
    a = wheel.build_wheel(FILES, "0.1.0")
    b = wheel.build_wheel(dict(reversed(list(FILES.items()))), "0.1.0")
    assert a.data == b.data and a.filename == b.filename
    assert a.filename.startswith("zhucun_calculators-0.1.0+g") and a.filename.endswith("-py3-none-any.whl")
    zf = zipfile.ZipFile(io.BytesIO(a.data))
    record = zf.read(next(n for n in zf.namelist() if n.endswith("/RECORD"))).decode().splitlines()
    for line in record:
        name, digest, size = line.rsplit(",", 2)
        if not digest:
            continue
        data = zf.read(name)
        expect = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert digest == f"sha256={expect}" and int(size) == len(data)
    assert not any(n.endswith(".yml") for n in zf.namelist())


def test_changed_source_changes_wheel_name():
    a = wheel.build_wheel(FILES, "0.1.0")
    b = wheel.build_wheel({**FILES, "calculators/engine.py": b"X = 2\n"}, "0.1.0")
    assert a.filename != b.filename


def test_site_lock_keeps_info_and_registers_wheel():
    w = wheel.build_wheel(FILES, "0.1.0")
    upstream = json.loads((vendor.unpacked() / "pyodide-lock.json").read_text(encoding="utf-8"))
    lock = json.loads(lockfile.dumps(lockfile.site_lock(upstream, w)))
    assert lock["info"] == upstream["info"]
    entry = lock["packages"][wheel.LOCK_NAME]
    assert entry["file_name"] == w.filename
    assert entry["sha256"] == hashlib.sha256(w.data).hexdigest()
    assert entry["imports"] == ["calculators"]
