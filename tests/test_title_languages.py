"""`lang` on page titles in another language than the page, in Material's header, navigation and
footer (src/bilingual_site/site/title_languages.py), on markup written here as Material writes it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from html_pages import parse, text_of
from sitebuild import DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES, build_site, copy_project, folder_prefix
from bilingual_site.site.title_languages import ForeignTitle, TitleSources, foreign_title, title_text, titles_in_their_language

PAGE = "en/guide/install.html"
ENTRIES = {"en/guide/setup.html": ForeignTitle("Mise en place", "fr"), PAGE: ForeignTitle("Installer", "fr")}


def langs(markup: str) -> list[tuple[str, str | None]]:
    return [(node.text(strip=True), node.attributes.get("lang")) for node in LexborHTMLParser(markup).css(".md-ellipsis")]


def test_a_link_to_a_page_under_its_foreign_title_gets_the_title_s_language():
    nav = (
        '<ul><li><a href="setup.html" class="md-nav__link"><span class="md-ellipsis">Mise\n  en place</span></a></li>'
        '<li><a href="../index.html" class="md-nav__link"><span class="md-ellipsis">Home</span></a></li></ul>'
    )
    assert langs(titles_in_their_language(nav, PAGE, ENTRIES, None)) == [("Mise\n  en place", "fr"), ("Home", None)]


def test_a_section_that_links_to_the_page_keeps_its_own_name_untagged():
    # navigation.prune: a closed section links to its first page, under the section's name.
    nav = '<li class="md-nav__item--nested"><a href="setup.html" class="md-nav__link"><span class="md-ellipsis">Guide</span></a></li>'
    assert titles_in_their_language(nav, PAGE, ENTRIES, None) == nav


def test_the_current_page_s_header_title_and_navigation_label_are_tagged():
    header = (
        '<div class="md-header__topic"><span class="md-ellipsis">Site</span></div>'
        '<div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis"> À propos </span></div>'
        '<label class="md-nav__link" for="__toc"><span class="md-ellipsis">Installer</span></label>'
        '<label class="md-nav__link" for="__nav_2"><span class="md-ellipsis">Installer</span></label>'
    )
    tagged = titles_in_their_language(header, PAGE, ENTRIES, ForeignTitle("À propos", "fr"))
    assert [lang for _, lang in langs(tagged)] == [None, "fr", "fr", None]
    # The header shows the front matter's title: the entry's title alone does not tag it.
    assert [lang for _, lang in langs(titles_in_their_language(header, PAGE, ENTRIES, None))] == [None, None, "fr", None]


def test_a_block_with_no_foreign_title_is_returned_exactly_as_written():
    footer = '\n  <a href="../index.html" class="md-footer__link"><div class="md-ellipsis">Home &amp; more</div></a>\n'
    assert titles_in_their_language(footer, PAGE, ENTRIES, None) is footer
    assert titles_in_their_language(footer, PAGE, {}, None) is footer


def test_a_title_that_says_its_language_already_is_left_as_it_is():
    nav = '<a href="setup.html"><span class="md-ellipsis" lang="de">Mise en place</span></a>'
    assert langs(titles_in_their_language(nav, PAGE, ENTRIES, None)) == [("Mise en place", "de")]


def test_everything_in_the_block_is_kept_in_its_place_when_a_title_is_tagged():
    block = '\n<script>var x = 1 < 2;</script><link rel="next" href="setup.html"><a href="setup.html"><span class="md-ellipsis">Mise en place</span></a>'
    tagged = titles_in_their_language(block, PAGE, ENTRIES, None)
    assert tagged == block.replace('class="md-ellipsis"', 'class="md-ellipsis" lang="fr"')


def test_a_title_with_markup_or_references_reads_as_its_text():
    assert title_text("Le <code>vLLM</code> &amp;  ses   fournisseurs") == "Le vLLM & ses fournisseurs"


def sources(content_language: str) -> TitleSources:
    return TitleSources(
        own=frozenset({"À propos", "Sources"}),
        content_language=content_language,
        translated_labels=frozenset({"About", "Sources"}),
        original_labels=frozenset({"À propos", "La note", "Sources"}),
        original_language="fr",
    )


def test_which_language_a_title_is_in_on_an_english_page():
    # A fallback page (French content): its own title is French; a translated label is English even
    # when the French title is the same word; an untranslated `nav:` label is French.
    assert foreign_title("À propos", sources("fr"), "en") == ForeignTitle("À propos", "fr")
    assert foreign_title("About", sources("fr"), "en") is None
    assert foreign_title("Sources", sources("fr"), "en") is None
    assert foreign_title("La note", sources("en"), "en") == ForeignTitle("La note", "fr")
    # A translated page: its own title is the document's language; an unknown title says nothing.
    assert foreign_title("À propos", sources("en"), "en") is None
    assert foreign_title("Something else", sources("fr"), "en") is None
    assert foreign_title(None, sources("fr"), "en") is None


def test_links_written_from_the_root_are_read_under_the_site_s_path():
    # A 404 page is served at any address: its links start at the site's root.
    nav = (
        '<a href="/docs/en/guide/setup.html"><span class="md-ellipsis">Mise en place</span></a>'
        '<a href="/en/guide/setup.html"><span class="md-ellipsis">Mise en place</span></a>'
    )
    tagged = titles_in_their_language(nav, "en/404.html", ENTRIES, None, "/docs/")
    assert [lang for _, lang in langs(tagged)] == ["fr", None]


def test_a_table_of_contents_entry_is_a_heading_not_the_page_s_title():
    # On the current page, an entry of its table of contents (`#heading`) may read like the page's
    # title in another language: it is one of the page's headings, in the page's language.
    toc = '<nav class="md-nav--secondary"><a href="#annexe" class="md-nav__link"><span class="md-ellipsis">Installer</span></a></nav>'
    assert titles_in_their_language(toc, PAGE, ENTRIES, None) == toc
    # A link to the page itself, as the navigation writes it, is still its title.
    nav = '<a href="install.html" class="md-nav__link"><span class="md-ellipsis">Installer</span></a>'
    assert langs(titles_in_their_language(nav, PAGE, ENTRIES, None)) == [("Installer", "fr")]


def test_a_link_to_another_site_is_not_a_page_of_this_one():
    nav = '<a href="https://elsewhere.example/docs/en/guide/setup.html"><span class="md-ellipsis">Mise en place</span></a>'
    assert titles_in_their_language(nav, "en/404.html", ENTRIES, None, "/docs/") == nav


def test_a_title_that_is_not_text_reads_as_jinja_prints_it():
    assert title_text(2024) == "2024"


def test_a_fallback_page_whose_front_matter_title_is_a_number_builds_with_it_tagged(tmp_path):
    # YAML reads `title: 2024` as a number; Material prints it, and the build went through before titles had languages.
    project = copy_project(tmp_path / "project")
    (project / f"docs/{DEFAULT_LANGUAGE}/annee.md").write_text("---\ntitle: 2024\n---\n\n# L'année 2024\n\nTexte.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - annee.md\n", encoding="utf-8")
    site = build_site(project, tmp_path / "site", "https://example.org/")
    for language in TRANSLATION_LANGUAGES:
        header = parse(site, f"{folder_prefix(language)}annee.html").css_first('[data-md-component="header-topic"] .md-ellipsis')
        assert (text_of(header, strip=True), header.attributes.get("lang")) == ("2024", DEFAULT_LANGUAGE)


def test_a_footer_link_named_with_the_title_s_words_takes_its_name_from_its_content():
    # The label would be read in the page's language; the content says "Previous" and the title in its own.
    footer = (
        '<a href="setup.html" class="md-footer__link" aria-label="Previous: Mise en place"><div class="md-footer__title">'
        '<span class="md-footer__direction">Previous</span><div class="md-ellipsis">Mise en place</div></div></a>'
        '<a href="../index.html" class="md-footer__link" aria-label="Next: Home"><div class="md-ellipsis">Home</div></a>'
    )
    links = LexborHTMLParser(titles_in_their_language(footer, PAGE, ENTRIES, None)).css("a")
    assert [link.attributes.get("aria-label") for link in links] == [None, "Next: Home"]
    assert [title.attributes.get("lang") for title in links[0].css(".md-ellipsis")] == ["fr"]


def test_a_footer_link_to_a_heading_s_title_with_an_ampersand_takes_its_name_from_its_content():
    # MkDocs escapes a heading's title (`Fish &amp; Chips`), Material prints it raw in the link and
    # escapes it again in the label: the label holds `&amp;` as text, and was kept over the tagged title.
    footer = (
        '<a href="setup.html" class="md-footer__link" aria-label="Next: Fish &amp;amp; Chips"><div class="md-footer__title">'
        '<span class="md-footer__direction">Next</span><div class="md-ellipsis">Fish &amp; Chips</div></div></a>'
    )
    entries = {"en/guide/setup.html": ForeignTitle("Fish & Chips", "fr")}
    link = LexborHTMLParser(titles_in_their_language(footer, PAGE, entries, None)).css_first("a")
    assert "aria-label" not in link.attributes
    assert link.css_first(".md-ellipsis").attributes.get("lang") == "fr"
