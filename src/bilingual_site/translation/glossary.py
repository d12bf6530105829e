"""Glossary lint: translations use the glossary's preferred terms and none of the terms to avoid.

Matching ignores case, treats ' and ’ alike and lets every plain word of a term
take a plural ending, so "moteurs d'inférence" matches the term "moteur
d'inférence" (hyphenated words do not: "open-sources" is a verb, not a plural).
A qualifier in parentheses, as in "production (serving)", is a note for
translators and is not matched. Text in code spans and code blocks is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilingual_site.errors import LineFinding
from bilingual_site.markdown.model import MarkdownOptions, MarkdownPage, Section, read_markdown

APOSTROPHES = "['’]"


@dataclass(frozen=True)
class Term:
    id: str
    renderings: dict[str, str]  # language -> preferred term
    avoid: dict[str, list[str]]  # language -> terms not to use


def term_pattern(term: str) -> re.Pattern:
    plain = re.sub(r"\([^)]*\)", " ", term).split()
    words = [(re.sub("['’]", APOSTROPHES, re.escape(word)), word.isalpha()) for word in plain]
    body = r"\s+".join(f"{word}(?:s|es|x)?" if pluralizable else word for word, pluralizable in words)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def uses(prose: str, term: str) -> bool:
    return bool(term_pattern(term).search(prose))


def avoided_terms(page: MarkdownPage, shown: str, language: str, terms: list[Term]) -> list[LineFinding]:
    """Every line of a page whose prose uses a term the glossary says to avoid in ``language``."""
    found = []
    for prose in page.prose:
        for term in terms:
            for avoided in term.avoid.get(language, []):
                if term_pattern(avoided).search(prose.text):
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
    found = []
    for section in original:
        twin = twins.get(section.id)
        if twin is None:
            continue  # a missing section is the structure check's business
        for term in terms:
            source_term, target_term = term.renderings.get(original_language), term.renderings.get(language)
            if not source_term or not target_term:
                continue
            if uses(original_page.prose_text(section.line, section.end_line), source_term) and not uses(
                translation_page.prose_text(twin.line, twin.end_line), target_term
            ):
                found.append(LineFinding(
                    translation_shown, twin.line,
                    f"section '{section.id}' does not use '{target_term}' where {original_shown}:{section.line} "
                    f"uses '{source_term}' (term '{term.id}')",
                ))
    return found


def lint_pair(original_text: str, original_shown: str, original_language: str,
              translation_text: str, translation_shown: str, language: str, terms: list[Term],
              options: MarkdownOptions) -> list[LineFinding]:
    original = read_markdown(original_text, options)
    translation = read_markdown(translation_text, options)
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
