"""Typography lint: the spacing conventions of a language, checked in its pages' prose.

A language names its convention with `extra.typography` under its i18n entry in mkdocs.yml
(`french`, `english`); a language that names none follows `neutral`, which has no rule. The
build and the tool accept the same names (CONVENTIONS) and word a wrong one the same way
(convention_problem). Only what is certainly wrong is reported: a space of the
wrong kind, never a missing one, so URLs, times and code never trip it. Only prose is read
(bilingual_site.markdown.model): code spans become letters, and code blocks, link targets, HTML
tags and attribute lists are not text a reader sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilingual_site.errors import LineFinding
from bilingual_site.markdown.model import MarkdownOptions, read_markdown

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

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
    rules = CONVENTIONS[convention]
    found = []
    for prose in read_markdown(text, options).prose:
        for rule in rules:
            for match in rule.pattern.finditer(prose.text):
                found.append(LineFinding(shown, prose.line, rule.message.format(mark=match["mark"])))
    return found
