"""Typography lint: the spacing conventions of a language, checked in its pages' prose.

A language opts in with `extra.typography` under its i18n entry in mkdocs.yml
(`french` or `english`). Only what is certainly wrong is reported: a space of the
wrong kind, never a missing one, so URLs, times and code never trip it. Code,
link targets, HTML tags and attribute lists are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilingual_site.line_findings import LineFinding
from bilingual_site.sections import CODE_SPAN, parse_page, prose_lines

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

# What a reader never sees as prose: link targets, autolinks, HTML tags, attribute lists.
HIDDEN = re.compile(r"\]\([^)]*\)|<[^>\n]*>|\{[:#.][^}\n]*\}")


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
}


def _letters(match: re.Match) -> str:
    return "x" * len(match.group(0))


def typography_findings(text: str, shown: str, convention: str) -> list[LineFinding]:
    rules = CONVENTIONS[convention]
    found = []
    for number, line in prose_lines(parse_page(text)):
        # Hidden parts become letters, not spaces, so a real space after a link or code is still seen.
        visible = HIDDEN.sub(_letters, CODE_SPAN.sub(_letters, line))
        for rule in rules:
            for match in rule.pattern.finditer(visible):
                found.append(LineFinding(shown, number, rule.message.format(mark=match["mark"])))
    return found
