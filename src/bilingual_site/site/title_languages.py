"""The language of the page titles Material prints around a page, where a page is served in another's.

A page with no translation yet is served in the translation's folder from the original's file (a
fallback page): its title is the original's. Material prints that title in its header, in every
navigation entry that leads to the page and in the footer's previous and next links, inside a
document of the interface language. Each such title gets the `lang` of the words it holds, so that
a screen reader speaks it with the right voice and a browser hyphenates and spell-checks it right.

The site's templates pass Material's header, navigation and footer blocks, once rendered, through
``titles_in_their_language``, which reads them with Lexbor (the parser of every check of rendered
HTML). A title is one of Material's `.md-ellipsis` elements; it is a fallback page's title when it
leads to that page (a link, or the current page's own header title and navigation label) and holds
that page's title: a pruned navigation section also links to a page, under the section's own name.
A table of contents holds headings, not titles: the plugin tags those where the page is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

TITLE_CLASS = "md-ellipsis"
CURRENT_PAGE_LABEL = "__toc"  # Material's label of the current page's navigation entry (`for="__toc"`)
HEADER_TOPIC = "header-topic"  # the header's `data-md-component` holding the page's title


@dataclass(frozen=True)
class ServedTitle:
    """A page served in another language than its folder's: its titles and the language they are in."""

    titles: frozenset[str]  # as a reader sees them: white space collapsed, references decoded
    language: str


def reader_text(text: str) -> str:
    """Text with its white space collapsed, as it reads."""
    return " ".join(text.split())


def title_text(title: str) -> str:
    """What a reader sees of a title Material prints as it is (a page's, possibly with markup)."""
    body = LexborHTMLParser(title).body
    return reader_text(body.text(deep=True) if body is not None else "")


def titles_in_their_language(markup: str, page_url: str, served: dict[str, ServedTitle]) -> str:
    """``markup`` (a rendered block of Material's page template) with `lang` on each title of a page
    in ``served``; unchanged, character for character, when it holds none.

    ``page_url``: the site-relative URL of the page being rendered ('en/part/page.html'), against
    which links are resolved; ``served``: site-relative page URL -> its titles and their language.
    """
    if not served:
        return markup
    # Read in the body, where the block is: an element that starts it (a <script>, a <link>) stays
    # there rather than going to a <head> the parser would make around it.
    document = LexborHTMLParser("<body>" + markup)
    body = document.body
    if body is None:
        return markup
    changed = False
    for title in body.css(f".{TITLE_CLASS}"):
        target = served.get(_page_led_to(title, page_url) or "")
        if target is None or "lang" in title.attributes:
            continue
        if reader_text(title.text(deep=True)) in target.titles:
            title.attrs["lang"] = target.language
            changed = True
    return body.inner_html if changed else markup


def _page_led_to(title: LexborNode, page_url: str) -> str | None:
    """The site-relative URL of the page a title stands for: its link's target, or the current page
    for the header's title and the current page's navigation label; None for any other title."""
    node = title.parent
    while node is not None and node.is_element_node:
        attributes = node.attributes
        if node.tag == "a":
            href = attributes.get("href")
            if not href:
                return None
            path = urlsplit(urljoin(page_url, href)).path
            return path + "index.html" if path.endswith("/") else path  # a folder's page
        if node.tag == "label":
            return page_url if attributes.get("for") == CURRENT_PAGE_LABEL else None
        if attributes.get("data-md-component") == HEADER_TOPIC:
            return page_url
        node = node.parent
    return None
