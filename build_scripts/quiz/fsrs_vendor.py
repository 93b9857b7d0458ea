"""ts-fsrs (the FSRS scheduler behind 智能复习), vendored from npm at the version and sha512 pinned in
ts_fsrs.json (build_scripts/npm), written into the site by the quiz hook: the UMD build as a classic
script (works from file://, sets window.FSRS) without its source-map comment, and its licence beside it.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts import npm

PIN_FILE = Path(__file__).resolve().parent / "ts_fsrs.json"
SOURCE_MAP = b"//# sourceMappingURL="


def load_pin() -> npm.Pin:
    return npm.load_pin(PIN_FILE)


def cache_dir() -> Path:
    return npm.default_cache("npm", "NPM_VENDOR_CACHE_DIR")


def files(pin: npm.Pin | None = None) -> dict[str, bytes]:
    """site path -> bytes of what the site carries."""
    pin = pin or load_pin()
    script = npm.member(pin, cache_dir())
    lines = [line for line in script.splitlines(keepends=True) if not line.startswith(SOURCE_MAP)]
    banner = f"/* {pin.package} {pin.version} (npm, {pin.integrity[:20]}…), MIT licence: LICENSE.txt beside this file */\n"
    out = {pin.site_path: banner.encode() + b"".join(lines)}
    if pin.license_file:
        out[str(Path(pin.site_path).parent / "LICENSE.txt")] = npm.member(pin, cache_dir(), pin.license_file)
    return out
