"""MkDocs hook for the offline build only (added by build_scripts.offline_bundle.config).

on_files: put the vendored iframe-worker shim where mkdocs.offline.yml's `extra.polyfills` points.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from build_scripts.offline_bundle import vendor  # noqa: E402


def on_config(config):
    pin = vendor.load_pin()
    if pin.site_path not in [str(p) for p in config.extra.get("polyfills", [])]:
        raise PluginError(f"offline build: extra.polyfills must list {pin.site_path} (mkdocs.offline.yml)")
    return config


def on_files(files, config):
    pin = vendor.load_pin()
    files.append(File.generated(config, pin.site_path, content=vendor.shim_bytes(pin)))
    return files
