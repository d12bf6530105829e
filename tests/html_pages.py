"""Reading built pages: parsed HTML, links resolved the way a browser resolves them.

Pages are parsed with Lexbor, the browser-grade parser the site's own code reads HTML with
(selectolax). A document's ``css()`` / ``css_first()`` select as a browser's ``querySelectorAll``
does; on an element, use ``select()`` / ``select_one()`` below, since Lexbor's ``css()`` on a
node also tries the node itself.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from bilingual_site.parallel.views import FOLDER as PARALLEL_FOLDER

# Elements whose text is code or style, not words a reader sees: left out of `text_of()`.
UNREAD_TEXT = frozenset({"script", "style"})


def parse(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url).read_text(encoding="utf-8"))


def select(element: LexborNode, selector: str) -> list[LexborNode]:
    """The elements under ``element`` that match ``selector``, in document order, ``element`` itself left out.

    Selectors match against the whole document, as in a browser: 'main p' finds a <p> under
    ``element`` that is inside a <main> above it.
    """
    return [found for found in element.css(selector) if found != element]


def select_one(element: LexborNode, selector: str) -> LexborNode | None:
    return next(iter(select(element, selector)), None)


def matches(element: LexborNode, selector: str) -> bool:
    """Whether ``element`` itself matches ``selector`` (Lexbor's ``css_matches()`` also says yes
    when only something under the element matches)."""
    first = element.css_first(selector)  # the element comes first in its own subtree
    return first is not None and first == element


def children(element: LexborNode, selector: str = "*") -> list[LexborNode]:
    """The child elements of ``element`` (text and comments left out) that match ``selector``."""
    return [child for child in element.iter() if child.is_element_node and matches(child, selector)]


def ancestor(element: LexborNode, selector: str) -> LexborNode | None:
    """The nearest element enclosing ``element`` that matches ``selector``."""
    parent = element.parent
    while parent is not None and parent.is_element_node:
        if matches(parent, selector):
            return parent
        parent = parent.parent
    return None


def following_sibling(element: LexborNode, selector: str) -> LexborNode | None:
    """The first element after ``element``, under the same parent, that matches ``selector``."""
    sibling = element.next
    while sibling is not None:
        if sibling.is_element_node and matches(sibling, selector):
            return sibling
        sibling = sibling.next
    return None


def select_with_templates(document: LexborHTMLParser, selector: str) -> list[LexborNode]:
    """The document's elements that match ``selector``, then those in its <template>s' content.

    A template's content is outside the document tree (``css()`` never reaches it), but scripts
    clone it into the page (the search fallback's links), so what it holds must work too.
    """
    return document.css(selector) + [found for fragment in document.template_fragments() for found in fragment.css(selector)]


def element_by_id(document: LexborHTMLParser, value: str) -> LexborNode | None:
    """The first element whose id is ``value``, compared as a string (no selector escaping to get wrong)."""
    return next((element for element in document.css("[id]") if element.attributes["id"] == value), None)


def text_of(element: LexborNode, separator: str = "", strip: bool = False) -> str:
    """The text under ``element``: its text nodes joined by ``separator``, the contents of scripts and
    styles under it left out.

    With ``strip``, each text node is stripped and the empty ones are dropped before joining, so
    ``text_of(cell, " ", strip=True)`` gives the cell's words once each, separated by one space
    between nodes. (Lexbor's own ``text()`` keeps script and style contents and, with a
    separator, keeps the empty pieces too.)
    """
    pieces = []
    for node in element.traverse(include_text=True):
        if not node.is_text_node or (node.parent.tag in UNREAD_TEXT and node.parent != element):
            continue
        piece = node.text_content.strip() if strip else node.text_content
        if piece or not strip:
            pieces.append(piece)
    return separator.join(pieces)


def classes(element: LexborNode) -> list[str]:
    """The element's class names, in order (Lexbor gives the attribute as one string)."""
    return (element.attributes.get("class") or "").split()


def built_pages(site: Path) -> list[str]:
    """Site-relative URLs of every content page (404 pages, parallel views and theme assets left out)."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "assets" not in path.parts and path.name != "404.html" and PARALLEL_FOLDER not in path.relative_to(site).parts
    )


def parallel_pages(site: Path) -> list[str]:
    """Site-relative URLs of the parallel views (`parallel/<translation>/<page>` in each language's folder)."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "assets" not in path.parts and PARALLEL_FOLDER in path.relative_to(site).parts
    )


def resolve(page_url: str, href: str) -> str:
    """The site-relative target of a relative link found on ``page_url``."""
    target = href.split("#", 1)[0]
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), target))
    if target.endswith("/") or target == "":
        joined = posixpath.join(joined, "index.html") if target else page_url
    return joined.lstrip("./") if joined != "." else "index.html"


def content_wrapper(document: LexborHTMLParser) -> LexborNode | None:
    return document.css_first("[data-translation-status]")

