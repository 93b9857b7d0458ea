"""The offline build's configuration: mkdocs.offline.yml (INHERIT: mkdocs.yml) sets `extra.offline_copy`,
which the hooks read; the theme features it drops are decided here."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OFFLINE_CONFIG = ROOT / "mkdocs.offline.yml"


def is_offline_build(config) -> bool:
    """True inside the offline (file://) build: mkdocs.offline.yml sets `extra.offline_copy`."""
    return bool((config.get("extra") or {}).get("offline_copy"))


def offline_features(features: list[str]) -> list[str]:
    """The theme features of the offline build: mkdocs.yml's less navigation.instant (on file:// it
    stops page scripts)."""
    return [f for f in features if not f.startswith("navigation.instant")]
