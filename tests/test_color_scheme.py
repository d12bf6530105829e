"""The reader's light or dark choice, made in one language, holds in the other (Material's `__palette`)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


def toggle_from_keyboard(page, label: str) -> None:
    """Tab to the palette toggle named ``label`` and press Enter, as a keyboard reader does
    (the toggle is a button of overrides/partials/palette.html: Space works too, see below)."""
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
def test_a_reader_whose_system_is_dark_gets_the_dark_scheme_and_a_toggle_named_for_it(page, server, url, label):
    page.emulate_media(color_scheme="dark")
    page.goto(server.url + url)
    assert page.evaluate(SCHEME) == "slate"
    # The dark scheme is set before the first paint, and Tab reaches the toggle under its true name.
    toggle_from_keyboard(page, label)
    assert page.evaluate(SCHEME) == "default"


def palette_entry(index: int) -> dict:
    """What the toggle stores for mkdocs.yml's palette entry ``index`` (0 light, 1 dark)."""
    scheme, media = (("default", "(prefers-color-scheme: light)"), ("slate", "(prefers-color-scheme: dark)"))[index]
    return {"index": index, "color": {"media": media, "scheme": scheme, "primary": "indigo", "accent": "indigo"}}


LIGHT, DARK = json.dumps(palette_entry(0)), json.dumps(palette_entry(1))
# Stored under an older configuration: the index says light, the colours dark.
STALE = json.dumps({"index": 0, "color": {**palette_entry(1)["color"], "primary": "red"}})


@pytest.mark.parametrize(
    "system, stored, expected",
    [
        ("dark", None, "slate"),  # nothing stored: the system's scheme
        ("light", DARK, "slate"),  # a stored choice beats the system
        ("dark", LIGHT, "default"),
        ("dark", json.dumps({"index": 7, "color": {"scheme": "default"}}), "slate"),  # no such entry: the system's
        ("dark", "{not json", "slate"),  # unreadable: as if nothing were stored
        ("dark", STALE, "default"),  # the entry decides, not colours stored under an older configuration
    ],
)
def test_the_scheme_is_set_while_the_page_is_parsed(page, server, system, stored, expected):
    """The inline script of overrides/partials/javascripts/palette.html sets the scheme before
    any script file runs: with every JavaScript file blocked (Material's bundle included), the body
    has the reader's stored choice or, with none usable, their system's, and the one toggle shown
    is named for the other scheme."""
    page.emulate_media(color_scheme=system)
    page.route("**/*.js", lambda route: route.abort())
    page.goto(server.url + "sources.html")
    if stored:
        page.evaluate("(value) => localStorage.setItem('/.__palette', value)", stored)
        page.reload()
    assert page.evaluate(SCHEME) == expected
    assert page.evaluate("() => document.body.getAttribute('data-md-color-primary')") == "indigo"
    shown = page.locator("[data-palette-toggle] button:visible")
    assert shown.count() == 1
    assert shown.get_attribute("aria-label") == ("Passer en mode clair" if expected == "slate" else "Passer en mode sombre")
    assert page.evaluate("() => document.querySelector('meta[name=color-scheme]').content") == ("dark" if expected == "slate" else "light")
    if stored == STALE:
        assert stored_palette(page) == palette_entry(0)  # corrected in storage too


def test_without_javascript_no_toggle_is_offered(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "en/note.html")
    assert page.locator("[data-palette-toggle] button").count() == 2
    assert page.locator("[data-palette-toggle] button:visible").count() == 0
    context.close()


def test_a_loaded_page_does_not_restyle_itself(page, server):
    """Nothing changes the body's scheme attributes once the page is parsed, until the reader
    asks: Material's palette script did it on every load (marking the body as switching and
    back), which made Chromium recompute every element's style twice."""
    page.add_init_script(
        """document.addEventListener('DOMContentLoaded', () => {
             window.__bodyChanges = [];
             new MutationObserver(records => records.forEach(r => window.__bodyChanges.push(r.attributeName)))
               .observe(document.body, {attributes: true});
           });"""
    )
    page.goto(server.url + "sources.html", wait_until="networkidle")
    assert page.evaluate("() => window.__bodyChanges") == []
    page.locator("[data-palette-scheme='default']").click()
    # Until the scheme has changed and the switch is over: the click's handlers may run after it returns.
    page.wait_for_function(
        "() => window.__bodyChanges.includes('data-md-color-scheme') && !document.body.hasAttribute('data-md-color-switching')"
    )
    changes = page.evaluate("() => window.__bodyChanges")
    assert "data-md-color-scheme" in changes and "data-md-color-switching" in changes


def test_space_toggles_and_focus_stays_on_the_toggle(page, server):
    page.goto(server.url + "en/glossary.html")
    page.locator("[data-palette-scheme='default']").focus()
    page.keyboard.press("Space")
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Switch to light mode"
    page.keyboard.press("Space")
    assert page.evaluate(SCHEME) == "default"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Switch to dark mode"
