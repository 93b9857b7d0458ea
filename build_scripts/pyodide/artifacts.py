"""The calculators wheel as the site ships it: the package compiled to bytecode plus the compiled rule sets.

PyYAML is not in Pyodide, so the wheel carries the rule sets compiled to JSON by the
calculators package's own compile step, and no YAML.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from . import precompile
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
    """The package as bytecode (precompile.compiled_files: importing it from sources cost the browser
    about 1 s of CPU on the build machine, 0.1–0.2 s from bytecode) plus the compiled rule sets."""
    root = root or ROOT
    files = precompile.compiled_files(package_sources(root / "calculators"))
    files.update(compiled_rules())
    return build_wheel(files, base_version(ROOT), summary="驻村干部制度计算器（规则即数据）")
