"""The effective configuration of the offline build.

mkdocs.offline.yml (INHERIT: mkdocs.yml) turns on Material's offline plugin and points the
iframe-worker polyfill at our vendored copy. Lists replace the parent's under INHERIT, so the hooks
list is assembled here instead of being copied into that file: mkdocs.yml's hooks, then any hook the
offline copy needs that mkdocs.yml does not run yet (warned), then the offline-only hook.
`navigation.instant` is dropped from theme.features: on file:// it stops page scripts.
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


def _parent() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_PermissiveLoader)


class _PermissiveLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' !ENV / !relative tags."""


_PermissiveLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def effective_yaml() -> str:
    parent = _parent()
    hooks = list(parent.get("hooks") or [])
    for hook in REQUIRED_HOOKS:
        if hook not in hooks and (ROOT / hook).exists():
            log.warning("mkdocs.yml does not run %s yet; the offline build adds it", hook)
            hooks.append(hook)
    hooks.append(OFFLINE_HOOK)
    features = [f for f in parent.get("theme", {}).get("features", []) if not f.startswith("navigation.instant")]
    child = {"INHERIT": OFFLINE_CONFIG.name, "hooks": hooks, "theme": {"features": features}}
    return yaml.safe_dump(child, allow_unicode=True, sort_keys=False)


def config_stream() -> io.StringIO:
    """A config 'file' in the repository root, so relative paths resolve as for mkdocs.yml."""
    stream = io.StringIO(effective_yaml())
    stream.name = str(ROOT / "mkdocs.offline.effective.yml")
    return stream
