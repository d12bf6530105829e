"""Every word of the interface a reader meets is in the page's language (issue: the polish pass).

The strings of each language's interface are in hand: Material's (its partials/languages/<code>.html,
with the site's corrections from mkdocs.yml) and the site's own (each language's extra.ui). A page
of language L must not show a string that belongs to another language's interface and not to L's,
outside what is marked as another language (quotations, a fallback page's text, the sides of a
parallel view carry `lang`) and the language switcher, which names each language in its own words.

The strings are worked out in tests/interface_strings.py. Every page, parallel view and 404 page is
read in Chromium by tests/test_browser.py (one visit per page serves its checks: tests/page_tour.py),
which holds it to them.
"""

from __future__ import annotations

from interface_strings import interface_strings, tells


def test_the_check_sees_a_foreign_string():
    """The strings in hand are the ones the pages print: Material's French edit title is corrected."""
    strings = interface_strings()
    assert "Modifier cette page" in strings["fr"] and "Editer cette page" not in strings["fr"]
    assert "Edit this page" in strings["en"]
    assert "Editer cette page" not in tells(strings, "en") and "Modifier cette page" in tells(strings, "en")
    assert "original" not in tells(strings, "en")
