"""Glossary lint: translations use the glossary's preferred terms and none of the terms to avoid.

Matching ignores case, treats ' and ’ alike and lets every plain word of a term
take a plural ending, so "moteurs d'inférence" matches the term "moteur
d'inférence" (the pieces of a hyphenated word do not: "open-sources" is a verb,
not a plural). Words are matched however they are joined: a space, a hyphen or
nothing between them, so a rule against "open-source models" also finds "open
source models" and "opensource models". A qualifier in parentheses, as in
"production (serving)", is a note for translators and is not matched. Text in
code spans and code blocks is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilingual_site.errors import LineFinding
from bilingual_site.markdown.model import MarkdownOptions, MarkdownPage, Section, read_markdown


@dataclass(frozen=True)
class Term:
    id: str
    renderings: dict[str, str]  # language -> preferred term
    avoid: dict[str, list[str]]  # language -> terms not to use


APOSTROPHES = "['’]"
# Between two words of a term, in the text: spaces (a line break included), one hyphen, or nothing.
WORD_JOINT = r"(?:\s+|-)?"
PLURAL_ENDING = "(?:s|es|x)?"


def term_pattern(term: str) -> re.Pattern:
    """The term as a pattern over prose (text already taken out of the Markdown, not Markdown)."""
    pieces = []
    for word in re.sub(r"\([^)]*\)", " ", term).split():
        parts = [part for part in word.split("-") if part]
        for part in parts:
            escaped = re.sub("['’]", APOSTROPHES, re.escape(part))
            pluralizable = len(parts) == 1 and part.isalpha()
            pieces.append(escaped + PLURAL_ENDING if pluralizable else escaped)
    body = WORD_JOINT.join(pieces)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def avoided_terms(page: MarkdownPage, shown: str, language: str, terms: list[Term]) -> list[LineFinding]:
    """Every line of a page whose prose uses a term the glossary says to avoid in ``language``."""
    rules = [(term, avoided, term_pattern(avoided)) for term in terms for avoided in term.avoid.get(language, [])]  # made once a page
    found = []
    for prose in page.prose:
        for term, avoided, pattern in rules:
            if pattern.search(prose.text):
                preferred = term.renderings.get(language, "")
                found.append(LineFinding(shown, prose.line, f"'{avoided}' is a term to avoid; the glossary prefers '{preferred}' (term '{term.id}')"))
    return found


def missing_preferred_terms(
    original_page: MarkdownPage, original_shown: str, original_language: str,
    translation_page: MarkdownPage, translation_shown: str, language: str, terms: list[Term],
) -> list[LineFinding]:
    """Sections whose original uses a glossary term while their translation lacks the preferred rendering."""
    original: list[Section] = original_page.sections
    twins = {section.id: section for section in translation_page.sections}
    # Each term with its renderings in both languages, as patterns made once a page.
    pairs = [
        (term, term.renderings[original_language], term.renderings[language],
         term_pattern(term.renderings[original_language]), term_pattern(term.renderings[language]))
        for term in terms
        if term.renderings.get(original_language) and term.renderings.get(language)
    ]
    found = []
    for section in original:
        twin = twins.get(section.id)
        if twin is None:
            continue  # a missing section is the structure check's business
        source_prose = original_page.prose_text(section.line, section.end_line)
        target_prose = translation_page.prose_text(twin.line, twin.end_line)
        for term, source_term, target_term, source_pattern, target_pattern in pairs:
            if source_pattern.search(source_prose) and not target_pattern.search(target_prose):
                found.append(LineFinding(
                    translation_shown, twin.line,
                    f"section '{section.id}' does not use '{target_term}' where {original_shown}:{section.line} "
                    f"uses '{source_term}' (term '{term.id}')",
                ))
    return found


def lint_pair(original_text: str, original_shown: str, original_language: str,
              translation_text: str, translation_shown: str, language: str, terms: list[Term],
              options: MarkdownOptions) -> list[LineFinding]:
    return lint_pages(
        read_markdown(original_text, options), original_shown, original_language,
        read_markdown(translation_text, options), translation_shown, language, terms,
    )


def lint_pages(original: MarkdownPage, original_shown: str, original_language: str,
               translation: MarkdownPage, translation_shown: str, language: str, terms: list[Term]) -> list[LineFinding]:
    """lint_pair on pages already read by the Markdown model (the build reads each page once)."""
    return avoided_terms(translation, translation_shown, language, terms) + missing_preferred_terms(
        original, original_shown, original_language, translation, translation_shown, language, terms,
    )


def glossary_terms(entries: list[dict]) -> list[Term]:
    """Terms from the checked entries of data/glossary.yml (reference_data.load_reference_data)."""
    return [
        Term(
            id=str(entry["id"]),
            renderings={language: block["term"] for language, block in entry.items() if language != "id"},
            avoid={language: list(block.get("avoid", [])) for language, block in entry.items() if language != "id"},
        )
        for entry in entries
    ]
