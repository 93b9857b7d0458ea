"""The project's shared words: roles, units, document levels, topics, support topics and rotation reasons.

They are stated once, in `vocabulary.json` beside this module (its `about` says what each section is),
and read here with the standard library only, so the calculators in the browser (the file is in the
wheel) and every build script (through this module) use the same words. A restatement elsewhere fails
tests/corpus/test_one_source.py.
"""

from __future__ import annotations

import json
from pathlib import Path

VOCABULARY_FILE = Path(__file__).resolve().parent / "vocabulary.json"

_DATA = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))

# Roles in a village team, in the order forms offer them.
ROLES: tuple[str, ...] = tuple(_DATA["roles"])
ROLE_LABELS: dict[str, str] = {r: v["label"] for r, v in _DATA["roles"].items()}
ROLE_WORDS: dict[str, str] = {r: v["in_text"] for r, v in _DATA["roles"].items()}
OWN_POST: dict[str, tuple[str, ...]] = {r: tuple(v["own_post"]) for r, v in _DATA["roles"].items()}

# Units of a rule item's number.
UNITS: tuple[str, ...] = tuple(_DATA["units"])
UNIT_WORDS: dict[str, str] = {u: v["word"] for u, v in _DATA["units"].items()}
UNIT_FAMILIES: dict[str, str] = {u: v["family"] for u, v in _DATA["units"].items() if v["family"]}

# A document's level, broadest first.
LEVELS: tuple[str, ...] = tuple(_DATA["levels"])

# Topics: regulation topic pages (id -> keywords, in page order) and the question bank's topics (id -> name).
TOPIC_NAMES: dict[str, str] = {t: v["name"] for t, v in _DATA["topics"].items()}
PAGE_TOPICS: dict[str, list[str]] = {t: list(v["keywords"]) for t, v in _DATA["topics"].items() if "keywords" in v}
QUESTION_TOPICS: dict[str, str] = {t: v["name"] for t, v in _DATA["topics"].items() if v.get("questions")}

# A rule set's `support` item topics -> row names of the comparison page, in page order.
SUPPORT_TOPICS: dict[str, str] = dict(_DATA["support_topics"])

# Reasons for rotating within a term -> labels.
ROTATION_REASONS: dict[str, str] = dict(_DATA["rotation_reasons"])
