"""Until mkdocs.yml runs build_scripts/hooks/comparison_pages.py, the browser tests here build the site
with a config that inherits mkdocs.yml and adds the hook (no file is written in the repository)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOOK = "build_scripts/hooks/comparison_pages.py"

BUILD_WITH_HOOK = """
import io, logging, sys
from pathlib import Path
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

root, out, hook = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
class Loader(yaml.SafeLoader):
    pass
Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
hooks = list(yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader).get("hooks") or [])
stream = io.StringIO(yaml.safe_dump({"INHERIT": "mkdocs.yml", "hooks": hooks + [hook]}))
stream.name = str(root / "mkdocs.compare-test.yml")   # relative paths resolve as for mkdocs.yml
build(load_config(config_file=stream, site_dir=out, strict=True))
"""


def hook_in_mkdocs_yml() -> bool:
    return HOOK in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


if not hook_in_mkdocs_yml():
    @pytest.fixture(scope="session")
    def built_site(tmp_path_factory) -> Path:
        prebuilt = os.environ.get("ZHUCUN_SITE_DIR")
        if prebuilt and (Path(prebuilt) / "compare" / "index.html").exists():
            return Path(prebuilt)
        out = tmp_path_factory.mktemp("site-compare")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        result = subprocess.run([sys.executable, "-c", BUILD_WITH_HOOK, str(ROOT), str(out), HOOK],
                                cwd=ROOT, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            pytest.fail(f"build with {HOOK} failed:\n{result.stdout[-4000:]}\n{result.stderr[-6000:]}")
        return out
