"""ts-fsrs for 智能复习: an exact npm version, the tarball checked against the pinned sha512 every time
(build_scripts/npm, shared with the offline bundle's shim), the UMD build shipped without its source-map
comment and with its licence; a tampered tarball stops the build."""
from __future__ import annotations

import re


from build_scripts import npm
from build_scripts.quiz import fsrs_vendor


def test_pin_is_exact_and_sha512():
    pin = fsrs_vendor.load_pin()
    assert pin.package == "ts-fsrs" and re.fullmatch(r"\d+\.\d+\.\d+", pin.version)
    assert pin.integrity.startswith("sha512-")


def test_site_files():
    files = fsrs_vendor.files()
    pin = fsrs_vendor.load_pin()
    script = files[pin.site_path].decode("utf-8")
    assert "global.FSRS = {}" in script and "exports.fsrs = fsrs" in script
    assert "sourceMappingURL" not in script
    assert "MIT License" in files["assets/vendor/ts-fsrs/LICENSE.txt"].decode("utf-8")


def test_practice_pages_load_it_as_a_file(built_site):
    page = (built_site / "quiz" / "review.html").read_text(encoding="utf-8")
    assert '<script src="../assets/vendor/ts-fsrs/ts-fsrs.umd.js" defer></script>' in page   # deferred like the page's scripts
    assert (built_site / fsrs_vendor.load_pin().site_path).read_bytes() == fsrs_vendor.files()[fsrs_vendor.load_pin().site_path]
