"""Front-end packages from npm: one pinned tarball per package, sha512 checked every time it is used.

`npm pack <package>@<version>` (the ordinary npm client) fills a git-ignored cache; `tarball()` verifies
it against the pin's integrity (a mismatch stops the build) and `member()` reads one file from it.
Used by Pyodide (build_scripts/pyodide/vendor.py unpacks its runtime files from the verified tarball),
the offline bundle (iframe-worker shim) and the practice pages (ts-fsrs).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class IntegrityError(RuntimeError):
    """The cached or downloaded tarball does not match the pinned integrity."""


@dataclass(frozen=True)
class Pin:
    """One vendored file of one npm package and where the site puts it."""
    package: str
    version: str
    integrity: str
    file: str
    site_path: str
    license_file: str | None = None


def load_pin(path: Path) -> Pin:
    return Pin(**json.loads(path.read_text(encoding="utf-8")))


def sri_sha512(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def tarball(pin, cache: Path) -> Path:
    """The verified tarball, fetched with `npm pack` only when the cache lacks it (pin: anything with
    package, version and integrity, e.g. a Pin or Pyodide's own pin)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{pin.package}-{pin.version}.tgz"
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


def member(pin: Pin, cache: Path, name: str | None = None) -> bytes:
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


def default_cache(name: str, env: str) -> Path:
    return Path(os.environ.get(env) or ROOT / ".cache" / name)
