"""A small deterministic writer for the pure-Python calculators wheel.

Same inputs give the same bytes: sorted entries, a fixed timestamp, fixed permissions.
The version carries a local label made from the content hash (`0.1.0+g1a2b3c4d`), so a
changed wheel gets a new file name and no browser cache can serve a stale one.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

DIST_NAME = "zhucun_calculators"  # wheel file / dist-info name (normalised)
LOCK_NAME = "zhucun-calculators"  # name the page loads from pyodide-lock.json
IMPORT_NAME = "calculators"
TAG = "py3-none-any"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
DATA_FILES = "vocabulary.json"   # read by calculators/vocabulary.py (rules_compiled.json is added by artifacts.py)


@dataclass(frozen=True)
class Wheel:
    filename: str
    version: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"sha256={digest}"


def package_sources(package_dir: Path) -> dict[str, bytes]:
    """All .py files of the package (no caches, no tests) and its data files beside them (the vocabulary),
    keyed by their path in the wheel."""
    files: dict[str, bytes] = {}
    for path in sorted([*package_dir.rglob("*.py"), *package_dir.glob(DATA_FILES)]):
        rel = path.relative_to(package_dir.parent)
        if "__pycache__" in rel.parts or any(p.startswith("test") for p in rel.parts[1:]):
            continue
        files[rel.as_posix()] = path.read_bytes()
    return files


def content_version(base_version: str, files: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return f"{base_version}+g{h.hexdigest()[:10]}"


def _zip_write(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    zf.writestr(info, data, compresslevel=9)


def build_wheel(files: dict[str, bytes], base_version: str, summary: str = "") -> Wheel:
    version = content_version(base_version, files)
    dist_info = f"{DIST_NAME}-{version}.dist-info"
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {LOCK_NAME}\n"
        f"Version: {version}\n"
        f"Summary: {summary}\n"
        "Requires-Python: >=3.11\n"
    ).encode()
    wheel_meta = (
        "Wheel-Version: 1.0\n"
        "Generator: build_scripts.pyodide.wheel\n"
        "Root-Is-Purelib: true\n"
        f"Tag: {TAG}\n"
    ).encode()
    entries = dict(sorted(files.items()))
    entries[f"{dist_info}/METADATA"] = metadata
    entries[f"{dist_info}/WHEEL"] = wheel_meta
    entries[f"{dist_info}/top_level.txt"] = f"{IMPORT_NAME}\n".encode()
    record_lines = [f"{name},{_record_hash(data)},{len(data)}" for name, data in entries.items()]
    record_lines.append(f"{dist_info}/RECORD,,")
    entries[f"{dist_info}/RECORD"] = ("\n".join(record_lines) + "\n").encode()

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries.items():
            _zip_write(zf, name, data)
    return Wheel(f"{DIST_NAME}-{version}-{TAG}.whl", version, buf.getvalue())
