"""The pinned Pyodide npm package: its runtime files, unpacked from the verified tarball.

The pin (version, sha512 integrity, the files taken) is Pyodide's entry in build_scripts/npm/pins.json,
the one list of npm pins; the tarball is fetched and checked there (`npm pack`, the integrity checked
every time it is used; a mismatch stops the build). Only the listed files are unpacked, into a
git-ignored cache (`.cache/pyodide/<version>/` at the repository root, or $PYODIDE_CACHE_DIR).
"""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

from build_scripts import npm
from build_scripts.npm import IntegrityError, Pin  # noqa: F401  (re-exported: a mismatch raises it)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def load_pin() -> Pin:
    return npm.pin("pyodide")


def cache_dir() -> Path:
    return npm.default_cache("pyodide", "PYODIDE_CACHE_DIR")


def fetch_tarball(pin: Pin, cache: Path | None = None) -> Path:
    """The verified tarball (build_scripts/npm: `npm pack` only when the cache lacks it)."""
    return npm.tarball(pin, cache)


def unpacked(pin: Pin | None = None, cache: Path | None = None) -> Path:
    """Directory holding the pinned runtime files, unpacked once from the verified tarball."""
    pin = pin or load_pin()
    cache = cache or cache_dir()
    tarball = fetch_tarball(pin)
    out = cache / pin.version
    stamp = out / ".integrity"
    if stamp.exists() and stamp.read_text() == pin.integrity and all((out / f).exists() for f in pin.files):
        return out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tarfile.open(tarball, "r:gz") as tar:
        for name in pin.files:
            member = tar.getmember(f"package/{name}")
            src = tar.extractfile(member)
            if src is None:
                raise RuntimeError(f"{name} is not a regular file in {tarball}")
            (out / name).write_bytes(src.read())
    stamp.write_text(pin.integrity)
    return out


# Vendored files the site does not ship as they are: the lock file (the site writes its own, with the
# calculators wheel) and the full standard library (the site ships the trimmed archive built from it,
# build_scripts/pyodide/stdlib.py; whatever needs the full one reads it from the cache, upstream_file()).
NOT_SHIPPED = ("pyodide-lock.json", "python_stdlib.zip")


def upstream_file(name: str, pin: Pin | None = None) -> Path:
    """One vendored file as Pyodide publishes it, in the verified cache (never from the site)."""
    pin = pin or load_pin()
    if name not in pin.files:
        raise KeyError(f"{name} is not among the vendored files of Pyodide's pin (build_scripts/npm/pins.json)")
    return unpacked(pin) / name


def shipped_runtime(pin: Pin | None = None) -> tuple[str, ...]:
    """The vendored files copied into the site unchanged."""
    pin = pin or load_pin()
    return tuple(name for name in pin.files if name not in NOT_SHIPPED)


def copy_runtime(dest: Path, pin: Pin | None = None) -> list[Path]:
    """Copy the runtime files the site ships unchanged (shipped_runtime) into dest."""
    pin = pin or load_pin()
    src = unpacked(pin)
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in shipped_runtime(pin):
        shutil.copyfile(src / name, dest / name)
        copied.append(dest / name)
    return copied


if __name__ == "__main__":
    print(unpacked())
