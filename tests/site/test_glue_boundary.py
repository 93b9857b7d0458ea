"""Build logic apart from the MkDocs glue (issue 13): only the glue imports MkDocs or Material; no
module puts the checkout on sys.path (the project is installed editable, pyproject.toml); `mkdocs serve`
watches the data folders the generated pages come from."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

# The glue: MkDocs hooks (thin: they call plain functions of the package beside them) and the command
# that drives an offline build through MkDocs' API (its entry point included).
GLUE = {
    *(p.relative_to(ROOT).as_posix() for p in (ROOT / "build_scripts" / "hooks").glob("*.py")),
    *(p.relative_to(ROOT).as_posix() for p in (ROOT / "build_scripts").glob("*/hook.py")),
    "build_scripts/quiz/mkdocs_hook.py",
    "build_scripts/offline_bundle/build.py",
    "build_scripts/offline_bundle/__main__.py",
}
FRAMEWORK = {"mkdocs", "material", "pymdownx"}


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out.add(node.module.split(".")[0])
    return out


def _python_files():
    for top in ("build_scripts", "calculators"):
        yield from sorted((ROOT / top).rglob("*.py"))


def test_only_the_glue_imports_mkdocs():
    offenders = [p.relative_to(ROOT).as_posix() for p in _python_files()
                 if _imports(p) & FRAMEWORK and p.relative_to(ROOT).as_posix() not in GLUE]
    assert offenders == [], f"build logic importing MkDocs/Material (move it behind a hook): {offenders}"


def _module_imports(path: Path) -> set[str]:
    """Dotted names a file imports, with `from package import module` counted as package.module."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            out |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return out


def test_build_logic_never_imports_the_glue():
    """The hooks call plain functions, never the other way round (a generator importing a hook would
    drag MkDocs in and tie the logic to one framework's events)."""
    glue_modules = {g.removesuffix(".py").replace("/", ".") for g in GLUE}
    offenders = {p.relative_to(ROOT).as_posix(): sorted(_module_imports(p) & glue_modules) for p in _python_files()
                 if p.relative_to(ROOT).as_posix() not in GLUE}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_glue_list_is_real():
    """Every glue file exists and the hooks mkdocs.yml runs are all in it (the check above can fail)."""
    assert all((ROOT / g).is_file() for g in GLUE)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert set(config["hooks"]) <= GLUE
    assert any(_imports(ROOT / g) & FRAMEWORK for g in GLUE)


def test_no_module_edits_sys_path():
    offenders = [p.relative_to(ROOT).as_posix() for p in _python_files()
                 if "sys.path.insert" in p.read_text(encoding="utf-8")
                 or "sys.path.append" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_serve_watches_the_data_folders():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    watched = {Path(w).as_posix().rstrip("/") for w in config.get("watch", [])}
    assert {"calculators/rules", "quiz_bank", "build_scripts/corpus", "build_scripts/glossary",
            "build_scripts/search_index"} <= watched
    assert all((ROOT / w).is_dir() for w in watched)


def test_a_rebuild_in_the_same_process_reads_the_data_files_again():
    from build_scripts import data_check
    from build_scripts.corpus import load_corpus
    from build_scripts.glossary import load_terms
    from build_scripts.quiz import importance, synonyms

    cached = (load_corpus, load_terms, importance.table, synonyms.table)
    load_corpus(), load_terms(), importance.table(), synonyms.table()
    assert all(f.cache_info().currsize for f in cached)
    data_check.forget_loaded_data()
    assert [f.cache_info().currsize for f in cached] == [0, 0, 0, 0]


def test_the_documented_step_order_is_mkdocs_yml_order():
    """build_scripts/README.md's "Step order" table lists the hooks exactly as mkdocs.yml runs them."""
    readme = (ROOT / "build_scripts" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Step order", 1)[1].split("\n## ", 1)[0]
    documented = ["build_scripts/" + m for m in re.findall(r"^\| \d+ \| `([^`]+)` \|", section, re.M)]
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert documented == config["hooks"]
