"""Load YAML keeping the line of every mapping and value, for errors that point at a line."""

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


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar typed by PyYAML's safe rules (bool, int, date...)."""
    if node.tag == _STRING_TAG:
        return node.value  # what the safe constructor gives a string, without its bookkeeping (most of a lock file)
    return _SCALARS.construct_object(node, deep=True)


def _convert(node: yaml.Node) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = LineDict()
        result.line = line
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if key in result:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            result[key] = _convert(value_node)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LineList(_convert(child) for child in node.value)
        items.line = line
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items
    return _scalar(node)


class _DuplicateKey(Exception):
    def __init__(self, key: Any, line: int) -> None:
        self.key = key
        self.line = line


def _compose(text: str) -> yaml.Node | None:
    """The node tree, fast; on a syntax error, PyYAML's own parser words the message better."""
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def load_yaml_with_lines(path: Path, display_path: str | None = None) -> Any:
    """Parse ``path``; a syntax error, a duplicate key or bad UTF-8 raises InputError with the line."""
    shown = display_path or str(path)
    text = decode_utf8(path.read_bytes(), shown)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise InputError(shown, line, f"invalid YAML: {error.problem}") from error
    if node is None:
        raise InputError(shown, None, "is empty")
    try:
        return _convert(node)
    except _DuplicateKey as error:
        raise InputError(shown, error.line, f"duplicate key {error.key!r}") from error
