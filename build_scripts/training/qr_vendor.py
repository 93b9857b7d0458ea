"""The libraries of the 培训班 pages, vendored from npm at the versions and sha512 pinned beside this file
(build_scripts/npm checks the tarball on every use): qrcode-generator draws the 试卷码 and 成绩码 QR codes,
jsQR reads them from camera frames or images where the browser has no BarcodeDetector, fflate zips the
成绩汇总 page's Excel file. All are classic scripts (window.qrcode, window.jsQR, window.fflate), so they work
from file:// in the offline copy; nothing is fetched at run time.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts import npm

HERE = Path(__file__).resolve().parent
PIN_FILES = (HERE / "qrcode_generator.json", HERE / "jsqr.json", HERE / "fflate.json")
LICENCES = {"qrcode-generator": "MIT", "jsqr": "Apache-2.0", "fflate": "MIT"}   # from each package.json


def pins() -> list[npm.Pin]:
    return [npm.load_pin(p) for p in PIN_FILES]


def cache_dir() -> Path:
    return npm.default_cache("npm", "NPM_VENDOR_CACHE_DIR")


def files() -> dict[str, bytes]:
    """site path -> bytes, each script with a banner naming its package, version and licence."""
    out: dict[str, bytes] = {}
    for pin in pins():
        script = npm.member(pin, cache_dir())
        folder = Path(pin.site_path).parent
        licence = "LICENSE.txt beside this file" if pin.license_file else "licence in the header below"
        banner = f"/* {pin.package} {pin.version} (npm, {pin.integrity[:20]}…), {LICENCES[pin.package]} licence: {licence} */\n"
        out[pin.site_path] = banner.encode() + script
        if pin.license_file:
            out[str(folder / "LICENSE.txt")] = npm.member(pin, cache_dir(), pin.license_file)
    return out
