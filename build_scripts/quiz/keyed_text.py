"""Parse the {answer|distractors|accepted} markup of quiz_bank/sources/facts.yml.

  {answer}                         asked as 填空 only
  {answer|d1;d2;d3}                填空 and 单选 (three or more distractors)
  {answer|d1;d2;d3|alt1;alt2}      ... and alt1, alt2 are also right in the 填空
  {answer||alt1;alt2}              填空 only, alt1, alt2 also right

A key with one or two distractors is refused (MarkupError): a 单选 needs three, and the two-part form
{answer|alternative} used to turn an intended alternative into a distractor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

KEY = re.compile(r"\{([^{}]+)\}")


class MarkupError(ValueError):
    pass


@dataclass
class Key:
    answer: str
    distractors: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)


def _split(part: str) -> list[str]:
    return [x.strip() for x in part.split(";") if x.strip()] if part else []


def parse_key(body: str) -> Key:
    parts = body.split("|")
    if len(parts) > 3:
        raise MarkupError(f"{{{body}}}: at most answer|distractors|alternatives")
    key = Key(parts[0].strip(), _split(parts[1] if len(parts) > 1 else ""),
              _split(parts[2] if len(parts) > 2 else ""))
    if not key.answer:
        raise MarkupError(f"{{{body}}}: empty answer")
    if 0 < len(key.distractors) < 3:
        raise MarkupError(f"{{{body}}}: {len(key.distractors)} distractor(s); a 单选 needs 3. "
                          f"If {'/'.join(key.distractors)} are also right answers, write "
                          f"{{{key.answer}||{';'.join(key.distractors)}}}")
    return key


def parse(say: str) -> tuple[list[str], list[Key]]:
    """'a{x|y;z;w}b' -> (['a', 'b'], [Key('x', ['y', 'z', 'w'])]); len(pieces) == len(keys) + 1."""
    pieces, keys, pos = [], [], 0
    for m in KEY.finditer(say):
        pieces.append(say[pos:m.start()])
        keys.append(parse_key(m.group(1)))
        pos = m.end()
    pieces.append(say[pos:])
    return pieces, keys


def render(pieces: list[str], fills: list[str]) -> str:
    out = [pieces[0]]
    for fill, piece in zip(fills, pieces[1:]):
        out += [fill, piece]
    return "".join(out)
