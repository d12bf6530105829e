"""The start tags of a page's rendered HTML, as a browser's parser reads them, for the repeated-id check.

Read with selectolax's Lexbor, the HTML5 parser published_html checks whole pages with: a
comment, a `<` that starts no tag or a tolerant attribute spelling is read as a browser reads it.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

StartTag = tuple[str, tuple[tuple[str, "str | None"], ...]]  # (tag, ((attribute, value), ...)), names lowercased

# The parser wraps a fragment in these; they carry attributes only when the fragment wrote them.
_DOCUMENT_ELEMENTS = frozenset({"html", "head", "body"})


def start_tags(content: str) -> tuple[StartTag, ...]:
    """Every element of ``content`` in document order, with its attributes (character references read)."""
    root = LexborHTMLParser(content).root
    if root is None:
        return ()
    return tuple(
        (tag, tuple((name.lower(), value) for name, value in node.attributes.items()))
        for node in root.traverse(include_text=False)
        if node.is_element_node
        for tag in (node.tag.lower(),)
        if tag not in _DOCUMENT_ELEMENTS or node.attributes
    )
