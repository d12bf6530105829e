"""The reader's light or dark choice, made in one language, holds in the other (Material's `__palette`)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


def toggle_from_keyboard(page, label: str) -> None:
    """Tab to the palette toggle named ``label`` and press Enter, as a keyboard reader does.

    Material toggles on Enter (its own key handler) and on the arrow keys (a radio group); Space
    only selects the focused radio, which is the current scheme's, so it changes nothing.
    """
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('aria-label')") == label:
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"no palette toggle named {label!r} within 10 Tab presses")


def stored_palette(page) -> dict:
    return json.loads(page.evaluate("() => localStorage.getItem('/.__palette')"))


def test_dark_scheme_chosen_in_french_holds_in_english_and_back(page, server):
    page.goto(server.url + "note.html")
    assert page.evaluate(SCHEME) == "default"
    toggle_from_keyboard(page, "Passer en mode sombre")
    assert page.evaluate(SCHEME) == "slate"
    assert stored_palette(page)["color"]["scheme"] == "slate"

    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang='en']").click()
    page.wait_for_url(server.url + "en/note.html")
    assert page.evaluate(SCHEME) == "slate"
    # The English toggle speaks English, and switching back is remembered the same way.
    toggle_from_keyboard(page, "Switch to light mode")
    assert page.evaluate(SCHEME) == "default"

    page.goto(server.url + "glossary.html")
    assert page.evaluate(SCHEME) == "default"
    assert stored_palette(page)["color"]["scheme"] == "default"


@pytest.mark.parametrize("url, label", [("index.html", "Passer en mode clair"), ("en/index.html", "Switch to light mode")])
def test_a_reader_whose_system_is_dark_gets_the_dark_scheme_and_a_toggle_named_for_it(browser, server, url, label):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server.url + url)
    assert page.evaluate(SCHEME) == "slate"
    # Tab reaches the toggle under its true name (overrides/assets/javascripts/palette-state.js).
    toggle_from_keyboard(page, label)
    assert page.evaluate(SCHEME) == "default"
    context.close()
