"""Chinese numerals as they appear in clause numbering (一 … 九十九, 两)."""

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_to_int(text: str) -> int:
    """Convert 一 … 九百九十九 to an int; raise ValueError on anything else."""
    if not text:
        raise ValueError("empty numeral")
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + current


def int_to_chinese(n: int) -> str:
    """1 → 一, 17 → 十七, 32 → 三十二 (numbering up to 999)."""
    if not 0 < n < 1000:
        raise ValueError(n)
    names = "零一二三四五六七八九"
    out = ""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    if hundreds:
        out += names[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if (tens == 1 and not hundreds) else names[tens]) + "十"
    if ones:
        out += names[ones]
    return out
