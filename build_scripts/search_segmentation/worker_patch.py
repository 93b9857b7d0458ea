"""One fix to Material's search worker, applied to the built copy.

The worker segments a Chinese query against the index vocabulary, but its loop stops one character
short (`o<t.length`), so a query's last word is never recognised: 暖心工程 is searched as 暖心 + 工*.
The pinned Material 9.8.1 has exactly one such loop; if an upgrade changes it, the build fails here
and this patch must be re-checked (or dropped, if upstream fixed it).
"""

from __future__ import annotations

from pathlib import Path

BROKEN = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"


class WorkerPatchError(RuntimeError):
    pass


def patch_search_worker(site_dir: Path) -> Path:
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise WorkerPatchError(f"expected one Material search worker, found {[w.name for w in workers]}")
    worker = workers[0]
    source = worker.read_text(encoding="utf-8")
    if source.count(BROKEN) != 1:
        if FIXED in source:
            return worker
        raise WorkerPatchError(f"{worker}: the query segmentation loop changed; re-check worker_patch.py")
    worker.write_text(source.replace(BROKEN, FIXED), encoding="utf-8")
    return worker
