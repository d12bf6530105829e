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
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from bilingual_site.errors import LineFinding
from bilingual_site.markdown.model import MarkdownOptions, MarkdownPage, ProseLine, read_markdown

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
# Front matter values a reader sees as text.
TEXT_KEYS = ("title", "description")


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    message: str  # may name the matched mark as {mark}


# Each pattern starts with the space it is about, and looks back past it for what must come before
# (`(?<=\S )`: not a space, then this space): the regex engine then skips to the spaces of a text
# instead of trying every character.
CONVENTIONS: dict[str, tuple[Rule, ...]] = {
    "french": (
        Rule(re.compile(r" (?<=\S )(?P<mark>[:;!?%»])"), "a non-breaking space (U+00A0), not a space, goes before '{mark}'"),
        Rule(re.compile(r"(?P<mark>«) "), "a non-breaking space (U+00A0), not a space, goes after '{mark}'"),
    ),
    "english": (
        # `.`: the space just matched (never a line break).
        Rule(re.compile(rf"[ {NBSP}{NARROW_NBSP}](?<=\w.)(?P<mark>[:;!?])(?=\s|$)"), "no space goes before '{mark}' in English"),
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
    if not rules:
        return found
    for key in keys:
        value = page.meta.get(key)
        if not isinstance(value, str):
            continue
        messages = _messages(rules, value)
        if messages:
            key_lines = page.front_matter.key_lines  # read only when a value has a finding (a cached property)
            # A value without a line of its own (not YAML front matter) is not checked.
            if key in key_lines:
                found += [LineFinding(shown, key_lines[key], message) for message in messages]
    if body:
        found += _prose_findings(rules, page.prose, shown)
    return found


def _prose_findings(rules: tuple[Rule, ...], prose: tuple[ProseLine, ...], shown: str) -> list[LineFinding]:
    """What the rules find in each line of prose, in the order of the lines, then of the rules,
    then of the text. The lines are searched joined by line breaks, one search a rule rather than
    one a line: no rule matches a line break, nor reads one other than as a line's edge (tested)."""
    if not prose:
        return []
    text = "\n".join(line.text for line in prose)
    matches = [(order, rule, match) for order, rule in enumerate(rules) for match in rule.pattern.finditer(text)]
    if not matches:
        return []
    starts = list(accumulate((len(line.text) + 1 for line in prose[:-1]), initial=0))  # where each line starts in the text
    hits = sorted(
        (bisect_right(starts, match.start()) - 1, order, match.start(), rule.message.format(mark=match["mark"]))
        for order, rule, match in matches
    )
    return [LineFinding(shown, prose[index].line, message) for index, _, _, message in hits]


def _messages(rules: tuple[Rule, ...], text: str) -> list[str]:
    """What the rules find in one text, rule by rule, in the order of the text."""
    return [rule.message.format(mark=match["mark"]) for rule in rules for match in rule.pattern.finditer(text)]
