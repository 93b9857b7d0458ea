"""Compare two built sites file by file: the refactoring check of issue 13.

    python -m build_scripts.compare_sites BEFORE_DIR [AFTER_DIR=site] [--ignore GLOB ...]

Prints every file only in one of them and every file whose bytes differ (for text files, the first
differing line), and exits 1 when there is any difference. `clauses.json` is a file of the site, so it
is compared with the rest. A refactoring step that must not change outputs runs this against a copy of
`site/` kept from before the step.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from pathlib import Path


def files_of(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def first_difference(a: bytes, b: bytes) -> str:
    try:
        la, lb = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"binary, {len(a)} → {len(b)} bytes"
    for i, (x, y) in enumerate(zip(la, lb), 1):
        if x != y:
            at = next((k for k, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            return f"line {i} col {at + 1}: {x[max(0, at - 60):at + 80]!r} → {y[max(0, at - 60):at + 80]!r}"
    return f"{len(la)} → {len(lb)} lines"


def compare(before: Path, after: Path, ignore: tuple[str, ...] = ()) -> list[str]:
    """One line per difference; empty when the two sites are byte-identical (ignored paths aside)."""
    fa, fb = files_of(before), files_of(after)
    keep = lambda rel: not any(fnmatch.fnmatch(rel, g) for g in ignore)  # noqa: E731
    out = [f"only before: {rel}" for rel in sorted(fa.keys() - fb.keys()) if keep(rel)]
    out += [f"only after: {rel}" for rel in sorted(fb.keys() - fa.keys()) if keep(rel)]
    for rel in sorted(fa.keys() & fb.keys()):
        if keep(rel):
            a, b = fa[rel].read_bytes(), fb[rel].read_bytes()
            if a != b:
                out.append(f"differs: {rel}: {first_difference(a, b)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m build_scripts.compare_sites")
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path, nargs="?", default=Path("site"))
    ap.add_argument("--ignore", action="append", default=[], help="glob of paths to leave out (repeatable)")
    args = ap.parse_args(argv)
    diffs = compare(args.before, args.after, tuple(args.ignore))
    for line in diffs:
        print(line)
    print(f"{len(diffs)} difference(s)" if diffs else "identical")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
