"""Zip a built site as dist/zhucun-kb-<version>-<YYYYMMDD>.zip, everything under one top folder."""

from __future__ import annotations

import datetime as dt
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Already-compressed formats are stored, not deflated again.
STORED = {".png", ".jpg", ".gz", ".zip", ".whl"}


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def archive_stem(version: str | None = None, day: dt.date | None = None) -> str:
    day = day or dt.date.today()
    return f"zhucun-kb-{version or project_version()}-{day:%Y%m%d}"


def zip_site(site: Path, dest: Path, top: str) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        # never a host's compressed siblings (.gz/.br): a browser opening files does not read them
        for path in sorted(p for p in site.rglob("*") if p.is_file() and not p.name.endswith((".gz", ".br"))):
            rel = path.relative_to(site).as_posix()
            info = zipfile.ZipInfo(f"{top}/{rel}", date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if path.suffix in STORED else zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(dest)
    return dest
