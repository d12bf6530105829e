"""The start tags of a page's rendered HTML, for the checks that read them.

The content policy and the repeated-id check both read every start tag and its attributes of
each page's rendered content; hooks/rendered_page_checks.py reads them once for both.

Python-Markdown writes plain HTML: every `<` in its text is escaped, every attribute quoted.
Such HTML is read by one regular expression, three to four times faster than html.parser, which
calls Python code for each tag and each run of text. Anything else (a comment, a doctype, a
`<` that starts no tag, a script or style element, an attribute html.parser would read in its
own tolerant way) goes to html.parser, so the tags are always the ones html.parser gives.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

StartTag = tuple[str, tuple[tuple[str, "str | None"], ...]]  # (tag, ((attribute, value), ...)), as html.parser gives them

# A tag name as html.parser reads it, whole: it ends only where html.parser ends it, so the pattern
# cannot cut it short at other whitespace (a no-break space) and read the rest as an attribute.
_NAME = r"[a-zA-Z][^\t\n\r\f />\x00]*(?=[\t\n\r\f />])"
_ATTRIBUTE = r"""\s+([^\s/>"'=<][^\s/>"'=<]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""  # group 1 its name, group 2 its value
_ANY_ATTRIBUTE = re.sub(r"\((?!\?)", "(?:", _ATTRIBUTE)  # the same without groups, inside a tag
# A whole start or end tag of the plain subset; group 1 is a start tag's name, group 2 its attributes.
_PLAIN_TAG = re.compile(rf"<(?:/{_NAME}\s*|({_NAME})((?:{_ANY_ATTRIBUTE})*)\s*/?)>")
_PLAIN_ATTRIBUTE = re.compile(_ATTRIBUTE)
_RAW_TEXT_ELEMENTS = frozenset(HTMLParser.CDATA_CONTENT_ELEMENTS)  # their text is not HTML: html.parser's business


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[StartTag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(attrs)))

    handle_startendtag = handle_starttag


def parsed_start_tags(content: str) -> tuple[StartTag, ...]:
    """The start tags html.parser gives, always by html.parser."""
    parser = _StartTags()
    parser.feed(content)
    parser.close()
    return tuple(parser.tags)


def plain_start_tags(content: str) -> tuple[StartTag, ...] | None:
    """The start tags of ``content`` when every `<` in it opens a tag of the plain subset; None otherwise."""
    found = _PLAIN_TAG.findall(content)  # (name, attributes); an end tag has no name
    if len(found) != content.count("<"):
        return None  # a `<` that is not a plain tag's, or one inside an attribute value
    starts = [(name.lower(), attributes) for name, attributes in found if name]
    if any(name in _RAW_TEXT_ELEMENTS for name, _ in starts):
        return None
    return tuple(
        (name, tuple((attribute.lower(), _value(value)) for attribute, value in _PLAIN_ATTRIBUTE.findall(attributes)) if attributes else ())
        for name, attributes in starts
    )


def _value(value: str) -> str | None:
    """An attribute's value as html.parser gives it: no value is None, quotes dropped, character references read."""
    if not value:
        return None
    if value[0] in "\"'":
        value = value[1:-1]
    return html.unescape(value)


def start_tags(content: str) -> tuple[StartTag, ...]:
    """Every start (and self-closing) tag of ``content`` in document order, names and attributes lowercased."""
    plain = plain_start_tags(content)
    return plain if plain is not None else parsed_start_tags(content)
