"""ts-fsrs for 智能复习 (pinned in build_scripts/npm/pins.json, tampering: tests/test_npm_pins.py): the UMD build
shipped without its source-map comment and with its licence, loaded by the practice pages as a file."""
from __future__ import annotations

from build_scripts import npm

PIN = npm.pin("ts-fsrs")


def test_site_files():
    files = npm.script_files(PIN)
    script = files[PIN.site_path].decode("utf-8")
    assert "global.FSRS = {}" in script and "exports.fsrs = fsrs" in script
    assert "sourceMappingURL" not in script
    assert "ts-fsrs 5.4.2" in script.splitlines()[0] and "MIT licence" in script.splitlines()[0]
    assert "MIT License" in files["assets/vendor/ts-fsrs/LICENSE.txt"].decode("utf-8")


def test_practice_pages_load_it_as_a_file(built_site):
    page = (built_site / "quiz" / "review.html").read_text(encoding="utf-8")
    assert '<script src="../assets/vendor/ts-fsrs/ts-fsrs.umd.js" defer></script>' in page   # deferred like the page's scripts
    assert (built_site / PIN.site_path).read_bytes() == npm.script_files(PIN)[PIN.site_path]
