"""A reader with a keyboard only, in Debian's Chromium: skip link, search, language switcher (a visible
focus on every element Tab reaches is checked on each page's visit, tests/page_tour.py)."""

from __future__ import annotations

import pytest

from html_pages import built_pages
from page_tour import FOCUS

pytestmark = pytest.mark.browser

def focused(page) -> dict:
    return page.evaluate(FOCUS)


def tab_until(page, matches, limit: int = 40) -> dict:
    """Press Tab until the focused element satisfies ``matches``; fail after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = focused(page)
        if matches(current):
            return current
    raise AssertionError(f"not reached in {limit} Tab presses; last focused: {current}")


@pytest.mark.parametrize("path, heading", [("note.html", "vllm-adoption"), ("en/note.html", "vllm-adoption")])
def test_skip_link_is_the_first_stop_and_moves_to_the_content(page, server, path, heading):
    page.goto(server.url + path)
    page.keyboard.press("Tab")
    skip = focused(page)
    assert "md-skip" in skip["classes"] and skip["href"] == f"#{heading}", skip
    assert skip["visible"]
    assert page.locator(".md-skip").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server.url}{path}#{heading}")
    top = page.evaluate(f"() => document.getElementById({heading!r}).getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2, top
    # The next Tab continues from the heading the link led to, inside the page's content.
    page.keyboard.press("Tab")
    assert focused(page)["inContent"], focused(page)


@pytest.mark.parametrize(
    "path, shortcut, query",
    [("about.html", "/", "vllm"), ("en/about.html", "s", "providers")],
)
def test_search_opens_and_navigates_from_the_keyboard(page, server, path, shortcut, query):
    page.goto(server.url + path)
    page.keyboard.press(shortcut)
    field = focused(page)
    assert "md-search__input" in field["classes"] and field["visible"], field
    page.keyboard.type(query, delay=20)
    page.wait_for_function(
        "() => !/Initiali[sz]|Taper|Type to/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    page.keyboard.press("ArrowDown")
    first = focused(page)
    assert "md-search-result__link" in first["classes"] and first["visible"], first
    page.keyboard.press("ArrowDown")
    second = focused(page)
    assert second != first and second["visible"], second
    page.keyboard.press("ArrowUp")
    assert focused(page) == first
    target = first["href"].split("?", 1)[0]
    assert target != server.url + path
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("?", 1)[0].split("#", 1)[0] == target.split("#", 1)[0])


@pytest.mark.parametrize(
    "path, language, expected",
    [("claims.html", "en", "en/claims.html"), ("en/claims.html", "fr", "claims.html"), ("en/glossary.html", "fr", "glossary.html")],
)
def test_language_switcher_works_from_the_keyboard(page, server, path, language, expected):
    page.goto(server.url + path)
    button = tab_until(page, lambda f: f["tag"] == "BUTTON" and f["label"] in ("Sélectionner la langue", "Select language"))
    assert button["visible"]
    # The list opens on focus (Material's .md-select:focus-within) and its entries come next.
    page.wait_for_function("() => getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'")
    name = {"fr": "Français", "en": "English"}[language]
    choice = tab_until(page, lambda f: "md-select__link" in f["classes"] and f["label"] == name, limit=3)
    assert choice["visible"]
    page.keyboard.press("Enter")
    page.wait_for_url(server.url + expected)
    assert page.locator("html").get_attribute("lang") == language


def test_language_names_in_the_switcher_carry_their_own_language(server, site):
    from html_pages import parse, text_of

    from sitebuild import language_entries

    # Each language by the name its entry in mkdocs.yml gives it, in mkdocs.yml's order.
    expected = [(entry["name"], code, code) for code, entry in language_entries().items()]
    for url in built_pages(site) + sorted(path.relative_to(site).as_posix() for path in site.rglob("404.html")):
        links = parse(site, url).css(".md-select__link")
        assert [(text_of(link, strip=True), link.attributes.get("lang"), link.attributes.get("hreflang")) for link in links] == expected, url


@pytest.mark.parametrize("url, other", [("en/glossary.html", "fr"), ("glossary.html", "en")])
def test_terms_in_the_other_language_carry_their_lang(site, url, other):
    """A screen reader reads each glossary term in its own language: one marked term per row."""
    from html_pages import parse, select, text_of

    rows = parse(site, url).css(".md-content table tbody tr")
    assert len(rows) >= 10
    for row in rows:
        marked = select(row, f"[lang='{other}']")
        assert len(marked) == 1 and text_of(marked[0], strip=True), row.html
