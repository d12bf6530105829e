"""What a reader does, in Debian's Chromium: search in each language, load every page cleanly."""

from __future__ import annotations

import pytest

from page_tour import tour_pages
from sitebuild import DEFAULT_LANGUAGE, PROJECT, TRANSLATION_LANGUAGES

pytestmark = pytest.mark.browser


def search(page, base_url: str, path: str, query: str) -> list[str]:
    """Type ``query`` into Material's search on ``path``; the result links, absolute."""
    page.goto(base_url + path)
    field = page.locator(".md-search__input")
    field.click()
    field.press_sequentially(query, delay=20)  # Material searches on key events, as a reader types
    # The worker has answered once a result count replaces "Initializing search" / "Type to start".
    page.wait_for_function(
        "() => !/Initiali[sz]|Taper|Type to/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    return [link.get_attribute("href") for link in page.locator(".md-search-result__link").all()]


@pytest.mark.parametrize(
    "query, expected_page",
    [
        ("fournisseur", "note.html"),
        ("modele", "note.html"),  # no accent typed, "modèles" in the text
        ("modèle", "note.html"),
        ("inference", "note.html"),  # "inférence"
        ("autohebergement", "note.html"),  # "l'autohébergement": elision and accent
        ("DeepSeek", "note.html"),
    ],
)
def test_french_search_finds_french_pages_only(page, server, query, expected_page):
    results = search(page, server.url, "", query)
    assert results, f"no result for {query!r}"
    assert all(not link.startswith(server.url + "en/") for link in results), results
    assert any(link.startswith(server.url + expected_page) for link in results), results


@pytest.mark.parametrize(
    "query, expected_page",
    [("providers", "note.html"), ("provider", "note.html"), ("self-hosting", "note.html"), ("DeepSeek", "note.html")],
)
def test_english_search_finds_english_pages_only(page, server, query, expected_page):
    results = search(page, server.url, "en/", query)
    assert results, f"no result for {query!r}"
    assert all(link.startswith(server.url + "en/") for link in results), results
    assert any(link.startswith(server.url + "en/" + expected_page) for link in results), results


def test_a_query_only_english_pages_match_finds_nothing_on_french_pages(page, server):
    assert search(page, server.url, "", "translated") == []
    assert search(page, server.url, "en/", "translated") != []


@pytest.mark.xdist_group("page_tour")
def test_every_page_loads_without_foreign_request_http_error_or_console_error(page_tour, site):
    pages = tour_pages(site)
    assert list(page_tour) == pages
    assert {url: visit.problems for url, visit in page_tour.items() if visit.problems} == {}
    # Every original page in each language, each translated page's view in each interface, a 404 page per language.
    originals = len(list((PROJECT / "docs" / DEFAULT_LANGUAGE).glob("*.md")))
    translated = sum(len(list((PROJECT / "docs" / code).glob("*.md"))) for code in TRANSLATION_LANGUAGES)
    languages = 1 + len(TRANSLATION_LANGUAGES)
    assert len(pages) == languages * originals + languages * translated + languages


def test_switching_language_keeps_the_page(page, server):
    page.goto(server.url + "claims.html")
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang='en']").click()
    page.wait_for_url(server.url + "en/claims.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang='fr']").click()
    page.wait_for_url(server.url + "claims.html")


@pytest.mark.xdist_group("page_tour")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(page_tour, site, scheme):
    """axe-core on every page, the 404 pages and parallel views included, in each colour scheme:
    the dark one as the page's toggle sets it for a reader whose system is dark (tests/page_tour.py)."""
    assert list(page_tour) == tour_pages(site)
    assert {url: visit.accessibility[scheme] for url, visit in page_tour.items() if visit.accessibility[scheme]} == {}
