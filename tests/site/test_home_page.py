"""The home page's entries say what is behind them: the 离线版 card names both ways of using the site
without a network (on a phone, 离线使用本站; the training zip), not only the zip."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_the_offline_card_names_the_phone_and_the_zip():
    home = (ROOT / "docs/index.md").read_text(encoding="utf-8")
    card = re.search(r"^\[离线版<br><small>(.*?)</small>\]\(offline\.md\)", home, re.M)
    assert card, "the home page has no 离线版 card"
    assert "手机" in card.group(1) and "离线使用" in card.group(1), card.group(1)
    assert "压缩包" in card.group(1), card.group(1)
