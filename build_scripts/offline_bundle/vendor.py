"""The one script Material's offline plugin would take from a public CDN, vendored from npm.

Material 9.8.1's `offline` plugin appends the `iframe-worker` shim to `extra.polyfills` unless an entry
containing "iframe-worker" is already there. mkdocs.offline.yml puts our copy there
(`assets/vendor/iframe-worker/shim.js`); this module fetches it with `npm pack <pkg>@<version>` into the
git-ignored cache `.cache/offline_bundle/` (or $OFFLINE_BUNDLE_CACHE_DIR), checks the tarball against the
sha512 integrity pinned in pin.json every time, and returns the shim's bytes.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts.npm import IntegrityError, Pin, default_cache, sri_sha512  # noqa: F401  (re-exported)
from build_scripts import npm

HERE = Path(__file__).resolve().parent


def load_pin() -> Pin:
    return npm.load_pin(HERE / "pin.json")


def cache_dir() -> Path:
    return default_cache("offline_bundle", "OFFLINE_BUNDLE_CACHE_DIR")


def tarball(pin: Pin | None = None) -> Path:
    return npm.tarball(pin or load_pin(), cache_dir())


def shim_bytes(pin: Pin | None = None) -> bytes:
    return npm.member(pin or load_pin(), cache_dir())
