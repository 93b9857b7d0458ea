"""Whose duty: a stem that starts with a bare predicate (负责…, 督促…, 接到…) under a heading such as
永兴 一、进一步强化乡镇党委责任 gets that heading's body. The table is `subjects:` in
quiz_bank/sources/facts.yml (doc#section -> body; a section covers its sub-items)."""
from __future__ import annotations

import pathlib

import yaml

SOURCE = pathlib.Path(__file__).resolve().parents[2] / "quiz_bank/sources/facts.yml"


def load_subjects() -> dict:
    return (yaml.safe_load(SOURCE.read_text("utf-8")) or {}).get("subjects", {})


PREDICATE_START = ("负责", "督促", "接到", "要", "发现")


def with_subject(stem: str, intro: str, cite: str, subjects: dict) -> str:
    """A duty names whose duty it is: 负责…/督促…/接到… under a heading gets the heading's body
    (quiz_bank/sources/facts.yml subjects:, keyed doc#section)."""
    if not stem.startswith(intro) or not stem[len(intro):].startswith(PREDICATE_START):
        return stem
    doc, _, anchor = cite.partition("#")
    keys = [k for k in subjects if k == cite or cite.startswith(k + "-")]
    if not keys:
        return stem
    return intro + subjects[max(keys, key=len)] + stem[len(intro):]
