"""What a user does on our pages, shared by the http, file:// and PWA browser tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

from build_scripts.csp import sha256_source


def answer(page, right: bool, card: str = ".qz-card") -> str:
    """Answer the question on screen (in `card`) rightly or wrongly; where the card has a 提交答案 button
    (practice: 填空, 多选) press it. Returns the question's id."""
    box = page.locator(card)
    qid = box.get_attribute("data-qid")
    q = page.evaluate("id => QuizCard.byId[id]", qid)
    if q["section"] == "填空":
        for i, ans in enumerate(q["answer"]):
            box.locator(".qz-blank").nth(i).fill(ans if right else "不对的答案")
    else:
        letters = q["answer"] if right else [next(c for c in "ABCDEF"[:len(q["options"])] if c not in q["answer"])]
        for letter in letters:
            box.locator(f".qz-option[data-letter='{letter}']").click()
    if box.locator(".qz-submit").count():
        box.locator(".qz-submit").click()
    return qid


def answer_wrong(page) -> str:
    """Answer the practice question on screen wrongly; returns its id."""
    return answer(page, right=False)


def answer_exam(page, right: bool) -> str:
    """Answer the mock exam's question on screen (no submit: the exam is handed in as a whole)."""
    return answer(page, right, ".qz-stage .qz-card")


def download(page, target, to: Path) -> Path:
    """Press `target` (a selector or a locator) and save the file it downloads as `to`."""
    with page.expect_download() as dl:
        (page.locator(target) if isinstance(target, str) else target).click()
    dl.value.save_as(to)
    return to


# Inputs a cadre might give on each calculator page; fields not named here stay empty (all optional ones).
CALCULATOR_SAMPLES = {
    "attendance": {"period": "year", "days_in_village": "205"},
    "leave": {"role": "first_secretary", "days": "4"},
    "assessment": {"disapproval_votes": "40", "total_votes": "100", "absences_found": "3"},
    "quota": {"total_cadres": "57"},
    "eligibility": {"role": "first_secretary", "party_member": "true", "party_years": "3", "work_years": "5"},
}


def calculator_spec(page) -> dict:
    return json.loads(page.get_attribute(".zc-calc", "data-spec"))


def fill_calculator(page, spec: dict, values: dict[str, str]) -> None:
    """Fill a calculator form: the given values, and a valid value for every other required field."""
    for field in spec["fields"]:
        value = values.get(field["name"])
        if value is None and field["required"]:
            value = field["choices"][0]["value"] if field.get("choices") else str(field.get("min", 0) + 1)
        if value is None:
            continue
        sel = f"#zc-f-{field['name']}"
        if page.eval_on_selector(sel, "e => e.tagName") == "SELECT":
            page.select_option(sel, value)
        else:
            page.fill(sel, value)


def search(page, index_url: str, query: str, timeout: int = 30000) -> None:
    """Open the site's search on `index_url` (390 px: the header button) and enter `query` (one input event,
    as paste or an IME commit sends) until the results, or the line saying there are none, are shown."""
    from tests.search.browser import header_search
    page.goto(index_url)
    header_search(page, query, timeout=timeout)


def take_exam(page) -> None:
    """On exam.html: start a mock exam and hand it in unanswered (the result and review are shown)."""
    page.click("#qz-start")
    page.click("#qz-submit-exam")
    page.click("#qz-confirm-submit")
    page.wait_for_selector("text=逐题回顾")


# A browser without import maps, simulated in Chromium. HTMLScriptElement.supports is gone (Safari before 16,
# Chrome before 96) or says no to "importmap" (Safari 16.0-16.3): add one of these as an init script. And the
# page's import map is never applied: `without_import_map` takes its hash out of the page's policy, so
# Chromium refuses to run it, as an old browser ignores it; the element and its text stay in the page.
NO_SUPPORTS = "delete HTMLScriptElement.supports;"
SUPPORTS_SAYS_NO = 'HTMLScriptElement.supports = (type) => type === "classic" || type === "module";'
_IMPORT_MAP = re.compile(r'<script type="importmap">(.*?)</script>', re.S)


def without_import_map(html: str) -> str:
    """The calculator or diary page `html` with its import map refused by its own policy."""
    allowed = " " + sha256_source(_IMPORT_MAP.search(html).group(1))
    assert html.count(allowed) == 1, "the page's policy does not allow its import map"
    return html.replace(allowed, "", 1)


def native_import_map_applies(page) -> bool:
    """Whether the page's own module loader resolves the zc/ names (False where the map was refused)."""
    return page.evaluate("import('zc/status-text.mjs').then(() => true, () => false)")
