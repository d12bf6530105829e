"""The start tags of a page's rendered HTML, parsed once for every check that reads them.

hooks/content_policy.py and hooks/heading_ids.py both read every start tag and its attributes
of each page's rendered content, one after the other, on the same string: the last few parses
are kept, so the second check reuses the first one's.
"""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser

StartTag = tuple[str, tuple[tuple[str, "str | None"], ...]]  # (tag, ((attribute, value), ...)), as html.parser gives them


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[StartTag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(attrs)))

    handle_startendtag = handle_starttag


@lru_cache(maxsize=4)
def start_tags(content: str) -> tuple[StartTag, ...]:
    """Every start (and self-closing) tag of ``content`` in document order, names and attributes lowercased."""
    parser = _StartTags()
    parser.feed(content)
    parser.close()
    return tuple(parser.tags)
