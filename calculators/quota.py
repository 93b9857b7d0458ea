"""Quota: how many cadres of a county may be rated 优秀."""

from __future__ import annotations

import math
from typing import Any

from . import common
from .common import finding
from .conditions import as_number


def calculate(rule_set: dict[str, Any], inp: dict[str, Any]) -> dict[str, Any]:
    share = rule_set["quota"]["excellent_share"]
    total = inp["total_cadres"]
    limit = as_number(share["max_inclusive"])  # percent, 以内/不高于: inclusive
    exact = total * limit / 100
    max_excellent = math.floor(exact)
    shown = f"{float(exact):g}"
    text = (f"{share['label']}{share['value']}%（不高于，含本数）：{total} 人 × {share['value']}% = {shown}，"
            f"优秀最多 {max_excellent} 人。")
    if exact != max_excellent:
        text += f"{max_excellent + 1} 人会超过 {share['value']}%，所以取不超过 {shown} 的最大整数。"
    return {
        **common.header(rule_set, "quota"),
        "max_excellent": max_excellent,
        "share_percent": share["value"],
        "findings": [finding(text, share["cite"])],
        "notes": [common.note_item(n) for n in rule_set["quota"].get("notes") or []],
    }
