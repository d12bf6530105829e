"""Typography lint: the spacing conventions of a language, checked in its pages' prose.

A language names its convention with `extra.typography` under its i18n entry in mkdocs.yml
(`french`, `english`); a language that names none follows `neutral`, which has no rule. The
build and the tool accept the same names (CONVENTIONS) and word a wrong one the same way
(convention_problem). Only what is certainly wrong is reported: a space of the
wrong kind, never a missing one, so URLs, times and code never trip it. Only prose is read
(bilingual_site.markdown.model): code spans become letters, and code blocks, link targets, HTML
tags and attribute lists are not text a reader sees. The front matter's `title` and
`description` are text a reader sees too (the browser tab, search results, link previews).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilingual_site.errors import LineFinding
from bilingual_site.markdown.model import MarkdownOptions, MarkdownPage, ProseLine, front_matter_key_lines, read_markdown

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
# Front matter values a reader sees as text.
TEXT_KEYS = ("title", "description")


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    message: str  # may name the matched mark as {mark}


CONVENTIONS: dict[str, tuple[Rule, ...]] = {
    "french": (
        Rule(re.compile(r"(?<=\S) (?P<mark>[:;!?%»])"), "a non-breaking space (U+00A0), not a space, goes before '{mark}'"),
        Rule(re.compile(r"(?P<mark>«) "), "a non-breaking space (U+00A0), not a space, goes after '{mark}'"),
    ),
    "english": (
        Rule(re.compile(rf"(?<=\w)[ {NBSP}{NARROW_NBSP}](?P<mark>[:;!?])(?=\s|$)"), "no space goes before '{mark}' in English"),
    ),
    # A language without special rules: nothing is reported until someone writes its rules here.
    "neutral": (),
}
DEFAULT_CONVENTION = "neutral"


def convention_problem(value: object) -> str | None:
    """Why ``value`` is not a convention `extra.typography` may name (None: it is one)."""
    if isinstance(value, str) and value in CONVENTIONS:
        return None
    return f"unknown typography {value!r} (known: {', '.join(CONVENTIONS)}; leave it out for {DEFAULT_CONVENTION!r}, no rule)"


def typography_findings(text: str, shown: str, convention: str, options: MarkdownOptions) -> list[LineFinding]:
    return page_typography(read_markdown(text, options), shown, convention)


def page_typography(
    page: MarkdownPage, shown: str, convention: str, *, keys: tuple[str, ...] = TEXT_KEYS, body: bool = True
) -> list[LineFinding]:
    """The findings on a page read by the Markdown model: the text values of front matter ``keys``,
    then, with ``body``, its prose. An original published as written has only some keys checked."""
    rules = CONVENTIONS[convention]
    found = []
    for text in front_matter_text(page, keys) + (list(page.prose) if body else []):
        for rule in rules:
            for match in rule.pattern.finditer(text.text):
                found.append(LineFinding(shown, text.line, rule.message.format(mark=match["mark"])))
    return found


def front_matter_text(page: MarkdownPage, keys: tuple[str, ...]) -> list[ProseLine]:
    """The text values of front matter ``keys``, each at its key's line."""
    lines = front_matter_key_lines(page.front_matter)
    return [
        ProseLine(lines[key], page.meta[key]) for key in keys if isinstance(page.meta.get(key), str) and key in lines
    ]
