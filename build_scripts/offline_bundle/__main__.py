"""python -m build_scripts.offline_bundle [--out DIR] [--update-docs]

Builds the site for file:// (mkdocs.offline.yml) into a temporary directory and zips it into
dist/zhucun-kb-<version>-<YYYYMMDD>.zip; prints what the zip is made of. --update-docs writes that
breakdown into docs/maintainers.md (between the size markers).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from build_scripts.offline_bundle import archive, breakdown
from build_scripts.offline_bundle.build import build_site

ROOT = Path(__file__).resolve().parents[2]


def make_bundle(out_dir: Path) -> Path:
    stem = archive.archive_stem()
    with tempfile.TemporaryDirectory(prefix="zhucun-offline-") as tmp:
        site = build_site(Path(tmp) / stem)
        return archive.zip_site(site, out_dir / f"{stem}.zip", stem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.offline_bundle", description=__doc__.splitlines()[2])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the zip goes (default dist/)")
    parser.add_argument("--update-docs", action="store_true", help="write the size breakdown into docs/maintainers.md")
    args = parser.parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger("offline_bundle").addHandler(handler)
    zip_path = make_bundle(args.out)
    rows = breakdown.measure(zip_path)
    print(breakdown.as_text(zip_path, rows))
    if args.update_docs:
        breakdown.update_docs(zip_path, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
