"""The calculators wheel as the site ships it: package sources plus the compiled rule sets.

PyYAML is not in Pyodide, so the wheel carries the rule sets compiled to JSON by the
calculators package's own compile step, and no YAML.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from .wheel import Wheel, build_wheel, package_sources

ROOT = Path(__file__).resolve().parents[2]


def import_calculators(module: str = "calculators.engine"):
    return importlib.import_module(module)


def compiled_rules() -> dict[str, bytes]:
    """{path in wheel: bytes}: every YAML rule set, validated and compiled to the JSON file
    `calculators.loader` reads where PyYAML is missing."""
    loader = import_calculators("calculators.loader")
    loader.clear_cache()
    text = loader.compiled_text(loader.load_yaml_dir())
    return {f"calculators/{loader.COMPILED.name}": text.encode("utf-8")}


def base_version(root: Path) -> str:
    import tomllib

    pyproject = root / "pyproject.toml"
    if pyproject.exists():
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    return "0.0.0"


def calculators_wheel(root: Path | None = None) -> Wheel:
    root = root or ROOT
    files = package_sources(root / "calculators")
    files.update(compiled_rules())
    return build_wheel(files, base_version(ROOT), summary="驻村干部制度计算器（规则即数据）")
