"""Switcher, hreflang, canonical, sitemaps and 404 pages across the two languages."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from bilingual_site.site.sitemaps import SitemapEntry, render_sitemap, sitemap_files
from html_pages import ancestor, built_pages, content_wrapper, parse, resolve, select, select_one, text_of
from sitebuild import DEFAULT_LANGUAGE, PROJECT, TRANSLATION_LANGUAGES, folder_prefix, language_of_url

pytestmark = pytest.mark.languages
ORIGINAL_PAGES = len(list((PROJECT / "docs" / DEFAULT_LANGUAGE).glob("*.md")))
LANGUAGES = (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def neutral(url: str) -> str:
    """A built page's URL under any language's folder: 'en/note.html' -> 'note.html'."""
    return url.removeprefix(folder_prefix(language_of_url(url)))


def translated(language: str, url: str) -> bool:
    """Whether ``language`` has a file of its own for the page at ``url`` (the default language always has)."""
    return (PROJECT / "docs" / language / (neutral(url)[: -len(".html")] + ".md")).is_file()


def test_switcher_on_every_page_leads_to_its_twin(site):
    for url in built_pages(site):
        links = {a.attributes["hreflang"]: resolve(url, a.attributes["href"]) for a in parse(site, url).css(".md-select__link")}
        assert list(links) == list(LANGUAGES), url
        for language, target in links.items():
            assert target == folder_prefix(language) + neutral(url), url
            assert (site / target).is_file()


def test_hreflang_is_absolute_with_x_default_on_every_page(site, site_port):
    """hreflang pairs real translations only: none points at a page served untranslated, whose canonical is the original."""
    base = f"http://127.0.0.1:{site_port}/"
    for url in built_pages(site):
        document = parse(site, url)
        hreflang = {link.attributes["hreflang"]: link.attributes["href"] for link in document.css('link[rel="alternate"][hreflang]')}
        page = neutral(url)
        absolute = {language: base + folder_prefix(language) + ("" if page == "index.html" else page) for language in LANGUAGES}
        own = language_of_url(url)
        expected = {language: absolute[language] for language in LANGUAGES if translated(language, url)}
        assert hreflang == {**expected, "x-default": absolute[DEFAULT_LANGUAGE]}, url
        canonical = absolute[own] if translated(own, url) else absolute[DEFAULT_LANGUAGE]
        assert document.css_first('link[rel="canonical"]').attributes["href"] == canonical, url


def sitemap_locations(site, path):
    root = ElementTree.parse(site / path).getroot()
    return {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in root.findall(f"{SITEMAP}url")
    }


def test_one_sitemap_per_language_pairing_real_translations(site, site_port):
    base = f"http://127.0.0.1:{site_port}/"

    def absolute(language: str, page: str) -> str:
        url = page[: -len(".md")] + ".html"
        return base + folder_prefix(language) + ("" if url == "index.html" else url)

    originals = sorted(path.name for path in (PROJECT / "docs" / DEFAULT_LANGUAGE).glob("*.md"))
    assert len(originals) == ORIGINAL_PAGES
    for language in LANGUAGES:
        # A language's own pages only (a new language's sitemap is empty), each with its real translations.
        own = [page for page in originals if (PROJECT / "docs" / language / page).is_file()]
        expected = {
            absolute(language, page): {
                **{code: absolute(code, page) for code in LANGUAGES if (PROJECT / "docs" / code / page).is_file()},
                "x-default": absolute(DEFAULT_LANGUAGE, page),
            }
            for page in own
        }
        assert sitemap_locations(site, folder_prefix(language) + "sitemap.xml") == expected, language
    assert not (site / "sitemap.xml.gz").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_404_page_per_language_with_navigation_and_switcher(site, language):
    from sitebuild import language_entries

    path, home = folder_prefix(language) + "404.html", "/" + folder_prefix(language)
    document = parse(site, path)
    assert document.css_first("html").attributes["lang"].split("-")[0] == language.split("-")[0]
    assert text_of(document.css_first("article h1")) == language_entries()[language]["extra"]["ui"]["not_found_title"]
    switcher = {a.attributes["hreflang"]: a.attributes["href"] for a in document.css(".md-select__link")}
    assert switcher == {code: "/" + folder_prefix(code) for code in LANGUAGES}
    nav = [a.attributes["href"] for a in document.css(".md-nav--primary .md-nav__link[href]")]
    assert len(nav) == ORIGINAL_PAGES
    for href in nav:  # served from any missing URL, so links are absolute from the root
        assert href.startswith(home) and (site / href.lstrip("/")).is_file()
    assert f'"base": "{home}"' in (site / path).read_text(encoding="utf-8")


def test_untranslated_page_is_served_in_french_and_marked(site_with_untranslated_page):
    site = site_with_untranslated_page
    document = parse(site, "en/brouillon.html")
    wrapper = content_wrapper(document)
    assert wrapper.attributes["data-translation-status"] == "untranslated"
    assert wrapper.attributes["lang"] == "fr"
    notice = document.css_first(".site-notice--untranslated")
    assert "has not been translated yet" in text_of(notice)
    assert ancestor(notice, '[lang="fr"]') is None  # the notice itself is English
    assert select_one(notice, "a").attributes["href"].endswith("/new/main/docs/en?filename=brouillon.md")
    assert text_of(select_one(notice, "a")).strip() == "Translate this page"
    # The edit button creates the English file too, instead of editing the French one.
    assert document.css_first("a.md-content__button").attributes["href"].endswith("/new/main/docs/en?filename=brouillon.md")
    assert document.css_first('link[rel="canonical"]').attributes["href"] == "https://example.org/docs/brouillon.html"
    hreflang = {link.attributes["hreflang"] for link in document.css('link[rel="alternate"][hreflang]')}
    assert hreflang == {"fr", "x-default"}


def language_said(title) -> str | None:
    """The language a title's element says its words are in: its own `lang`, or that of the one
    element holding all its words (Material's `typeset` markup in a navigation entry)."""
    if "lang" in title.attributes:
        return title.attributes["lang"]
    inner = [node for node in select(title, "[lang]") if text_of(node, strip=True) == text_of(title, strip=True)]
    return inner[0].attributes["lang"] if inner else None


@pytest.mark.parametrize("language", TRANSLATION_LANGUAGES)
def test_the_untranslated_page_s_title_says_it_is_in_the_original_s_language_wherever_material_prints_it(site_with_untranslated_page, language):
    # Its `nav:` label has no translation and its own title is the original's: its header, its
    # navigation entry on every page and the footer's link to it are tagged; nothing else is.
    site, prefix = site_with_untranslated_page, folder_prefix(language)
    page = parse(site, f"{prefix}brouillon.html")
    header = page.css_first('[data-md-component="header-topic"] .md-ellipsis')
    assert (text_of(header, strip=True), header.attributes.get("lang")) == ("Brouillon", DEFAULT_LANGUAGE)
    footer_links = 0
    for url in [url for url in built_pages(site) if url.startswith(prefix)] + [f"{prefix}404.html"]:
        page = parse(site, url)
        titles = [
            title for title in page.css(".md-nav--primary .md-ellipsis, .md-footer__link .md-ellipsis, .md-header__topic .md-ellipsis")
            if not (title.parent.attributes.get("href") or "").startswith("#")  # the page's headings (its table of contents)
        ]
        tagged = [(title, said) for title in titles if (said := language_said(title))]
        assert "Brouillon" in [text_of(title, strip=True) for title, _ in tagged], url
        for title, said in tagged:
            assert said == DEFAULT_LANGUAGE, url
            if text_of(title, strip=True) != "Brouillon":  # only a page served in the original's words, in its own header
                assert ancestor(title, '[data-md-component="header-topic"]') is not None, url
                assert content_wrapper(page).attributes["data-translation-status"] == "untranslated", url
        for link in page.css("a.md-footer__link"):
            if [text_of(title, strip=True) for title in link.css(".md-ellipsis")] == ["Brouillon"]:
                assert "aria-label" not in link.attributes, url  # its name comes from its content, which says the language
                footer_links += 1
    assert footer_links == 1  # from the page before it (the draft is the navigation's last page)


def test_untranslated_page_is_not_declared_or_indexed_as_english(site_with_untranslated_page):
    import json

    site = site_with_untranslated_page
    french_page = parse(site, "brouillon.html")
    assert {link.attributes["hreflang"] for link in french_page.css('link[rel="alternate"][hreflang]')} == {"fr", "x-default"}
    assert "https://example.org/docs/en/brouillon.html" not in sitemap_locations(site, "en/sitemap.xml")
    assert "https://example.org/docs/brouillon.html" in sitemap_locations(site, "sitemap.xml")
    english_index = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in english_index["docs"] if doc["location"].startswith("brouillon.html")]
    french_index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert [doc for doc in french_index["docs"] if doc["location"].startswith("brouillon.html")]


def test_each_folder_gets_the_sitemap_of_the_language_whose_pages_it_holds():
    entries = [
        SitemapEntry("fr", "index.html", "https://example.org/"),
        SitemapEntry("fr", "guide/setup.html", "https://example.org/guide/setup.html"),
        SitemapEntry("en", "en/index.html", "https://example.org/en/"),
        SitemapEntry("en", "en/guide/setup.html", "https://example.org/en/guide/setup.html"),
    ]
    files = sitemap_files(entries)
    assert set(files) == {"", "guide/", "en/", "en/guide/"}
    assert files[""] == files["guide/"] == render_sitemap(entries[:2])
    assert files["en/"] == files["en/guide/"] == render_sitemap(entries[2:])
    assert "<loc>https://example.org/en/</loc>" not in files[""]
