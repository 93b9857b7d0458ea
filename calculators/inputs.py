"""Check a calculator's input against the field table in `calculators.fields`.

A number may come as a JSON number or as text the way a phone types it ("１５", "3天", "一天半"):
`read_number_text` reads it into the intended number or refuses it with a Chinese message naming the
field; it never guesses ("1。5", "1,5", "1/2" are refused, not read as 15, 15, 12). Its twin in
docs/assets/calculators/checks.mjs does the same; both are bound by tests/calculators/input_vectors.yml.

`parse_payload` reads the JSON text the command line and the browser pass in; whatever it is given
(huge, deeply nested, malformed, lone surrogates) it returns a dict or raises InputError in Chinese.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .fields import (CROSS_CHECKS, HALF_AFTER, HALF_BEFORE, INPUT_MAX_CHARS, JSON_PROBLEM_OTHER, JSON_PROBLEMS,
                     MAX_REASONS, MESSAGES, NOT_ABOVE, OTHER_UNIT_WORDS, TEXT_MAX_CHARS, UNIT_WORDS, Field,
                     field_map, fields_of)

NAME_MAX_CHARS = 30


def clean_text(text: str) -> str:
    """`text` with every lone surrogate (from a JSON escape or undecodable argv bytes) replaced by U+FFFD,
    so it can always be printed and encoded."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clip(value: Any, limit: int = NAME_MAX_CHARS) -> str:
    """A user-supplied name, fit to quote in a message: printable and at most `limit` characters."""
    text = clean_text(str(value))
    return text if len(text) <= limit else text[:limit] + "…"


class InputError(ValueError):
    """Bad input: `field` names the offending field (or "rules", "calculator", "json", "arguments");
    `key` is the MESSAGES key of the text, when there is one."""

    def __init__(self, field: str | None, message: str, key: str | None = None) -> None:
        message = clean_text(message)
        super().__init__(message)
        self.field = None if field is None else clip(field, 60)
        self.message = message
        self.key = key

    def as_dict(self) -> dict[str, Any]:
        return {"error": {"field": self.field, "message": self.message}}


def _msg(key: str, **kw: Any) -> str:
    return MESSAGES[key].format(**kw)


def _fail(f: Field, key: str, **kw: Any) -> InputError:
    return InputError(f["name"], _msg(key, label=f["label"], unit=f.get("unit", ""), **kw), key)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


# --- Text the way a phone types it -------------------------------------------------------------

# Spaces of every width (a Chinese IME types U+3000), zero-width ones included.
_SPACES = frozenset("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                    "\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_ARABIC = r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|[+-]?\.[0-9]+"
_CHINESE = r"[零〇一二两三四五六七八九十百千万]+"
_NUMBER = f"(?:{_ARABIC}|{_CHINESE})"
_WHOLE = r"(?:[0-9]+|[零〇一二两三四五六七八九十百千万]+)"
_RANGE = re.compile(r"[0-9零〇一二两三四五六七八九十百千万] *[-~～—–至到、;；和或] *[0-9零〇一二两三四五六七八九十]"
                    r"|[一二两三四五六七八九][一二两三四五六七八九]")
_DIGIT_SPACE = re.compile(r"[0-9] +[0-9]")


def _alternatives(words: list[str]) -> str:
    """A regex alternation, longest word first ("个月" before "月")."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"


_ALL_UNITS = _alternatives(sorted({w for ws in UNIT_WORDS.values() for w in ws} | set(OTHER_UNIT_WORDS)))


def half_width(text: str) -> str:
    """Full-width ASCII (１５, ．, ，, ％, －) to half width, every space to " ", trimmed."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        elif ch in _SPACES:
            ch = " "
        elif ch in "\u2212\ufe63":  # minus sign, small hyphen-minus
            ch = "-"
        elif ch == "\uff61":  # half-width ideographic full stop
            ch = "。"
        out.append(ch)
    return "".join(out).strip(" ")


def chinese_number(text: str) -> int | None:
    """十五 → 15, 一百零五 → 105, 一百五 → 150, 两万五 → 25000; None when it is not one number
    written the usual way ("一两" is one or two, "二〇" is digit by digit: both refused)."""
    if text in ("零", "〇"):
        return 0
    total = section = 0
    digit: int | None = None
    last: int | None = None  # the last of 十/百/千 placed in this section
    zero = wan = False
    for ch in text:
        if ch in _CN_UNITS:
            u = _CN_UNITS[ch]
            if last is not None and u >= last:
                return None
            if digit is None:
                if u != 10 or section or last is not None or zero:
                    return None
                digit = 1  # 十五
            section += digit * u
            digit, last, zero = None, u, False
        elif ch == "万":
            if wan:
                return None
            if digit is not None:
                section, digit = section + digit, None
            if not section:
                return None
            total, section, last, zero, wan = section * 10000, 0, None, False, True
        elif _CN_DIGITS[ch] == 0:
            if digit is not None or zero or (last is None and not wan):
                return None
            zero = True
        else:
            if digit is not None:
                return None
            digit = _CN_DIGITS[ch]
    if digit is not None:
        if zero or last == 10:
            section += digit
        elif last is not None:
            section += digit * last // 10  # 一百五 = 150
        elif wan:
            section += digit * 1000  # 两万五 = 25000
        else:
            section += digit
    elif zero:
        return None
    return total + section


def _number_value(f: Field, text: str) -> int | float | None:
    if re.fullmatch(_CHINESE, text):
        return chinese_number(text)
    digits = text.replace(",", "")
    if "." not in digits:
        return int(digits)
    if f["type"] == "integer" and digits.split(".")[1].strip("0"):
        raise _fail(f, "integer")  # 3.00000000000000001 is not 3
    return float(digits)


def read_number_text(f: Field, text: str) -> int | float | None:
    """The number a phone user meant by `text` in field `f`, None for blank, or InputError."""
    if len(text) > TEXT_MAX_CHARS:
        raise _fail(f, "text_long")
    s = half_width(text)
    if s == "":
        return None
    unit = f.get("unit", "")
    m = re.fullmatch(f"({_NUMBER})(?: *(?:{_alternatives(UNIT_WORDS.get(unit, []))}))?", s)
    if m:
        value = _number_value(f, m.group(1))
        if value is not None:
            return value
    m = re.fullmatch(f"({_WHOLE}) *(?:{_alternatives(HALF_AFTER.get(unit, []))})", s)
    if m:
        value = _number_value(f, m.group(1))
        if value is not None:
            return value + 0.5
    if s in HALF_BEFORE.get(unit, []):
        return 0.5
    raise _fail(f, _text_problem(s, unit, f["type"]))


def _text_problem(s: str, unit: str, type_: str) -> str:
    """The MESSAGES key that says what is wrong with typed text no reading fits."""
    if "。" in s:
        return "text_fullstop"
    if "," in s:
        return "text_comma"
    if "/" in s or "÷" in s or "分之" in s:
        return "text_fraction"
    if _RANGE.search(s):
        return "text_range"
    if unit and (re.fullmatch(f"{_NUMBER} *(?:{_ALL_UNITS})半?", s) or re.fullmatch(f"半 *个?(?:{_ALL_UNITS})", s)
                 or re.fullmatch(f"{_WHOLE} *个半(?:{_ALL_UNITS})", s)):
        return "text_unit"
    if _DIGIT_SPACE.search(s):
        return "text_space"
    return "integer" if type_ == "integer" else "number"


def is_blank(value: Any) -> bool:
    """Not given: null, text of spaces only, or an empty list (an empty list of ratings is not 已核对)."""
    if value is None:
        return True
    if isinstance(value, str):
        return len(value) <= TEXT_MAX_CHARS and half_width(value) == ""
    return isinstance(value, list) and not value


# --- One field -------------------------------------------------------------------------------

def _choice_text(f: Field) -> str:
    return "、".join(f"{c['value']}（{c['label']}）" if c["value"] != c["label"] else c["value"]
                    for c in f["choices"])


def _max_of(f: Field, payload: dict[str, Any]) -> int | float | None:
    if "max_by" in f:
        other = payload.get(f["max_by"]["field"])
        return f["max_by"]["values"].get(other)
    return f.get("max")


def _check_number(f: Field, value: Any, payload: dict[str, Any]) -> Any:
    if isinstance(value, str):
        value = read_number_text(f, value)
    infinite = isinstance(value, float) and math.isinf(value)  # 1e400, or a 500-digit JSON number
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not infinite:
        if f["type"] == "integer" and not _is_int(value):
            raise _fail(f, "integer")
        if not _is_number(value):
            raise _fail(f, "number")
    lo = f.get("min")
    if lo is not None:
        if f.get("exclusive_min") and value <= lo:
            raise _fail(f, "not_positive", min=lo)
        if value < lo:
            raise _fail(f, "negative")
    hi = _max_of(f, payload)
    if hi is not None and value > hi:
        why = MAX_REASONS.get(hi, "") if f.get("unit") == "天" else ""
        raise _fail(f, "too_big", max=hi, why=why)
    if infinite:
        raise _fail(f, "integer" if f["type"] == "integer" else "number")
    return abs(value) if value == 0 else value  # never -0


def _check_value(f: Field, value: Any, payload: dict[str, Any]) -> Any:
    t = f["type"]
    if t in ("integer", "number"):
        return _check_number(f, value, payload)
    if t == "boolean":
        if not isinstance(value, bool):
            raise _fail(f, "boolean")
        return value
    if t == "choice":
        if not isinstance(value, str) or value not in [c["value"] for c in f["choices"]]:
            raise _fail(f, "choice", choices=_choice_text(f))
        return value
    if t == "list":
        allowed = [c["value"] for c in f["choices"]]
        if not isinstance(value, list) or len(value) > f.get("max_items", len(value)):
            raise _fail(f, "list", max_items=f.get("max_items"))
        for item in value:
            if not isinstance(item, str) or item not in allowed:
                raise _fail(f, "choice", choices=_choice_text(f))
        return list(value)
    raise AssertionError(f"unknown field type {t}")


# --- Across fields ---------------------------------------------------------------------------

def _quoted_labels(labels: list[str]) -> str:
    quoted = [f"“{label}”" for label in labels]
    return "、".join(quoted[:-1]) + "与" + quoted[-1] if len(quoted) > 1 else quoted[0]


def _check_across(calculator: str, fmap: dict[str, Field], clean: dict[str, Any]) -> None:
    for name, other, key in NOT_ABOVE.get(calculator, []):
        if name in clean and other in clean and clean[name] > clean[other]:
            raise InputError(name, _msg(key, label=fmap[name]["label"], other=fmap[other]["label"]), key)
    for rule in CROSS_CHECKS.get(calculator, []):
        if any(clean.get(k) != v for k, v in rule.get("when", {}).items()):
            continue
        if rule["kind"] == "sum_max":
            given = [n for n in rule["fields"] if n in clean]
            if len(given) > 1 and sum(clean[n] for n in given) > rule["max"]:
                why = MAX_REASONS.get(rule["max"], "")
                labels = _quoted_labels([fmap[n]["label"] for n in given])
                raise InputError(given[0], _msg(rule["message"], labels=labels, max=rule["max"], why=why),
                                 rule["message"])
        elif rule["kind"] == "days_within_months":
            days, months = rule["days"], rule["months"]
            if days in clean and months in clean:
                most = 31 * (clean[months] + 1) - 1
                if clean[days] > most:
                    raise InputError(days, _msg(rule["message"], label=fmap[days]["label"],
                                                other=fmap[months]["label"], months=clean[months],
                                                next=clean[months] + 1, max=most), rule["message"])


def check_inputs(calculator: str, payload: Any) -> dict[str, Any]:
    """Return the cleaned input (only given fields; blank counts as not given) or raise InputError."""
    if not isinstance(payload, dict):
        raise InputError(None, _msg("not_object"), "not_object")
    fmap = field_map(calculator)
    for name in payload:
        if name not in fmap:
            names = "、".join(f["name"] for f in fields_of(calculator))
            raise InputError(str(name), _msg("unknown", name=clip(name), fields=names), "unknown")
    clean: dict[str, Any] = {}
    # Fields another field's limit depends on (period) are checked first.
    ordered = sorted(fields_of(calculator), key=lambda f: "max_by" in f)
    for f in ordered:
        value = payload.get(f["name"])
        if not is_blank(value):
            value = _check_value(f, value, clean)
        if is_blank(value):
            if f.get("required"):
                raise _fail(f, "required")
            continue
        clean[f["name"]] = value
    _check_across(calculator, fmap, clean)
    return clean


# --- JSON text -------------------------------------------------------------------------------

_DIGITS_MAX = 400  # a JSON integer longer than this is read as infinite, so its field says "too big"


def _read_int(text: str) -> int | float:
    if len(text.lstrip("-")) > _DIGITS_MAX:
        return -math.inf if text.startswith("-") else math.inf
    return int(text)


def _json_problem(msg: str) -> str:
    for prefix, said in JSON_PROBLEMS.items():
        if msg.startswith(prefix):
            return said
    return JSON_PROBLEM_OTHER


def parse_payload(json_text: Any) -> dict[str, Any]:
    """The JSON object in `json_text`, or InputError("json", Chinese message with the position)."""
    if not isinstance(json_text, str):
        raise InputError("json", _msg("not_object"), "not_object")
    if len(json_text) > INPUT_MAX_CHARS:
        raise InputError("json", _msg("input_too_big", max=INPUT_MAX_CHARS), "input_too_big")
    try:
        payload = json.loads(json_text, parse_int=_read_int)
    except json.JSONDecodeError as exc:
        raise InputError("json", _msg("bad_json_at", line=exc.lineno, col=exc.colno, pos=exc.pos + 1,
                                      what=_json_problem(exc.msg)), "bad_json_at") from None
    except RecursionError:
        raise InputError("json", _msg("json_too_deep"), "json_too_deep") from None
    except ValueError:  # anything else the decoder refuses
        raise InputError("json", _msg("bad_json_at", line=1, col=1, pos=1, what=JSON_PROBLEM_OTHER),
                         "bad_json_at") from None
    if not isinstance(payload, dict):
        raise InputError("json", _msg("not_object"), "not_object")
    return payload
