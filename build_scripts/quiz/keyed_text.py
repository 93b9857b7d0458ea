"""Parse the {answer|distractors|accepted} markup of quiz_bank/sources/facts.yml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

KEY = re.compile(r"\{([^{}]+)\}")


@dataclass
class Key:
    answer: str
    distractors: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)


def _split(part: str) -> list[str]:
    return [x.strip() for x in part.split(";") if x.strip()] if part else []


def parse(say: str) -> tuple[list[str], list[Key]]:
    """'a{x|y;z}b' -> (['a', 'b'], [Key('x', ['y', 'z'])]); len(pieces) == len(keys) + 1."""
    pieces, keys, pos = [], [], 0
    for m in KEY.finditer(say):
        pieces.append(say[pos:m.start()])
        parts = m.group(1).split("|")
        keys.append(Key(parts[0].strip(), _split(parts[1] if len(parts) > 1 else ""),
                        _split(parts[2] if len(parts) > 2 else "")))
        pos = m.end()
    pieces.append(say[pos:])
    return pieces, keys


def render(pieces: list[str], fills: list[str]) -> str:
    out = [pieces[0]]
    for fill, piece in zip(fills, pieces[1:]):
        out += [fill, piece]
    return "".join(out)
