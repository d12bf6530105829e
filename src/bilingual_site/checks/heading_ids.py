"""Duplicate heading ids of a Markdown page, with their lines; duplicate ids in rendered HTML.

Two headings with the same id make one of them unreachable by link. Python-Markdown keeps
duplicate explicit ids (`{#id}`) as they are, and renames a heading whose text repeats another's
(`intro`, `intro_1`): its anchor then depends on the order of headings, and differs across
languages. Both are reported, with the lines of both headings. Headings and their ids come from
the Markdown model (bilingual_site.markdown.model), that is from the toc extension itself.
"""

from __future__ import annotations

from collections import Counter

from selectolax.lexbor import LexborHTMLParser

from bilingual_site.errors import InputError
from bilingual_site.markdown.model import Heading, MarkdownPage


def duplicate_heading_ids(page: MarkdownPage, path: str) -> list[InputError]:
    """One error per heading whose id (before the toc extension made it unique) an earlier heading
    of the page already has."""
    first: dict[str, Heading] = {}
    errors: list[InputError] = []
    for heading in page.headings:
        earlier = first.setdefault(heading.wanted_id, heading)
        if earlier is heading:
            continue
        message = f"duplicate heading id {heading.wanted_id!r}, already used on line {earlier.line}"
        if not (heading.explicit and earlier.explicit):
            message += " (headings with the same text get the same id: give each its own {#id})"
        errors.append(InputError(path, heading.line, message))
    return errors


def duplicate_ids_in_html(content: str) -> dict[str, int]:
    """Ids that more than one element of rendered HTML carries, with how many carry each (the
    elements are found by Lexbor's own selector engine: only those with an id reach Python)."""
    root = LexborHTMLParser(content).root
    if root is None:
        return {}
    ids = Counter(value for node in root.css("[id]") if (value := node.attributes.get("id")))
    return {value: count for value, count in ids.items() if count > 1}
