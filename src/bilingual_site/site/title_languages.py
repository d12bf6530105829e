"""The language of the page titles Material prints around a page, where one is not the page's own.

Material prints a page's title in its header, in every navigation entry that leads to the page and
in the footer's previous and next links. In a language's pages, such a title can be in another
language than the document: a page with no translation yet (a fallback page) is served from the
original's file, with the original's title; a label of mkdocs.yml's `nav:` that a language's
`nav_translations` does not translate is shown in the original's words. Each such title gets the
`lang` of its words, so that a screen reader speaks it with the right voice and a browser
hyphenates it right.

The site's templates pass Material's header and footer blocks, once rendered, through
``titles_in_their_language``, which reads them with Lexbor (the parser of every check of rendered
HTML), where one holds such a title. Navigation entries, on every page, get theirs without a parse:
the plugin gives each such page Material's own `typeset` title (partials/nav-item.html prints it
in place of the title), the title in an element with its `lang`.

In the blocks read, a title is one of Material's `.md-ellipsis` elements; it is a page's title when
it leads to the page (a link, or the current page's header title and navigation label) and holds
the words Material shows for it: a pruned navigation section also links to a page, under the
section's name.
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
class ForeignTitle:
    """A title as a reader sees it (white space collapsed, references decoded) and its language."""

    text: str
    language: str


@dataclass(frozen=True)
class TitleSources:
    """Where the title of a page, as Material shows it, can come from, and in which language each is.

    ``own``: the titles the page's file gives it (front matter, first level-1 heading), in
    ``content_language``; ``translated_labels``: the values of this language's `nav_translations`;
    ``original_labels``: the labels mkdocs.yml's `nav:` gives, in ``original_language``.
    """

    own: frozenset[str]
    content_language: str
    translated_labels: frozenset[str]
    original_labels: frozenset[str]
    original_language: str


def reader_text(text: str) -> str:
    """Text with its white space collapsed, as it reads."""
    return " ".join(text.split())


def title_text(title: object) -> str:
    """What a reader sees of a title Material prints as it is (a page's, possibly with markup). A front
    matter `title: 2024` is a number, which Jinja prints as its text."""
    body = LexborHTMLParser(str(title)).body
    return reader_text(body.text(deep=True) if body is not None else "")


def title_language(shown: str, sources: TitleSources) -> str | None:
    """The language of a title as a reader sees it (title_text), or None when nothing says which it is.

    A label this language's `nav_translations` gives is this language's, even when it reads like
    the page's own title; then the page's own titles; then the original labels of `nav:`."""
    if shown in sources.translated_labels:
        return None
    if shown in sources.own:
        return sources.content_language
    if shown in sources.original_labels:
        return sources.original_language
    return None


def foreign_title(title: str | None, sources: TitleSources, document_language: str) -> ForeignTitle | None:
    """``title`` with its language, when that is known and is not the document's."""
    if not title:
        return None
    shown = title_text(title)
    language = title_language(shown, sources)
    if language is None or language == document_language:
        return None
    return ForeignTitle(shown, language)


def titles_in_their_language(
    markup: str, page_url: str, entries: dict[str, ForeignTitle], header: ForeignTitle | None, site_path: str = "/"
) -> str:
    """``markup`` (a rendered block of Material's page template) with `lang` on each title in another
    language than the document's; unchanged, character for character, when it holds none.

    ``page_url``: the site-relative URL of the page being rendered ('en/part/page.html'), against
    which links are resolved; ``entries``: site-relative page URL -> its title in navigation entries
    and footer links, for those in another language; ``header``: the current page's header title,
    when it is in another language; ``site_path``: the path the site is served under ('/docs/'),
    for links written from the root (a 404 page's, served at any address).
    """
    if not entries and header is None:
        return markup
    # Read in the body, where the block is: an element that starts it (a <script>, a <link>) stays
    # there rather than going to a <head> the parser would make around it.
    document = LexborHTMLParser("<body>" + markup)
    body = document.body
    if body is None:
        return markup
    changed = False
    for title in body.css(f".{TITLE_CLASS}"):
        if "lang" in title.attributes:
            continue
        url, in_header = _page_led_to(title, page_url, site_path)
        expected = header if in_header else entries.get(url or "")
        if expected is not None and reader_text(title.text(deep=True)) == expected.text:
            title.attrs["lang"] = expected.language
            _name_from_content(title, expected.text)
            changed = True
    return body.inner_html if changed else markup


def _name_from_content(title: LexborNode, text: str) -> None:
    """Let a screen reader take a link's name from its content, where the title now says its
    language: Material labels its footer links with the same words (`aria-label="Previous: Été"`),
    and a label, which has no language of its own, is read instead of the content. Material escapes
    the title it puts in the label (`| e`) though it prints it raw in the content: a title from a
    heading, already escaped by MkDocs (`Fish &amp; Chips`), is in the label as its escaped text, so
    the label is read as the title is (title_text)."""
    node = title.parent
    while node is not None and node.is_element_node and node.tag != "a":
        node = node.parent
    if node is not None and node.tag == "a" and text in title_text(node.attributes.get("aria-label") or ""):
        del node.attrs["aria-label"]


def _page_led_to(title: LexborNode, page_url: str, site_path: str) -> tuple[str | None, bool]:
    """The site-relative URL of the page a title stands for, and whether it is the header's title:
    a link's target, or the current page for the header and the current page's navigation label.
    A link to a part of a page (a table of contents' `#heading`) stands for a heading, not a page."""
    node = title.parent
    while node is not None and node.is_element_node:
        attributes = node.attributes
        if node.tag == "a":
            href = attributes.get("href")
            if not href:
                return None, False
            target = urlsplit(urljoin(page_url, href))
            if target.scheme or target.netloc or target.fragment:
                return None, False  # another site's page, or a heading
            path = target.path
            if path.startswith("/"):  # written from the site's root (a 404 page's links)
                if not path.startswith(site_path):
                    return None, False
                path = path[len(site_path) :]
            return (path + "index.html" if path.endswith("/") or not path else path), False  # a folder's page
        if node.tag == "label":
            return (page_url if attributes.get("for") == CURRENT_PAGE_LABEL else None), False
        if attributes.get("data-md-component") == HEADER_TOPIC:
            return page_url, True
        node = node.parent
    return None, False
