"""The start tags the repeated-id check reads: a browser's reading of the rendered content (Lexbor)."""

from __future__ import annotations

from bilingual_site.checks.heading_ids import duplicate_ids_in_html
from bilingual_site.checks.heading_ids import start_tags
from html_pages import built_pages


def test_tags_and_attributes_are_read_with_character_references_decoded():
    content = '<h2 id="a&amp;b">T</h2><p>x &lt; y</p><a HREF="https://e.org/?a=1&amp;b=2" title=\'it"s\'>l</a><input disabled>'
    assert start_tags(content) == (
        ("h2", (("id", "a&b"),)),
        ("p", ()),
        ("a", (("href", "https://e.org/?a=1&b=2"), ("title", 'it"s'))),
        ("input", (("disabled", None),)),
    )


def test_what_a_browser_reads_as_markup_is_markup_and_text_stays_text():
    # Comments that close early, as Chromium reads them, hide nothing; a `<` inside a value or a
    # script's text starts no tag.
    assert [tag for tag, _ in start_tags('<!--><h2 id="x">a</h2>-->')] == ["h2"]
    assert [tag for tag, _ in start_tags('<!---><h2 id="x">a</h2>-->')] == ["h2"]
    assert [tag for tag, _ in start_tags('<p title="<h2 id=x>">t</p>')] == ["p"]
    assert [tag for tag, _ in start_tags('<script>"<h2 id=x>"</script>')] == ["script"]
    assert duplicate_ids_in_html('<h2 id="a">A</h2><!--><h3 id="a">B</h3>-->') == {"a": 2}
    assert duplicate_ids_in_html('<h2 id="a">A</h2><!-- <h3 id="a">B</h3> -->') == {}


def test_duplicate_attributes_count_once_as_in_a_browser():
    assert start_tags('<p id="a" id="b">') == (("p", (("id", "a"),)),)


def test_the_sites_own_pages_have_no_repeated_id(site):
    for url in built_pages(site):
        ids = [value for _, attributes in start_tags((site / url).read_text(encoding="utf-8")) for name, value in attributes if name == "id" and value]
        assert len(ids) == len(set(ids)), url
