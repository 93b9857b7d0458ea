"""The effective configuration of the offline build.

mkdocs.offline.yml (INHERIT: mkdocs.yml) points the iframe-worker polyfill at our vendored copy.
Lists replace the parent's under INHERIT, so the lists this build changes are assembled here from
mkdocs.yml instead of being copied into that file (where they would drift):
- plugins: mkdocs.yml's, then Material's `offline` plugin;
- hooks: mkdocs.yml's, then the offline-only hook;
- theme.features: mkdocs.yml's without `navigation.instant` (on file:// it stops page scripts).
"""

from __future__ import annotations

import io
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OFFLINE_CONFIG = ROOT / "mkdocs.offline.yml"
OFFLINE_HOOK = "build_scripts/offline_bundle/hook.py"


def is_offline_build(config) -> bool:
    """True inside the offline (file://) build: mkdocs.offline.yml sets `extra.offline_copy`."""
    return bool((config.get("extra") or {}).get("offline_copy"))


def _parent() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_PermissiveLoader)


class _Tagged:
    """A value behind a MkDocs YAML tag (!ENV, !relative): it cannot be copied into another file."""

    def __init__(self, tag: str):
        self.tag = tag


class _PermissiveLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, leaving MkDocs' own tags unresolved."""


_PermissiveLoader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix))


def _check_copyable(value, where: str) -> None:
    if isinstance(value, _Tagged):
        raise ValueError(f"mkdocs.yml {where} uses {value.tag}; teach build_scripts/offline_bundle/config.py to copy it")
    if isinstance(value, dict):
        for k, v in value.items():
            _check_copyable(v, f"{where}.{k}")
    if isinstance(value, list):
        for i, v in enumerate(value):
            _check_copyable(v, f"{where}[{i}]")


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def effective_yaml() -> str:
    """The offline build's config."""
    parent = _parent()
    for key in ("plugins", "hooks"):
        _check_copyable(parent.get(key), key)
    _check_copyable(parent.get("theme", {}).get("features"), "theme.features")
    hooks = [*(parent.get("hooks") or []), OFFLINE_HOOK]
    features = [f for f in parent.get("theme", {}).get("features", []) if not f.startswith("navigation.instant")]
    plugins = list(parent.get("plugins") or [])
    if not any(_plugin_name(p) in ("offline", "material/offline") for p in plugins):
        plugins.append("offline")
    child = {"INHERIT": OFFLINE_CONFIG.name, "plugins": plugins, "hooks": hooks, "theme": {"features": features}}
    return yaml.safe_dump(child, allow_unicode=True, sort_keys=False)


def config_stream() -> io.StringIO:
    """A config 'file' in the repository root, so relative paths resolve as for mkdocs.yml."""
    stream = io.StringIO(effective_yaml())
    stream.name = str(ROOT / "mkdocs.offline.effective.yml")
    return stream
