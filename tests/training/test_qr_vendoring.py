"""The 培训班 libraries (QR, fflate; pinned in build_scripts/npm/pins.json, tampering: tests/test_npm_pins.py), written
into the site with a banner and licence, loaded by the pages as files (nothing fetched at run time)."""
from __future__ import annotations

import re


from build_scripts import npm

PACKAGES = ("qrcode-generator", "jsqr", "fflate")


def _files() -> dict[str, bytes]:
    return {path: data for name in PACKAGES for path, data in npm.script_files(npm.pin(name)).items()}


def test_site_files_are_the_packages_scripts():
    files = _files()
    gen = files["assets/vendor/qrcode-generator/qrcode.js"].decode("utf-8")
    reader = files["assets/vendor/jsqr/jsQR.js"].decode("utf-8")
    assert "var qrcode = function()" in gen and "MIT licence" in gen.splitlines()[0]
    assert "webpackUniversalModuleDefinition" in reader and "Apache-2.0 licence" in reader.splitlines()[0]
    assert "Apache License" in files["assets/vendor/jsqr/LICENSE.txt"].decode("utf-8")
    zipper = files["assets/vendor/fflate/fflate.js"].decode("utf-8")
    assert "fflate 0.8.3" in zipper.splitlines()[0] and "MIT licence" in zipper.splitlines()[0]
    assert ".fflate=f()" in zipper and "_e.zipSync=" in zipper                # the UMD build: window.fflate
    assert "MIT License" in files["assets/vendor/fflate/LICENSE.txt"].decode("utf-8")


def test_pages_load_them_as_files(built_site):
    files = _files()
    for path, content in files.items():
        assert (built_site / path).read_bytes() == content
    trainer = (built_site / "training" / "index.html").read_text(encoding="utf-8")
    collect = (built_site / "training" / "results.html").read_text(encoding="utf-8")
    assert '<script src="../assets/vendor/qrcode-generator/qrcode.js"></script>' in trainer
    assert "jsQR.js" not in trainer                                   # the trainer page only draws
    assert "jsQR.js" not in collect                                   # loaded by qr.js only when something is read
    assert 'vendor/jsqr/jsQR.js' in (built_site / "assets/training/qr.js").read_text(encoding="utf-8")
    assert "fflate" not in collect                                    # loaded only when 导出 Excel 表格 is pressed
    assert 'vendor/fflate/fflate.js' in (built_site / "assets/training/collect.js").read_text(encoding="utf-8")
    assert "https://" not in "".join(re.findall(r'<script[^>]*src="([^"]+)"', collect))
