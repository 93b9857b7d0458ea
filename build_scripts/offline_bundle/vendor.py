"""The one script Material's offline plugin would take from a public CDN, vendored from npm.

Material 9.8.1's `offline` plugin appends the `iframe-worker` shim to `extra.polyfills` unless an entry
containing "iframe-worker" is already there. mkdocs.offline.yml puts our copy there
(`assets/vendor/iframe-worker/shim.js`); this module fetches it with `npm pack <pkg>@<version>` into the
git-ignored cache `.cache/offline_bundle/` (or $OFFLINE_BUNDLE_CACHE_DIR), checks the tarball against the
sha512 integrity pinned in pin.json every time, and returns the shim's bytes.
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


class IntegrityError(RuntimeError):
    pass


@dataclass(frozen=True)
class Pin:
    package: str
    version: str
    integrity: str
    file: str
    site_path: str


def load_pin() -> Pin:
    return Pin(**json.loads((HERE / "pin.json").read_text(encoding="utf-8")))


def cache_dir() -> Path:
    return Path(os.environ.get("OFFLINE_BUNDLE_CACHE_DIR") or ROOT / ".cache" / "offline_bundle")


def sri_sha512(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def tarball(pin: Pin | None = None) -> Path:
    pin = pin or load_pin()
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{pin.package}-{pin.version}.tgz"
    if not path.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError(f"npm is needed to fetch {pin.package}@{pin.version} (cache {cache} is empty)")
        subprocess.run([npm, "pack", f"{pin.package}@{pin.version}", "--pack-destination", str(cache), "--silent"],
                       check=True, stdout=subprocess.DEVNULL)
    actual = sri_sha512(path.read_bytes())
    if actual != pin.integrity:
        raise IntegrityError(f"{path}: integrity {actual} != pinned {pin.integrity}; delete it and check why")
    return path


def shim_bytes(pin: Pin | None = None) -> bytes:
    pin = pin or load_pin()
    with tarfile.open(tarball(pin), "r:gz") as tar:
        member = tar.extractfile(f"package/{pin.file}")
        if member is None:
            raise RuntimeError(f"{pin.file} missing from {pin.package}@{pin.version}")
        return member.read()
