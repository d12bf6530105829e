"""Heading ids of a Markdown page, found in its source with their lines, and their duplicates.

Two headings with the same id make one of them unreachable by link. Python-Markdown keeps
duplicate explicit ids (`{#id}`) as they are, and renames a heading whose text repeats another's
(`intro`, `intro_1`): its anchor then depends on the order of headings, and differs across
languages. Both are reported, with the lines of both headings.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from markdown.extensions.toc import slugify as default_slugify

from bilingual_site.errors import InputError
from bilingual_site.markdown_scan import mask_code, mask_front_matter
from bilingual_site.rendered_html import StartTag, start_tags

_ATX = re.compile(r"^ {0,3}(#{1,6})(.*?)$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HEADING_MARKS = ("#", "=", "-")  # what an ATX heading or a setext underline starts with
_TRAILING_ATTR_LIST = re.compile(r"\s*\{:?([^{}]*)\}\s*$")
_ID_IN_ATTR_LIST = re.compile(r"""(?:^|\s)(?:#([^\s#.{}]+)|id=("[^"]*"|'[^']*'|\S+))""")


@dataclass(frozen=True)
class Heading:
    line: int
    id: str
    explicit: bool


def _plain(text: str) -> str:
    """Heading Markdown as the toc extension sees it: the text of links, images and emphasis, no tags."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(\*+|_{2,}|`+)", "", text)
    return html.unescape(text).strip()


def _heading(line_number: int, raw: str, slugify: Callable[[str, str], str]) -> Heading:
    attr_list = _TRAILING_ATTR_LIST.search(raw)
    if attr_list:
        found = _ID_IN_ATTR_LIST.search(attr_list.group(1))
        if found:
            value = found.group(1) or found.group(2).strip("\"'")
            return Heading(line_number, value, True)
        raw = raw[: attr_list.start()]
    return Heading(line_number, slugify(_plain(raw), "-"), False)


def headings(text: str, slugify: Callable[[str, str], str] = default_slugify, fenced_blocks: bool = True) -> list[Heading]:
    """Every ATX (`## Title`) and setext (underlined) heading outside code, with the id it renders with."""
    lines = mask_code(mask_front_matter(text), fenced_blocks).split("\n")
    found: list[Heading] = []
    for index, line in enumerate(lines):
        if line.lstrip(" ")[:1] not in _HEADING_MARKS:
            continue  # neither kind of heading line: what the two patterns below say, sooner
        atx = _ATX.match(line)
        if atx:
            content = re.sub(r"(^|\s)#+\s*$", "", atx.group(2)).strip()
            found.append(_heading(index + 1, content, slugify))
            continue
        underline = _SETEXT_UNDERLINE.match(line)
        if underline and index > 0 and lines[index - 1].strip() and (index == 1 or not lines[index - 2].strip()):
            previous = lines[index - 1]
            if not previous.lstrip().startswith(("|", "-", "*", "+", ">", "#")):
                found.append(_heading(index, previous.strip(), slugify))
    return found


def duplicate_heading_ids(
    text: str, path: str, slugify: Callable[[str, str], str] = default_slugify, fenced_blocks: bool = True
) -> list[InputError]:
    """One error per heading whose id an earlier heading of the page already has."""
    first: dict[str, Heading] = {}
    errors: list[InputError] = []
    for heading in headings(text, slugify, fenced_blocks):
        earlier = first.setdefault(heading.id, heading)
        if earlier is heading:
            continue
        message = f"duplicate heading id {heading.id!r}, already used on line {earlier.line}"
        if not (heading.explicit and earlier.explicit):
            message += " (headings with the same text get the same id: give each its own {#id})"
        errors.append(InputError(path, heading.line, message))
    return errors


def duplicate_ids_in_html(content: str) -> dict[str, int]:
    """Ids that more than one element of rendered HTML carries, with how many carry each."""
    return duplicate_ids(start_tags(content))


def duplicate_ids(tags: tuple[StartTag, ...]) -> dict[str, int]:
    """duplicate_ids_in_html on the start tags of the rendered HTML, read already."""
    ids = Counter(value for _, attrs in tags for name, value in attrs if name == "id" and value)
    return {value: count for value, count in ids.items() if count > 1}
