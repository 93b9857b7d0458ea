"""The site's copy of pyodide-lock.json: the pinned lock's `info`, plus our wheel.

The npm package's lock lists ~350 packages that the site does not ship; keeping them
would cost ~120 kB on every cold start and point at files that are not there. The site
copy keeps the interpreter's `info` (its ABI is checked at start-up) and one entry for
the calculators wheel, with the sha256 Pyodide checks before installing it.
"""

from __future__ import annotations

import json

from .wheel import IMPORT_NAME, LOCK_NAME, Wheel


def wheel_entry(wheel: Wheel) -> dict:
    return {
        "name": LOCK_NAME,
        "version": wheel.version,
        "file_name": wheel.filename,
        "install_dir": "site",
        "sha256": wheel.sha256,
        "package_type": "package",
        "imports": [IMPORT_NAME],
        "depends": [],
        "unvendored_tests": False,
        "tool": {},
    }


def site_lock(upstream: dict, wheel: Wheel) -> dict:
    return {"info": upstream["info"], "packages": {LOCK_NAME: wheel_entry(wheel)}}


def dumps(lock: dict) -> str:
    return json.dumps(lock, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
