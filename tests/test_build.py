"""The real mkdocs.yml builds strictly and lays out both languages as readers expect."""

from __future__ import annotations

import json

import pytest

from html_pages import built_pages, content_wrapper, parse, select_with_templates, text_of
from sitebuild import DEFAULT_LANGUAGE, PROJECT, TRANSLATION_LANGUAGES, folder_prefix, language_of_url

PAGES = ["index.html", "note.html", "claims.html", "sources.html", "glossary.html", "about.html", "contributing.html"]


@pytest.mark.languages
def test_every_language_has_every_page_at_the_same_relative_path(site):
    pages = built_pages(site)
    for page in PAGES:
        for language in (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES):
            assert folder_prefix(language) + page in pages


@pytest.mark.languages
def test_html_lang_and_translation_status_of_every_page(site):
    for url in built_pages(site):
        document = parse(site, url)
        language = language_of_url(url)
        # Material writes its own strings' language code: 'pt' on pt-BR pages (partials/languages/pt-BR.html).
        assert document.css_first("html").attributes["lang"].split("-")[0] == language.split("-")[0], url
        page = url.removeprefix(folder_prefix(language))[: -len(".html")] + ".md"
        if language == DEFAULT_LANGUAGE:
            expected = "original"
        else:  # the real site's translations are current; a new language's pages are not translated yet
            expected = "current" if (PROJECT / "docs" / language / page).is_file() else "untranslated"
        assert content_wrapper(document).attributes["data-translation-status"] == expected, url


@pytest.mark.languages
def test_every_page_has_one_h1_and_a_description_in_its_language(site):
    for url in built_pages(site):
        document = parse(site, url)
        assert len(document.css("article h1")) == 1, url
        description = document.css_first('meta[name="description"]').attributes["content"]
        assert description and description != text_of(document.css_first("title")), url


@pytest.mark.languages
def test_no_page_requests_google_fonts_or_a_cdn(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, path
        document = parse(site, path.relative_to(site).as_posix())
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in select_with_templates(document, tag):
                value = element.attributes.get(attribute) or ""
                rel = (element.attributes.get("rel") or "").split()
                if "alternate" in rel or "canonical" in rel:
                    continue  # links for crawlers, not requests
                assert not value.startswith(("http:", "https:", "//")), f"{path}: {tag} {value}"


def test_interface_strings_follow_the_page_language(site):
    french = parse(site, "note.html")
    english = parse(site, "en/note.html")
    assert french.css_first(".md-search__input").attributes["placeholder"] == "Rechercher"
    assert english.css_first(".md-search__input").attributes["placeholder"] == "Search"
    titles = list(dict.fromkeys(text_of(a).strip() for a in english.css(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")))
    assert titles == ["Home", "The note", "Claim check", "Sources", "Glossary", "About", "Contributing", "Translation status"]
    assert french.css_first(".headerlink").attributes["title"] == "Lien vers cette section"
    assert english.css_first(".headerlink").attributes["title"] == "Link to this section"
    assert english.css_first("[data-palette-scheme='default']").attributes["aria-label"] == "Switch to dark mode"
    assert french.css_first("[data-palette-scheme='default']").attributes["aria-label"] == "Passer en mode sombre"
    assert "Ajout éditorial" in text_of(french.css_first(".site-notice--editorial"))
    assert "Editorial addition" in text_of(english.css_first(".site-notice--editorial"))


@pytest.mark.languages
def test_every_language_has_its_own_search_index_of_its_own_pages(site):
    for language in (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES):
        index = json.loads((site / folder_prefix(language) / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] in ([language.split("-")[0]], ["en"])  # English when Material's search has no support for it
        # Only the language's own pages (fallback copies left out), located from its folder.
        for doc in index["docs"]:
            page = doc["location"].split("#")[0] or "index.html"
            assert (site / folder_prefix(language) / page).is_file(), doc["location"]
            assert (PROJECT / "docs" / language / (page[: -len(".html")] + ".md")).is_file(), doc["location"]
        if language != DEFAULT_LANGUAGE:
            # Its pages load the index beside them, not the default language's at the root.
            assert '"base": "."' in (site / folder_prefix(language) / "note.html").read_text(encoding="utf-8")


def test_search_index_per_language(site):
    french = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert french["config"]["lang"] == ["fr"] and english["config"]["lang"] == ["en"]
    french_titles = {doc["title"] for doc in french["docs"]}
    english_titles = {doc["title"] for doc in english["docs"]}
    assert "Vérification des affirmations" in french_titles and "Claim check" not in french_titles
    assert "Claim check" in english_titles and "Vérification des affirmations" not in english_titles
    assert all(not doc["location"].startswith("en/") for doc in english["docs"] + french["docs"])
    # English pages load the index beside them, not the French one at the root.
    assert '"base": "."' in (site / "en/note.html").read_text(encoding="utf-8")
