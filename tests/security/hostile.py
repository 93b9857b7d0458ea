"""A copy of the project with a hostile string in every free-text field of every data source.

Used by test_hostile_data.py: the copy is built and its pages are checked, statically (no raw tag, no
handler attribute, no javascript: link made from the payload) and in Chromium (the payload never runs).

Each payload calls `xssHit(n)`; the browser test defines that function and records every call.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from html.parser import HTMLParser

ROOT = Path(__file__).resolve().parents[2]

# One string that tries every way out: raw HTML, closing a <script>/JSON block, leaving an attribute,
# Markdown links, images and attr_list, a [[cite:]] token, an entity, a table cell break.
PAYLOAD = ("<img src=x onerror=xssHit(1)><script>xssHit(2)</script>\"><svg onload=xssHit(3)>'"
           "</script><script>xssHit(4)</script>[m](javascript:xssHit(5)) ![i](javascript:xssHit(6))"
           "*e*{: onclick=xssHit(7) } <a href=\"javascript:xssHit(8)\">a</a> &lt;b&gt; | "
           "<javascript:xssHit(9)> `c`")
MARK = "xssHit("

# Keys whose values are identifiers, enums, citations, quotes checked against the clause text, or
# spellings looked up in the text: validation decides what they may hold (tests/security/test_build_errors.py
# feeds some of them markup and expects a clean refusal); every other string gets the payload. This list only
# saves rounds: poison_project also leaves alone any value the data check refuses with the payload, so a
# field added later with an enum needs no entry here.
STRUCTURAL = {
    "calculators/rules": {"id", "document", "level", "kind", "cite", "quote", "applies_to", "field", "unit",
                          "period", "consequences", "roles", "action", "certainty", "outcome", "in", "any_in",
                          "topic", "equals", "value", "number_text", "tier", "counts_as", "after-education",
                          "to", "same_as", "role", "alternative", "reasons", "基本称职", "称职", "优秀",
                          "county-path", "township-path", "不称职", "s7-3-3", "min_exclusive"},
    "build_scripts/glossary/terms.yml": {"match", "used_in", "defined_in"},
    "build_scripts/corpus/documents.yml": {"id", "seed", "start", "end", "title_text", "join_after", "closing_line",
                                           "marker", "kind", "level", "levels", "completeness", "topics",
                                           "sublists", "parts"},
    "quiz_bank": {"id", "seed", "key", "section", "status", "related", "setting", "cite", "doc", "answer",
                  "accept", "options", "fact", "fact_answer", "kind", "options_written_by", "number", "points",
                  "importance"},
}


def _structural(rel: str) -> set[str]:
    return next((keys for prefix, keys in STRUCTURAL.items() if rel.startswith(prefix)), set())


def poison(value: Any, skip: set[str], keep: set[str], key: str | None = None) -> Any:
    """Every string under a key not in `skip`, and not one of the values in `keep`, gets PAYLOAD appended
    (list items inherit their key)."""
    if isinstance(value, dict):
        return {k: poison(v, skip, keep, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, skip, keep, key) for v in value]
    if isinstance(value, str) and key is not None and key not in skip and value not in keep:
        return value + PAYLOAD
    return value


DATA_FILES = ("calculators/rules/*.yml", "build_scripts/glossary/terms.yml", "build_scripts/corpus/documents.yml",
              "quiz_bank/*.yml", "quiz_bank/generated/*.yml")
_HEAD = PAYLOAD[:PAYLOAD.index(">") + 1]


def copy_project(dest: Path) -> Path:
    """The repository's files (no venv, no build output) with the Pyodide cache linked in."""
    ignore = shutil.ignore_patterns(".git", ".venv", "site", "dist", "test-artifacts", "__pycache__",
                                    ".pytest_cache", "*.egg-info", ".cache", ".hypothesis")
    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)
    if (ROOT / ".cache").exists():
        (dest / ".cache").symlink_to(ROOT / ".cache")
    return dest


def _write_poisoned(dest: Path, originals: dict[str, Any], keep: set[str]) -> None:
    for rel, data in originals.items():
        if rel == "quiz_bank/county_settings.yml":
            data = {k: (PAYLOAD if v is None else v) for k, v in (data or {}).items()}
        else:
            data = poison(data, _structural(rel), keep)
        (dest / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000),
                                encoding="utf-8")


def refused_values(problems: list[str]) -> set[str]:
    """The original values that validation refused with the payload appended: the text a problem line
    quotes just before the payload (`kind: 'record<img src=x …' is not one of …`)."""
    found = set()
    for line in problems:
        start = 0
        while (at := line.find(_HEAD, start)) >= 0:
            before = line[:at]
            cut = max(before.rfind("'"), before.rfind('"'), before.rfind(": "))
            found.add(before[cut + (2 if before[cut:cut + 2] == ": " else 1):] if cut >= 0 else before)
            start = at + len(_HEAD)
    return found


def poison_project(dest: Path, rounds: int = 6) -> list[str]:
    """Put PAYLOAD into every string of every data file under `dest` that validation accepts it in.

    Keys in STRUCTURAL are left alone from the start; then the project's own data check
    (`python -m build_scripts.data_check`, run in the copy) says which values it refuses with the payload
    (enums, identifiers added later), and those values are left as they are, until the check passes.
    Returns the files changed."""
    originals = {}
    for pattern in DATA_FILES:
        for path in sorted(dest.glob(pattern)):
            rel = path.relative_to(dest).as_posix()
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if rel.startswith("quiz_bank/generated/"):
                # these name documents by their titles, which now carry the payload: the grounding check
                # would (rightly) refuse them
                data["questions"] = [q for q in data["questions"] if q.get("kind") != "which-document"]
            originals[rel] = data
    keep: set[str] = set()
    for _ in range(rounds):
        _write_poisoned(dest, originals, keep)
        r = subprocess.run([sys.executable, "-m", "build_scripts.data_check"], cwd=dest, env=build_env(dest),
                           capture_output=True, text=True)
        if r.returncode == 0:
            return sorted(originals)
        problems = r.stdout.splitlines()
        refused = refused_values(problems) - keep
        if not refused:
            raise RuntimeError("the hostile copy does not validate:\n" + "\n".join(problems[:10]) + r.stderr[-2000:])
        keep |= refused
    raise RuntimeError(f"the hostile copy still does not validate after {rounds} rounds")


def build_env(project: Path) -> dict:
    seeds = os.environ.get("ZHUCUN_SEEDS_DIR") or str((ROOT.parent / "shared" / "seeds").resolve())
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", ZHUCUN_SEEDS_DIR=seeds)


class _Markup(HTMLParser):
    """Elements and attributes that came from the payload, once the page is parsed as a browser would."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on") and MARK in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and \
                    value.lower().replace("\t", "").replace("\n", "").startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name == "src" and value == "x":
                self.found.append(f"<{tag} src=x>")
        if tag == "svg" and any(n == "onload" for n, _ in attrs):
            self.found.append("<svg onload>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and MARK in data:
            self.found.append(f"<script>{data[:60]!r}")


def raw_markup(page_html: str) -> list[str]:
    """Pieces of the payload that reached a page as markup (an element, a handler, a javascript: link)
    rather than as text."""
    parser = _Markup()
    parser.feed(page_html)
    parser.close()
    return parser.found
