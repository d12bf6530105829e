"""What a reader does, in Debian's Chromium: search in each language, switch language, and every page
loaded cleanly, in its own language and accessible in both colour schemes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from html_pages import built_pages, parallel_pages
from bilingual_site.parallel.views import FOLDER as PARALLEL_FOLDER
from bilingual_site.tools.gzip_server import GzipServer
from interface_strings import interface_strings, tells
from page_tour import SCREENS, Visitor, expected_pages, fits_the_screen
from sitebuild import DEFAULT_LANGUAGE, PROJECT, TRANSLATION_LANGUAGES, folder_prefix

pytestmark = pytest.mark.browser


# Material's search has answered once a result count replaces "Initializing search" / "Type to start".
ANSWERED = "() => !/Initiali[sz]|Taper|Type to/.test(document.querySelector('.md-search-result__meta').textContent)"
# With the field empty again, it asks for a query.
READY = "() => /Taper|Type to/.test(document.querySelector('.md-search-result__meta').textContent)"


@pytest.fixture(scope="module")
def search(reader_context, server):
    """search(path, query): type ``query`` into Material's search on ``path``; the result links, absolute.

    One tab per page searched from, kept for this module's searches: a page load and the search
    worker's index cost more than a query. Between two queries the field is emptied and the next
    is typed only once the search asks for one, so no answer is read from the query before."""
    tabs = {}

    def search_from(path: str, query: str) -> list[str]:
        tab = tabs.get(path)
        if tab is None:
            tab = tabs[path] = reader_context.new_page()
            tab.goto(server.url + path)
        field = tab.locator(".md-search__input")
        field.click()
        if field.input_value():
            field.fill("")
            field.press("End")
            tab.wait_for_function(READY)
        # Material searches the field's value on each key release (and once its index is loaded): the
        # whole query is put in, then one key released, so the only answer is the whole query's. Typed
        # letter by letter, a prefix's answer ("t", "tr"...) could be read as the query's.
        field.fill(query)
        field.press("End")
        tab.wait_for_function(ANSWERED)
        return [link.get_attribute("href") for link in tab.locator(".md-search-result__link").all()]

    yield search_from
    for tab in tabs.values():
        tab.close()


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
def test_french_search_finds_french_pages_only(search, server, query, expected_page):
    results = search("", query)
    assert results, f"no result for {query!r}"
    assert all(not link.startswith(server.url + "en/") for link in results), results
    assert any(link.startswith(server.url + expected_page) for link in results), results


@pytest.mark.parametrize(
    "query, expected_page",
    [("providers", "note.html"), ("provider", "note.html"), ("self-hosting", "note.html"), ("DeepSeek", "note.html")],
)
def test_english_search_finds_english_pages_only(search, server, query, expected_page):
    results = search("en/", query)
    assert results, f"no result for {query!r}"
    assert all(link.startswith(server.url + "en/") for link in results), results
    assert any(link.startswith(server.url + "en/" + expected_page) for link in results), results


def test_a_query_only_english_pages_match_finds_nothing_on_french_pages(search):
    assert search("", "translated") == []
    assert search("en/", "translated") != []


def test_the_pages_visited_below_are_every_page_the_build_publishes(site):
    """The pages of the test below are worked out from the sources before any build: held here to the built site."""
    published = built_pages(site) + parallel_pages(site) + [path.relative_to(site).as_posix() for path in site.rglob("404.html")]
    assert sorted(published) == expected_pages()
    # Every original page in each language, each translated page's view in each interface, a 404 page per language.
    originals = len(list((PROJECT / "docs" / DEFAULT_LANGUAGE).glob("*.md")))
    translated = sum(len(list((PROJECT / "docs" / code).glob("*.md"))) for code in TRANSLATION_LANGUAGES)
    languages = 1 + len(TRANSLATION_LANGUAGES)
    assert len(published) == languages * originals + languages * translated + languages


@pytest.fixture(scope="module")
def visitor(reader_context, server):
    """One tab for the pages below, in the order they come to this test process (tests/page_tour.py)."""
    opened = Visitor(reader_context, server.url)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def interface():
    strings = interface_strings()
    assert len(strings) >= 2
    return strings


@pytest.mark.parametrize("url", expected_pages())
def test_page_loads_cleanly_speaks_its_language_and_passes_axe_in_both_schemes(visitor, interface, url):
    """Each page, parallel view and 404 page, visited once for all of these (tests/page_tour.py):
    - no foreign request, HTTP error, console error or warning, or page error, until the network is idle;
    - no Content-Security-Policy violation (tests/test_security_headers.py holds the policy);
    - no interface string of another language (tests/interface_strings.py);
    - no axe-core violation in the light scheme, nor in the dark one the page's toggle sets;
    - but on a parallel view, in both schemes, on a wide screen and on a phone, nothing wider than
      the screen, the header's controls on it and Material's layout of that width;
    - but on a parallel view, a visible focus on every element Tab reaches, the header's included."""
    # A parallel view's own layout (two columns, or stacked on a phone) is tested in tests/test_parallel_view.py.
    view = PARALLEL_FOLDER in url.split("/")
    visit = visitor.visit(url, own_page=not view)
    assert visit.problems == []
    assert visit.policy_violations == []
    assert sorted(tell for tell in tells(interface, visit.language) if tell in visit.text) == []
    assert visit.accessibility == {"light": [], "dark": []}
    assert sorted(visit.layout) == ([] if view else ["dark", "light"])
    for scheme, measures in visit.layout.items():
        assert sorted(measures) == sorted(screen["width"] for screen in SCREENS)
        for width, layout in measures.items():
            fits_the_screen(layout, width, f"{url} at {width} px, {scheme}")
    if not view:
        assert [stop for stop in visit.tab_stops if not stop["visible"]] == []
        # The walk went through the header (logo, language, scheme, search) and on past it.
        assert sum(stop["inHeader"] for stop in visit.tab_stops) >= 4, visit.tab_stops
        assert not visit.tab_stops[-1]["inHeader"], visit.tab_stops


def test_switching_language_keeps_the_page(page, server):
    page.goto(server.url + "claims.html")
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang='en']").click()
    page.wait_for_url(server.url + "en/claims.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select").hover()
    page.locator(".md-select__link[hreflang='fr']").click()
    page.wait_for_url(server.url + "claims.html")


@pytest.mark.parametrize("language", TRANSLATION_LANGUAGES)
def test_a_footer_link_to_a_page_in_the_original_s_words_is_named_by_what_it_shows(site_with_untranslated_page, page, language):
    # Material names footer links with an aria-label in the page's language, which a screen reader
    # reads instead of the content; where the title says its own language, the name comes from it.
    with GzipServer(site_with_untranslated_page) as running:
        page.goto(f"{running.url}{folder_prefix(language)}brouillon.html")
        page.goto(page.locator("a.md-footer__link--prev").evaluate("link => link.href"))
        link = page.locator("a.md-footer__link--next")
        title = link.locator(".md-ellipsis")
        assert (title.inner_text().strip(), title.get_attribute("lang")) == ("Brouillon", DEFAULT_LANGUAGE)
        expect(link).to_have_accessible_name(f"{link.locator('.md-footer__direction').inner_text().strip()} Brouillon")


# Each top-level navigation entry: its words, the language its title says they are in, its height,
# the font its words are drawn in, and whether it is the current page's (drawn in the accent colour).
NAVIGATION_ENTRIES = """() => [...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link')]
  .map(link => {
    const title = link.querySelector('.md-ellipsis');
    const words = title.querySelector('[lang]') || title;
    const style = getComputedStyle(words);
    return {text: title.textContent.trim(), lang: words.getAttribute('lang'), height: link.getBoundingClientRect().height,
            active: link.classList.contains('md-nav__link--active'),
            font: [style.fontSize, style.lineHeight, style.fontWeight, style.color].join(' ')};
  })"""


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: f"{screen['width']}px")
@pytest.mark.parametrize("language", TRANSLATION_LANGUAGES)
def test_a_navigation_entry_in_the_original_s_words_says_so_and_looks_like_the_others(site_with_untranslated_page, page, language, screen):
    # Its `nav:` label has no translation: Material's typeset hook carries its language, and must not show,
    # on a wide screen as in a phone's drawer (where Material's entries are larger than its typeset titles).
    page.set_viewport_size(screen)
    with GzipServer(site_with_untranslated_page) as running:
        page.goto(f"{running.url}{folder_prefix(language)}index.html")
        entries = page.evaluate(NAVIGATION_ENTRIES)
        assert [(entry["text"], entry["lang"]) for entry in entries if entry["lang"]] == [("Brouillon", DEFAULT_LANGUAGE)]
        draft = next(entry for entry in entries if entry["lang"])
        assert {(entry["height"], entry["font"]) for entry in entries if not entry["active"]} == {(draft["height"], draft["font"])}
