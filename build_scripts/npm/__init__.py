"""Front-end packages from npm: the one list of pins and the one way their files reach the site.

`pins.json` lists every package the site takes from npm, at an exact version with its sha512 integrity:
Pyodide (its runtime files, unpacked by build_scripts/pyodide/vendor.py), ts-fsrs (智能复习), the
培训班 libraries qrcode-generator, jsqr and fflate, and es-module-shims (the calculator pages' module
starter loads it only in a browser without import maps, build_scripts/calculator_pages/modules.py). `npm pack <package>@<version>` (the ordinary npm
client) fills one git-ignored cache (`.cache/npm/`, or $NPM_VENDOR_CACHE_DIR); `tarball()` verifies the
tarball against the pin on every use (a mismatch stops the build) and `member()` reads one file of it.

A pin with a `site_path` is a classic script the site carries as a file (works from file://, sets a
window global; nothing is fetched at run time): `site_files()` gives every such script with a banner
naming its package, version and licence (without a source-map comment), and its licence file beside it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PINS_FILE = HERE / "pins.json"
SOURCE_MAP = b"//# sourceMappingURL="


class IntegrityError(RuntimeError):
    """The cached or downloaded tarball does not match the pinned integrity."""


@dataclass(frozen=True)
class Pin:
    """One npm package at an exact version: the files the site takes from it and where they go."""
    package: str
    version: str
    integrity: str
    use: str = ""
    file: str | None = None            # the one script the site carries …
    site_path: str | None = None       # … and where (a classic script: site_files())
    licence: str | None = None
    license_file: str | None = None
    files: tuple[str, ...] = ()        # several files unpacked by their user (Pyodide)

    @property
    def tarball_name(self) -> str:
        return f"{self.package}-{self.version}.tgz"


@cache
def pins() -> dict[str, Pin]:
    """package name -> pin, in the order of pins.json."""
    data = json.loads(PINS_FILE.read_text(encoding="utf-8"))
    return {name: Pin(package=name, **{**fields, "files": tuple(fields.get("files", ()))})
            for name, fields in data.items()}


def pin(package: str) -> Pin:
    return pins()[package]


def sri_sha512(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def cache_dir() -> Path:
    return default_cache("npm", "NPM_VENDOR_CACHE_DIR")


def default_cache(name: str, env: str) -> Path:
    return Path(os.environ.get(env) or ROOT / ".cache" / name)


def tarball(pin: Pin, cache: Path | None = None) -> Path:
    """The verified tarball, fetched with `npm pack` only when the cache lacks it."""
    cache = cache or cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / pin.tarball_name
    if not path.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError(f"npm is needed to fetch {pin.package}@{pin.version} (cache {cache} is empty)")
        subprocess.run([npm, "pack", f"{pin.package}@{pin.version}", "--pack-destination", str(cache), "--silent"],
                       check=True, stdout=subprocess.DEVNULL)
        if not path.exists():
            raise RuntimeError(f"npm pack did not produce {path}")
    actual = sri_sha512(path.read_bytes())
    if actual != pin.integrity:
        raise IntegrityError(f"{path}: integrity {actual} != pinned {pin.integrity}; delete it and check why")
    return path


def member(pin: Pin, cache: Path | None = None, name: str | None = None) -> bytes:
    """One file of the verified package (default: the pin's file)."""
    name = name or pin.file
    with tarfile.open(tarball(pin, cache), "r:gz") as tar:
        try:
            src = tar.extractfile(f"package/{name}")
        except KeyError:
            src = None
        if src is None:
            raise RuntimeError(f"{name} missing from {pin.package}@{pin.version}")
        return src.read()


def script_files(pin: Pin, cache: Path | None = None) -> dict[str, bytes]:
    """site path -> bytes for one classic-script pin: the script with its banner, its licence beside it."""
    script = member(pin, cache)
    lines = [line for line in script.splitlines(keepends=True) if not line.startswith(SOURCE_MAP)]
    folder = Path(pin.site_path).parent
    where = "LICENSE.txt beside this file" if pin.license_file else "licence in the header below"
    banner = f"/* {pin.package} {pin.version} (npm, {pin.integrity[:20]}…), {pin.licence} licence: {where} */\n"
    out = {pin.site_path: banner.encode() + b"".join(lines)}
    if pin.license_file:
        out[str(folder / "LICENSE.txt")] = member(pin, cache, pin.license_file)
    return out


def site_files() -> dict[str, bytes]:
    """Every vendored classic script (and licence) the site carries: site path -> bytes."""
    out: dict[str, bytes] = {}
    for p in pins().values():
        if p.site_path:
            out.update(script_files(p))
    return out
