"""Pyodide's pin takes its runtime files; the wheel is deterministic and valid; the site lock
registers it with its sha256."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile

from build_scripts.pyodide import lockfile, vendor, wheel


def test_pin_takes_the_runtime_files():
    pin = vendor.load_pin()   # exact, sha512, refused when tampered with: tests/test_npm_pins.py
    assert {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"} <= set(pin.files)


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
