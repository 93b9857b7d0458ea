"""Shared helpers for generators: stable ids, deterministic shuffles, sentences, YAML output."""
from __future__ import annotations

import hashlib
import re
import pathlib

import yaml

BLANK = "____"
CHOICE = "（　）"
LETTERS = "ABCDEF"
ENDS = "。；！？"


def digest(*parts) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()


def qid(doc: str, kind: str, *parts) -> str:
    return f"gen-{doc}-{kind}-{digest(doc, kind, *parts)[:8]}"


def shuffled(items: list, *seed) -> list:
    """Deterministic order that depends only on the seed and the items."""
    return sorted(items, key=lambda x: digest(*seed, x))


def ordered_options(items: list[str], *seed) -> list[str]:
    """Numbers ascending, as a trainer lists them (2 / 3 / 5 / 10); other options shuffled by seed."""
    from .normalise import normalise
    values = [normalise(x) for x in items]
    if all(re.fullmatch(r"[0-9]+(\.[0-9]+)?", v) for v in values):
        return [x for _, x in sorted(zip((float(v) for v in values), items))]
    return shuffled(items, *seed)


def sentence(text: str) -> str:
    text = text.strip().rstrip("，,；;")
    return text if text and text[-1] in ENDS else text + "。"


def strip_lead(text: str) -> str:
    for lead in ("其中：", "其中，", "其中,"):
        if text.startswith(lead):
            return text[len(lead):]
    return text


def letters_of(options: list[str], right: list[str]) -> list[str]:
    return [LETTERS[i] for i, o in enumerate(options) if o in right]


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str)


def write_bank(path: pathlib.Path, header: str, questions: list[dict]) -> None:
    body = yaml.dump({"questions": questions}, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=1000, default_flow_style=None)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + body, encoding="utf-8")
