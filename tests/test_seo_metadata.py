"""What crawlers and link previews read: meta descriptions, Open Graph and Twitter tags, robots.txt."""

from __future__ import annotations

import pytest
from mkdocs.utils import yaml_load

from html_pages import built_pages, parse, select, select_one, text_of
from sitebuild import DEFAULT_LANGUAGE, PROJECT, TRANSLATION_LANGUAGES, folder_prefix, language_entries, language_of_url

from bilingual_site.translation.language_entries import og_locale
from bilingual_site.site.sitemaps import render_robots_txt
from bilingual_site.site.social_meta import social_meta

LANGUAGES = (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES)
# Each language's og:locale: its extra.og_locale, else CLDR's likely region (what the build uses).
LOCALES = {code: og_locale(entry) for code, entry in language_entries().items()}
HOMES = {folder_prefix(code) + "index.html" for code in LANGUAGES}
SITE_NAME = yaml_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]


def head_meta(document) -> dict[str, list[str]]:
    """og:* and twitter:* name -> contents, in page order."""
    found: dict[str, list[str]] = {}
    for tag in select(document.head, "meta"):
        name = tag.attributes.get("property") or tag.attributes.get("name") or ""
        if name.startswith(("og:", "twitter:")):
            found.setdefault(name, []).append(tag.attributes["content"])
    return found


@pytest.mark.languages
def test_every_page_has_its_own_description_and_social_tags(site, site_port):
    site_url = f"http://127.0.0.1:{site_port}/"
    # A language's own site_name, else the configuration's (which the default language uses).
    site_names = {code: entry.get("site_name") or SITE_NAME for code, entry in language_entries().items()}
    descriptions = {}
    for url in built_pages(site):
        document = parse(site, url)
        language = language_of_url(url)
        page = url.removeprefix(folder_prefix(language))[: -len(".html")] + ".md"
        # The text's language: the original's on a page not translated yet.
        content = language if (PROJECT / "docs" / language / page).is_file() else DEFAULT_LANGUAGE
        alternates = [code for code in LANGUAGES if code != content and (PROJECT / "docs" / code / page).is_file()]
        description = select_one(document.head, 'meta[name="description"]').attributes["content"]
        canonical = select_one(document.head, 'link[rel~="canonical"]').attributes["href"]
        title = text_of(select_one(document.head, "title")).rsplit(" - ", 1)[0]
        meta = head_meta(document)
        expected = {
            "og:type": ["website" if url in HOMES else "article"],
            "og:site_name": [site_names[language]],
            "og:title": [meta["og:site_name"][0] if url in HOMES else title],
            "og:description": [description],
            "og:url": [canonical],
            "og:locale": [LOCALES[content]],
            "twitter:card": ["summary"],
            "twitter:title": meta["og:title"],
            "twitter:description": [description],
        }
        if alternates:
            expected["og:locale:alternate"] = [LOCALES[code] for code in alternates]
        assert meta == expected, url
        assert canonical.startswith(site_url), url
        if content == language:
            descriptions[url] = description
    # Each page says what it is about: no description is shared by two pages (a page not translated
    # yet repeats its original's).
    assert len(set(descriptions.values())) == len(descriptions)


def test_an_untranslated_page_announces_french_and_no_alternate(site_with_untranslated_page):
    meta = head_meta(parse(site_with_untranslated_page, "en/brouillon.html"))
    assert meta["og:locale"] == ["fr_FR"]
    assert "og:locale:alternate" not in meta
    assert meta["og:url"] == ["https://example.org/docs/brouillon.html"]  # its canonical, the original
    assert meta["og:description"] == ["Une page pas encore traduite."]
    # ... and the French original does not announce an English version either.
    assert "og:locale:alternate" not in head_meta(parse(site_with_untranslated_page, "brouillon.html"))


@pytest.mark.languages
def test_robots_txt_allows_everything_and_names_each_language_sitemap(site, site_port):
    site_url = f"http://127.0.0.1:{site_port}/"
    assert (site / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\n" + "".join(f"Sitemap: {site_url}{folder_prefix(code)}sitemap.xml\n" for code in LANGUAGES)
    )
    assert all((site / folder_prefix(code) / "sitemap.xml").is_file() for code in LANGUAGES)


def test_robots_txt_uses_the_deployment_path_and_lists_the_default_language_first():
    assert render_robots_txt("https://owner.github.io/repo/", ["en", "fr"], "fr").splitlines()[-2:] == [
        "Sitemap: https://owner.github.io/repo/sitemap.xml",
        "Sitemap: https://owner.github.io/repo/en/sitemap.xml",
    ]


def test_social_meta_leaves_out_x_default_and_the_page_own_language():
    meta = social_meta(
        title="La note",
        description="Texte.",
        is_home=False,
        url="https://example.org/note.html",
        site_name="Site",
        content_language="fr",
        alternate_languages=["fr", "en", "x-default"],
        locales={"fr": "fr_FR", "en": "en_US"},
    )
    assert meta.locale == "fr_FR" and meta.alternate_locales == ("en_US",)
    assert ("property", "og:type", "article") in meta.tags()
    assert ("name", "twitter:card", "summary") in meta.tags()
