"""Helpers for the tests in tests/pyodide/."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ("build_scripts/pyodide/hook.py", "build_scripts/calculator_pages/hook.py")


def hooks_wired() -> bool:
    """The project's mkdocs.yml runs both calculator hooks."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return all(h in text for h in HOOKS)
