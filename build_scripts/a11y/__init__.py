"""Accessibility fixes to Material's markup that CSS cannot make (Lighthouse/axe: every dialog has a
name). Colour contrast is fixed in docs/assets/site.css (a darker red than Material's `red` palette)."""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_DIALOG_NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="搜索本站">'


def fix_page(html: str) -> str:
    """The page with its search dialog named; unchanged when the theme's markup differs."""
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG_NAMED, 1)
