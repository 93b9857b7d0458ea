"""Check a calculator's input against the field table in `calculators.fields`."""

from __future__ import annotations

from typing import Any

from .fields import MAX_REASONS, MESSAGES, NOT_ABOVE, Field, field_map, fields_of


class InputError(ValueError):
    """Bad input: `field` names the offending field (or "rules", "calculator", "json")."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, Any]:
        return {"error": {"field": self.field, "message": self.message}}


def _msg(key: str, **kw: Any) -> str:
    return MESSAGES[key].format(**kw)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and v not in (
        float("inf"), float("-inf"))


def _choice_text(f: Field) -> str:
    return "、".join(f"{c['value']}（{c['label']}）" if c["value"] != c["label"] else c["value"]
                    for c in f["choices"])


def _max_of(f: Field, payload: dict[str, Any]) -> int | float | None:
    if "max_by" in f:
        other = payload.get(f["max_by"]["field"])
        return f["max_by"]["values"].get(other)
    return f.get("max")


def _check_number(f: Field, value: Any, payload: dict[str, Any]) -> Any:
    label = f["label"]
    if f["type"] == "integer":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not _is_int(value):
            raise InputError(f["name"], _msg("integer", label=label))
    elif not _is_number(value):
        raise InputError(f["name"], _msg("number", label=label))
    lo = f.get("min")
    if lo is not None:
        if f.get("exclusive_min") and value <= lo:
            raise InputError(f["name"], _msg("not_positive", label=label, min=lo))
        if value < lo:
            raise InputError(f["name"], _msg("negative", label=label))
    hi = _max_of(f, payload)
    if hi is not None and value > hi:
        why = MAX_REASONS.get(hi, "") if f.get("unit") == "天" else ""
        raise InputError(f["name"], _msg("too_big", label=label, max=hi, unit=f.get("unit", ""), why=why))
    return value


def _check_value(f: Field, value: Any, payload: dict[str, Any]) -> Any:
    t = f["type"]
    if t in ("integer", "number"):
        return _check_number(f, value, payload)
    if t == "boolean":
        if not isinstance(value, bool):
            raise InputError(f["name"], _msg("boolean", label=f["label"]))
        return value
    if t == "choice":
        if value not in [c["value"] for c in f["choices"]]:
            raise InputError(f["name"], _msg("choice", label=f["label"], choices=_choice_text(f)))
        return value
    if t == "list":
        allowed = [c["value"] for c in f["choices"]]
        if not isinstance(value, list) or len(value) > f.get("max_items", len(value)):
            raise InputError(f["name"], _msg("list", label=f["label"], max_items=f.get("max_items")))
        for item in value:
            if item not in allowed:
                raise InputError(f["name"], _msg("choice", label=f["label"], choices=_choice_text(f)))
        return list(value)
    raise AssertionError(f"unknown field type {t}")


def check_inputs(calculator: str, payload: Any) -> dict[str, Any]:
    """Return the cleaned input (only given fields; None counts as not given) or raise InputError."""
    if not isinstance(payload, dict):
        raise InputError(None, _msg("not_object"))
    fmap = field_map(calculator)
    for name in payload:
        if name not in fmap:
            names = "、".join(f["name"] for f in fields_of(calculator))
            raise InputError(str(name), _msg("unknown", name=name, fields=names))
    clean: dict[str, Any] = {}
    # Fields another field's limit depends on (period) are checked first.
    ordered = sorted(fields_of(calculator), key=lambda f: "max_by" in f)
    for f in ordered:
        value = payload.get(f["name"])
        if value is None:
            if f.get("required"):
                raise InputError(f["name"], _msg("required", label=f["label"]))
            continue
        clean[f["name"]] = _check_value(f, value, clean)
    for name, other, key in NOT_ABOVE.get(calculator, []):
        if name in clean and other in clean and clean[name] > clean[other]:
            raise InputError(name, _msg(key, label=fmap[name]["label"], other=fmap[other]["label"]))
    return clean
