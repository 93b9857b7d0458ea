"""The effective configuration of the offline build.

mkdocs.offline.yml (INHERIT: mkdocs.yml) points the iframe-worker polyfill at our vendored copy.
Lists replace the parent's under INHERIT, so the lists this build changes are assembled here from
mkdocs.yml instead of being copied into that file (where they would drift):
- plugins: mkdocs.yml's, then Material's `offline` plugin;
- hooks: mkdocs.yml's, then any hook the offline copy needs that mkdocs.yml does not run yet
  (warned), then the offline-only hook;
- theme.features: mkdocs.yml's without `navigation.instant` (on file:// it stops page scripts).
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OFFLINE_CONFIG = ROOT / "mkdocs.offline.yml"
OFFLINE_HOOK = "build_scripts/offline_bundle/hook.py"
# Hooks whose output the offline copy must contain (PWA files, combined print page).
REQUIRED_HOOKS = ("build_scripts/hooks/pwa.py", "build_scripts/hooks/print_all.py")

log = logging.getLogger("offline_bundle")


def is_offline_build(config) -> bool:
    """True inside the offline (file://) build: Material's offline plugin is on."""
    return any(type(p).__name__ == "OfflinePlugin" and p.config.enabled for p in config.plugins.values())


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


def effective_yaml(offline: bool = True) -> str:
    """The offline build's config; with offline=False, plain mkdocs.yml plus the required hooks
    (what the tests serve as the installable site until mkdocs.yml runs those hooks)."""
    parent = _parent()
    for key in ("plugins", "hooks"):
        _check_copyable(parent.get(key), key)
    _check_copyable(parent.get("theme", {}).get("features"), "theme.features")
    hooks = list(parent.get("hooks") or [])
    for hook in REQUIRED_HOOKS:
        if hook not in hooks and (ROOT / hook).exists():
            log.warning("mkdocs.yml does not run %s yet; the offline build adds it", hook)
            hooks.append(hook)
    if not offline:
        return yaml.safe_dump({"INHERIT": "mkdocs.yml", "hooks": hooks}, allow_unicode=True, sort_keys=False)
    hooks.append(OFFLINE_HOOK)
    features = [f for f in parent.get("theme", {}).get("features", []) if not f.startswith("navigation.instant")]
    plugins = list(parent.get("plugins") or [])
    if not any(_plugin_name(p) in ("offline", "material/offline") for p in plugins):
        plugins.append("offline")
    child = {"INHERIT": OFFLINE_CONFIG.name, "plugins": plugins, "hooks": hooks, "theme": {"features": features}}
    return yaml.safe_dump(child, allow_unicode=True, sort_keys=False)


def config_stream(offline: bool = True) -> io.StringIO:
    """A config 'file' in the repository root, so relative paths resolve as for mkdocs.yml."""
    stream = io.StringIO(effective_yaml(offline))
    stream.name = str(ROOT / "mkdocs.offline.effective.yml")
    return stream
