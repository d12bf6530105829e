"""The start tags the rendered-page checks read: the plain-HTML reading gives exactly what html.parser gives."""

from __future__ import annotations

import random
import re

import pytest

from bilingual_site.rendered_html import parsed_start_tags, plain_start_tags, start_tags
from html_pages import built_pages

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def test_plain_html_is_read_as_html_parser_reads_it():
    content = (
        '<h2 id="a&amp;b">T</h2><p>x &lt; y</p><a HREF="https://e.org/?a=1&amp;b=2" title=\'it"s\'>l</a>'
        '<img alt="" src=x.png/><br/><input disabled><td class = "c" >t</td><P Data-X=1>'
    )
    assert plain_start_tags(content) == parsed_start_tags(content)
    assert plain_start_tags(content)[0] == ("h2", (("id", "a&b"),))
    assert ("input", (("disabled", None),)) in plain_start_tags(content)


@pytest.mark.parametrize(
    "content",
    [
        "<!-- <script>alert(1)</script> -->",  # a comment
        "<!DOCTYPE html><p>",
        "<p>1 < 2</p>",  # a `<` that starts no tag
        '<a title="a<b" href="x">',  # a `<` inside a value
        "<script>if (a<b) {}</script>",  # raw text
        "<style>p{}</style>",
        '<a b="x"c="y">',  # html.parser's tolerant readings
        "<a/href=x>",
        "<a href==x>",
        "<a href=x=y>",
        "<p / >",
        "<a href='unclosed>",
        '<a\xa0b="c onclick=alert(1) d">x</a>',  # html.parser's tag name runs on past a no-break space
        '<img\x0bx="y src=javascript:alert(1) z">',
        "<p\x00 onclick=x>",
    ],
)
def test_anything_else_goes_to_html_parser(content):
    assert plain_start_tags(content) is None
    assert start_tags(content) == parsed_start_tags(content)


def test_random_html_reads_the_same_either_way():
    # Fragments of tags, attributes, quotes and text, joined at random: wherever the plain reading
    # gives an answer, it is html.parser's. Seeded, so a failure is repeatable.
    pieces = [
        "<p>", "</p>", "<a", " href=", '"x"', "'y'", "z", ">", "/>", " id", "=", " ", "\n", "<", "&amp;", "&lt;",
        "\xa0", "\x0b", "\x00", "\u2003", " onclick=", "javascript:",
        "<br>", "<div class='a b'>", "</div>", "<script>", "</script>", "<!--", "-->", "ONCLICK", "text", '"', "'",
        "<h2 id=\"t\">", "</h2>", "<img src=a.png alt=\"\"/>", "`", "/", "\t",
    ]
    generator = random.Random(20261127)
    plain_cases = 0
    for _ in range(20000):
        content = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 12)))
        plain = plain_start_tags(content)
        if plain is not None:
            plain_cases += 1
            assert plain == parsed_start_tags(content), content
    assert plain_cases > 2000  # the comparison covered many plain cases, not only fallbacks


def test_the_sites_own_pages_read_the_same_and_mostly_the_fast_way(site):
    plain_pages = 0
    for url in built_pages(site):
        article = ARTICLE.search((site / url).read_text(encoding="utf-8"))
        assert article, url
        plain = plain_start_tags(article.group(1))
        assert start_tags(article.group(1)) == parsed_start_tags(article.group(1)), url
        if plain is not None:
            plain_pages += 1
            assert plain == parsed_start_tags(article.group(1)), url
    assert plain_pages >= len(built_pages(site)) // 2
