"""Checks on a Markdown page's source that MkDocs would otherwise let through silently."""

from __future__ import annotations

import yaml

from bilingual_site.errors import InputError, decode_utf8
from bilingual_site.yaml_lines import FAST_LOADER



def front_matter_values(text: str):
    """The front matter's YAML; on a syntax error, PyYAML's own parser words the message and line better."""
    try:
        return yaml.load(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError:
        return yaml.safe_load(text)


def check_page_source(raw: bytes, shown_path: str) -> None:
    """Raise InputError for text that is not UTF-8, malformed front matter, or a page with no content."""
    text = decode_utf8(raw, shown_path)
    body = text
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        try:
            end = next(number for number, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "..."))
        except StopIteration:
            raise InputError(shown_path, 1, "front matter is not closed by a '---' line") from None
        try:
            meta = front_matter_values("\n".join(lines[1:end]))
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 2 if mark else 1  # +1 for the opening '---', +1 from 0-based
            raise InputError(shown_path, line, f"malformed front matter: {error.problem}") from error
        if meta is not None and not isinstance(meta, dict):
            raise InputError(shown_path, 2, "front matter must be a mapping of keys to values")
        body = "\n".join(lines[end + 1:])
    if not body.strip():
        raise InputError(shown_path, None, "the page is empty")
