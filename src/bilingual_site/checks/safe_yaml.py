"""Load YAML keeping the line of every mapping and value, for errors that point at a line.

Read safely, whoever wrote the file: anchors and aliases are refused (eight nested aliases in
600 bytes expand to gigabytes), so are duplicate keys (YAML keeps the last silently), keys that
are not plain values, and tags other than YAML's plain types (`!!python/object`, `!!binary`,
`!!set`, merge keys `<<`, local `!tags`). Each refusal names the file and the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bilingual_site.errors import InputError, decode_utf8


class LineDict(dict):
    """A mapping that remembers its own line and the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    """A sequence that remembers its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]


# libyaml's C parser when PyYAML was built with it (the wheels are): lock files and front matter
# grow with the site. Also what page_sources.py and sections.py read front matter with.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALARS = yaml.constructor.SafeConstructor()


_STRING_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
# What the safe loader gives plain values and collections: nothing else is read.
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar typed by PyYAML's safe rules (bool, int, date...)."""
    if node.tag == _STRING_TAG:
        return node.value  # what the safe constructor gives a string, without its bookkeeping (most of a lock file)
    return _SCALARS.construct_object(node, deep=True)


def _check_tag(node: yaml.Node) -> None:
    if node.tag == _MERGE_TAG:
        raise _Refused(node.start_mark.line, "merge keys ('<<') are not allowed: write the keys out")
    if node.tag not in PLAIN_TAGS:
        raise _Refused(node.start_mark.line, f"the YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')!r} is not allowed (plain text, numbers, dates, lists and mappings only)")


def _convert(node: yaml.Node, base: int = 1) -> Any:
    """The value of ``node``, each line counted from ``base`` (1, or where the YAML starts in its file)."""
    if node.tag == _STRING_TAG and isinstance(node, yaml.ScalarNode):
        return node.value  # most values of a lock file: what the checks below would give it
    _check_tag(node)
    line = node.start_mark.line + base
    if isinstance(node, yaml.MappingNode):
        result = LineDict()
        result.line = line
        result.key_lines = {}
        for key_node, value_node in node.value:
            _check_tag(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node.start_mark.line, "a key must be a plain value, not a list or a mapping")
            key = _checked_scalar(key_node)
            key_line = key_node.start_mark.line + base
            if key in result:
                raise _Refused(key_node.start_mark.line, f"duplicate key {key!r} (first at line {result.key_lines[key]}; YAML would keep only the last)")
            result[key] = _convert(value_node, base)
            result.key_lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LineList(_convert(child, base) for child in node.value)
        items.line = line
        items.item_lines = [child.start_mark.line + base for child in node.value]
        return items
    return _checked_scalar(node)


def _checked_scalar(node: yaml.Node) -> Any:
    try:
        return _scalar(node)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError) as error:  # '2024-13-40' reads as a date
        raise _Refused(node.start_mark.line, f"{node.value!r} is not a valid {node.tag.rsplit(':', 1)[-1]}") from error


class _Refused(Exception):
    """A node the safe reading refuses, at its 0-based line in the YAML text."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def _refuse_anchors(text: str) -> None:
    """Raise _Refused at the first anchor (`&name`) or alias (`*name`), as the parser's events,
    which carry both with their line, show them. Refusing anchors too (not only aliases) keeps
    data files flat and readable.
    """
    try:
        events = list(yaml.parse(text, Loader=FAST_LOADER))
    except yaml.MarkedYAMLError:
        return  # a syntax error: composing the text reports it, worded by PyYAML's own parser
    for event in events:
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark.line, f"YAML alias '*{event.anchor}' is not allowed: write the value out")
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark.line, f"YAML anchor '&{event.anchor}' is not allowed: write the value out")


def _may_hold_anchors(node: yaml.Node, text: str) -> bool:
    """Whether a node of the tree starts with a property, an anchor ('&') or a tag ('!'): a node's
    mark starts at its first property (libyaml's and PyYAML's alike), and an alias needs an anchor.
    Reading the tree's marks costs a fraction of reading the text's events again."""
    pending, seen = [node], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue  # an alias: its anchor is on a node of the tree too
        seen.add(id(current))
        if text.startswith(("&", "!"), current.start_mark.index):
            return True
        if isinstance(current, yaml.MappingNode):
            pending += [child for pair in current.value for child in pair]
        elif isinstance(current, yaml.SequenceNode):
            pending += current.value
    return False


def _compose(text: str) -> yaml.Node | None:
    """The node tree, fast; on a syntax error, PyYAML's own parser words the message better."""
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def load_yaml_with_lines(path: Path, display_path: str | None = None) -> Any:
    """Parse ``path``; a syntax error, a refused construct or bad UTF-8 raises InputError with the line.

    A UTF-8 byte-order mark at the start is dropped, as MkDocs drops it from pages (utf-8-sig).
    """
    shown = display_path or str(path)
    value = load_yaml_text(decode_utf8(path.read_bytes(), shown), shown)
    if value is None:
        raise InputError(shown, None, "is empty")
    return value


def load_yaml_text(text: str, shown: str, first_line: int = 1) -> Any:
    """Parse YAML ``text`` found at line ``first_line`` of the file ``shown`` (front matter starts
    at line 2); errors name that file and its line. None for a text with no value."""
    try:
        # Anchors and aliases are refused before anything else the text holds, as its events
        # show them; those are read only when the text may hold one: YAML writes an anchor with
        # '&' and an alias with '*', and a node's mark shows the anchor it has.
        try:
            node = _compose(text)
        except yaml.MarkedYAMLError:
            _refuse_anchors(text)  # an undefined alias, a duplicate anchor: refused as such
            raise
        if node is not None and ("&" in text or "*" in text) and _may_hold_anchors(node, text):
            _refuse_anchors(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # An error at the end of the text ("but got '<stream end>'") is shown on its last line.
        last = max(0, len(text.rstrip("\n").split("\n")) - 1)
        line = min(mark.line, last) + first_line if mark else None
        raise InputError(shown, line, f"invalid YAML: {error.problem}") from error
    except _Refused as error:
        raise InputError(shown, error.line + first_line, error.message) from error
    if node is None:
        return None
    try:
        return _convert(node, first_line)
    except _Refused as error:
        raise InputError(shown, error.line + first_line, error.message) from error
