"""Driving the site's search box in a browser page (shared by the http, file:// and site tests)."""

from __future__ import annotations

RESULTS = "[data-zs-results]"


def open_header_search(page) -> None:
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_selector("[data-zs-input]", state="visible")


def wait_results(page, box: str = RESULTS, timeout: int = 15000) -> None:
    page.wait_for_function(
        "(sel) => { const b = document.querySelector(sel);"
        " return b && (b.dataset.zsState === 'results' || b.dataset.zsState === 'none'); }",
        arg=box, timeout=timeout)


def result_cites(page, box: str = RESULTS) -> list[str]:
    return page.eval_on_selector_all(f"{box} a[data-zs-result]", "els => els.map(e => e.dataset.zsResult)")


def header_search(page, query: str, timeout: int = 15000) -> list[str]:
    """Type `query` into the header box the way a paste or an IME commit does (one input event, no keys)."""
    open_header_search(page)
    page.evaluate("() => { const b = document.querySelector('[data-zs-results]'); delete b.dataset.zsState; }")
    page.locator("[data-zs-input]").fill(query)
    wait_results(page, timeout=timeout)
    return result_cites(page)
