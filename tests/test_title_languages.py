"""`lang` on the titles of fallback pages in Material's header, navigation and footer
(src/bilingual_site/site/title_languages.py), on markup written here as Material writes it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from bilingual_site.site.title_languages import ServedTitle, title_text, titles_in_their_language

PAGE = "en/guide/install.html"
SERVED = {"en/guide/setup.html": ServedTitle(frozenset({"Mise en place"}), "fr"), PAGE: ServedTitle(frozenset({"Installer"}), "fr")}


def langs(markup: str) -> list[tuple[str, str | None]]:
    return [(node.text(strip=True), node.attributes.get("lang")) for node in LexborHTMLParser(markup).css(".md-ellipsis")]


def test_a_link_to_a_fallback_page_under_its_title_gets_the_title_s_language():
    nav = (
        '<ul><li><a href="setup.html" class="md-nav__link"><span class="md-ellipsis">Mise\n  en place</span></a></li>'
        '<li><a href="../index.html" class="md-nav__link"><span class="md-ellipsis">Home</span></a></li></ul>'
    )
    assert langs(titles_in_their_language(nav, PAGE, SERVED)) == [("Mise\n  en place", "fr"), ("Home", None)]


def test_a_section_that_links_to_a_fallback_page_keeps_its_own_name_untagged():
    # navigation.prune: a closed section links to its first page, under the section's name.
    nav = '<li class="md-nav__item--nested"><a href="setup.html" class="md-nav__link"><span class="md-ellipsis">Guide</span></a></li>'
    assert titles_in_their_language(nav, PAGE, SERVED) == nav


def test_the_current_fallback_page_s_header_title_and_navigation_label_are_tagged():
    header = (
        '<div class="md-header__topic"><span class="md-ellipsis">Site</span></div>'
        '<div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis"> Installer </span></div>'
        '<label class="md-nav__link" for="__toc"><span class="md-ellipsis">Installer</span></label>'
        '<label class="md-nav__link" for="__nav_2"><span class="md-ellipsis">Installer</span></label>'
    )
    assert [lang for _, lang in langs(titles_in_their_language(header, PAGE, SERVED))] == [None, "fr", "fr", None]


def test_a_block_with_no_fallback_title_is_returned_exactly_as_written():
    footer = '\n  <a href="../index.html" class="md-footer__link"><div class="md-ellipsis">Home &amp; more</div></a>\n'
    assert titles_in_their_language(footer, PAGE, SERVED) is footer
    assert titles_in_their_language(footer, PAGE, {}) is footer


def test_a_title_that_says_its_language_already_is_left_as_it_is():
    nav = '<a href="setup.html"><span class="md-ellipsis" lang="de">Mise en place</span></a>'
    assert langs(titles_in_their_language(nav, PAGE, SERVED)) == [("Mise en place", "de")]


def test_a_title_with_markup_or_references_reads_as_its_text():
    assert title_text("Le <code>vLLM</code> &amp;  ses   fournisseurs") == "Le vLLM & ses fournisseurs"


def test_everything_in_the_block_is_kept_in_its_place_when_a_title_is_tagged():
    block = '\n<script>var x = 1 < 2;</script><link rel="next" href="setup.html"><a href="setup.html"><span class="md-ellipsis">Mise en place</span></a>'
    tagged = titles_in_their_language(block, PAGE, SERVED)
    assert tagged == block.replace('class="md-ellipsis"', 'class="md-ellipsis" lang="fr"')
