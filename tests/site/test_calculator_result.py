"""How a calculator result reads on a 390 px phone: the conclusion first, each clause once per block,
consequences grouped and conditional ones marked, 各种读法 only with more than one reading, the inputs
that would decide more as links back to their fields, and a link to 解读说明.

The results come from the CPython engine (the same code Pyodide runs) and are rendered by the page's
own result.mjs, so this needs no Pyodide boot.
"""

from __future__ import annotations

import json

import pytest

from calculators import engine


def _render(page, site_url, slug: str, result: dict) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}tools/{slug}.html")
    page.wait_for_selector(".zc-calc")
    page.evaluate("""async (result) => {
        const root = document.querySelector('.zc-calc');
        const spec = JSON.parse(root.dataset.spec);
        const { renderResult } = await import("zc/result.mjs");  // by the page's import map
        renderResult(root.querySelector('.zc-result'), result, spec);
    }""", result)


def _blocks(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('.zc-result .zc-section')].map(b => ({
        title: b.querySelector('h3').textContent,
        cites: [...b.querySelectorAll('.zc-cite')].map(a => a.getAttribute('href')),
        items: b.querySelectorAll('li').length,
    }))""")


def test_conclusion_first_groups_and_clause_once(page, site_url):
    result = engine.run("assessment", "guizhou-2017", {"absences_found": 3})
    _render(page, site_url, "assessment", result)
    first = page.evaluate("() => document.querySelector('.zc-result h2').nextElementSibling.nextElementSibling.className")
    assert "zc-conclusion" in first
    blocks = _blocks(page)
    titles = [b["title"] for b in blocks]
    assert "后果：对本人" in titles and "后果：对派出单位和有关单位" in titles and "后果：程序与时限" in titles
    assert "后果：以下只会有一种" in titles
    for b in blocks:
        assert len(b["cites"]) == len(set(b["cites"])), b   # a clause linked once per block
    # four consequences of 四、4. for the cadre share one link
    own = next(b for b in blocks if b["title"] == "后果：对本人")
    assert own["items"] > len(own["cites"])
    assert page.locator(".zc-result .zc-tag-if").count() >= 2  # 重新派回 / 另行选派 are conditional
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_possible_consequences_marked_and_readings_only_when_several(page, site_url):
    result = engine.run("attendance", "shenmu-2021", {"period": "year", "days_in_village": 150})
    _render(page, site_url, "attendance", result)
    assert page.locator(".zc-result .zc-tag-maybe").count() >= 3
    assert page.locator(".zc-result .zc-conclusion").inner_text().startswith("未达标")
    one = engine.run("leave", "shenmu-2021", {"role": "member", "days": 1})
    assert len(one["readings"]) == 1
    _render(page, site_url, "leave", one)
    assert "各种读法" not in [b["title"] for b in _blocks(page)]
    assert page.locator(".zc-result .zc-conclusion").inner_text() == "由驻村工作队队长批准"
    two = engine.run("leave", "hebei-measures", {"role": "team_leader", "days": 1})
    _render(page, site_url, "leave", two)
    assert "各种读法" in [b["title"] for b in _blocks(page)]


def test_unchecked_inputs_link_back_to_their_fields(page, site_url):
    result = engine.run("assessment", "shenmu-2021", {"sanctioned": True})
    assert result["unchecked"] and result["unchecked"][0]["field"] == "months_served"
    _render(page, site_url, "assessment", result)
    link = page.locator(".zc-unchecked a.zc-goto").first
    assert link.inner_text() == "已驻村月数"
    link.click()
    assert page.evaluate("document.activeElement && document.activeElement.name") == "months_served"


@pytest.mark.parametrize("calc,rules,payload", [
    ("attendance", "hebei-measures", {"period": "month", "days_in_village": 20}),
    ("quota", "hebei-opinions", {"total_cadres": 7}),
    ("eligibility", "county-trial", {"role": "member"}),
])
def test_every_result_links_the_readings_page_and_says_caveats_once(page, site_url, calc, rules, payload):
    result = engine.run(calc, rules, payload)
    _render(page, site_url, calc, json.loads(json.dumps(result, ensure_ascii=False)))
    href = page.locator(".zc-result a", has_text="解读说明").get_attribute("href")
    assert href.endswith("compare/readings.html")
    assert page.locator(".zc-result .zc-caveat").count() == len(result["caveats"])


def test_no_annual_assessment_is_the_conclusion_and_the_excellent_answer_cites_its_clause(page, site_url):
    """神木, 5 months served: no annual assessment this year (七、（三）1.), said first; 能否评优秀 is 不能确定
    with the 未规定 text and a link to that clause; the answer fits the 390 px screen."""
    result = engine.run("assessment", "shenmu-2021", {"months_served": 5})
    _render(page, site_url, "assessment", result)
    assert page.locator(".zc-conclusion").inner_text().startswith("按条文本年度不进行年度考核")
    facts = page.locator(".zc-result .zc-facts")
    assert "不能确定" in facts.inner_text() and "本文件未规定" in facts.inner_text()
    assert "本年度是否进行年度考核" in facts.inner_text()
    link = facts.locator("a.zc-cite")
    assert link.count() == 1 and link.get_attribute("href").endswith("regulations/shenmu-2021.html#s7-3-1")
    box = facts.bounding_box()
    right = page.evaluate("""() => Math.max(...[...document.querySelectorAll('.zc-facts *')]
        .map(e => e.getBoundingClientRect().right))""")
    assert right <= box["x"] + box["width"] + 1 and page.evaluate("document.documentElement.scrollWidth") <= 390
