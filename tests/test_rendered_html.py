"""The repeated-id check of rendered content reads it as a browser does (Lexbor)."""

from __future__ import annotations

from bilingual_site.checks.heading_ids import duplicate_ids_in_html
from html_pages import built_pages


def test_ids_are_read_with_character_references_decoded():
    assert duplicate_ids_in_html('<h2 id="a&amp;b">T</h2><p id="a&#38;b">x &lt; y</p><input id="c" disabled>') == {"a&b": 2}


def test_what_a_browser_reads_as_markup_is_markup_and_text_stays_text():
    # Comments that close early, as Chromium reads them, hide nothing; a `<` inside a value or a
    # script's text starts no tag.
    assert duplicate_ids_in_html('<h2 id="a">A</h2><!--><h3 id="a">B</h3>-->') == {"a": 2}
    assert duplicate_ids_in_html('<h2 id="a">A</h2><!---><h3 id="a">B</h3>-->') == {"a": 2}
    assert duplicate_ids_in_html('<h2 id="a">A</h2><!-- <h3 id="a">B</h3> -->') == {}
    assert duplicate_ids_in_html('<h2 id="x">A</h2><p title="<h2 id=x>">t</p>') == {}
    assert duplicate_ids_in_html('<h2 id="x">A</h2><script>"<h2 id=x>"</script>') == {}


def test_duplicate_attributes_count_once_as_in_a_browser():
    assert duplicate_ids_in_html('<p id="a" id="b"></p><p id="b"></p>') == {}
    assert duplicate_ids_in_html('<p id="a" id="b"></p><p id="a"></p>') == {"a": 2}


def test_the_sites_own_pages_have_no_repeated_id(site):
    for url in built_pages(site):
        assert duplicate_ids_in_html((site / url).read_text(encoding="utf-8")) == {}, url
