"""The glossary and typography lints read a page's prose as one text, searched in place, and look
for a term only where its letters are: each finding must be the one a plain reading finds, line by
line and section by section, with the patterns written the plain way. Checked here on many pages
made at random (a fixed seed) from words chosen to trip those shortcuts: terms broken across lines
and sections, letters that lower() or the regex engine read apart ('İ', 'ı', 'ſ', the Kelvin
sign), apostrophes and hyphens, marks at the edges of lines."""

from __future__ import annotations

import dataclasses
import random
import re
import sys

import pytest

from bilingual_site.markdown.model import ProseLine, read_markdown
from bilingual_site.translation.glossary import PLAIN_LETTERS, Term, lint_pages, term_pattern
from bilingual_site.translation.typography import CONVENTIONS, page_typography
from sitebuild import SITE_MARKDOWN

TERMS = [
    Term("engine", {"fr": "moteur d'inférence", "en": "inference engine"}, {"en": ["inference server"]}),
    Term("weights", {"fr": "modèle à poids ouverts", "en": "open-weight model"}, {"en": ["open-source model"]}),
    Term("hosting", {"fr": "auto-hébergement", "en": "self-hosting"}, {}),
    Term("vllm", {"fr": "vLLM", "en": "vLLM"}, {"en": ["VLLMs"]}),
    Term("sglang", {"fr": "SGLang", "en": "SGLang"}, {}),
    Term("kv", {"fr": "cache KV", "en": "KV cache"}, {"en": ["kv-cache"]}),
    Term("istanbul", {"fr": "İstanbul", "en": "Istanbul"}, {}),
    Term("note", {"fr": "point (note)", "en": "point"}, {}),
    Term("apostrophe", {"fr": "l'hôte", "en": "'host"}, {}),
]
WORDS = {
    "fr": "moteur d'inférence moteurs d’inférence Moteur-d'inférence modèle à poids ouverts modèles à poids "
    "ouverts auto-hébergement autohébergement auto hébergement vLLM vllm VLLMs SGLang ſglang cache KV cache-KV "
    "kv-cache İstanbul istanbul ıstanbul point l'hôte l’hôte hôte le la les et des avec ; : » « -".split(),
    "en": "inference engine Inference-Engine ınference engine İnference engines inference server open-weight "
    "model open weight models openweight open-source model self-hosting ſelf-hosting self hosting vLLM VLLMs "
    "SGLang KV cache kv-cache Istanbul point 'host host the a of and with ; : -".split(),
}


def plain_pattern(term: str) -> re.Pattern:
    """term_pattern with its word-start check written before the term, as it was first written."""
    return re.compile(r"(?<![\w-])" + term_pattern(term).pattern.replace(r"(?<![\w-].)", "", 1), re.IGNORECASE)


def plain_glossary(original, original_shown, original_language, translation, translation_shown, language, terms):
    """What the glossary lint finds, read line by line and section by section."""
    found = []
    for prose in translation.prose:
        for term in terms:
            for avoided in term.avoid.get(language, []):
                if plain_pattern(avoided).search(prose.text):
                    found.append((translation_shown, prose.line, f"'{avoided}' is a term to avoid; the glossary prefers "
                                  f"'{term.renderings.get(language, '')}' (term '{term.id}')"))
    twins = {section.id: section for section in translation.sections}
    for section in original.sections:
        twin = twins.get(section.id)
        for term in terms if twin else ():
            source, target = term.renderings.get(original_language), term.renderings.get(language)
            if source and target and plain_pattern(source).search(original.prose_text(section.line, section.end_line)) \
                    and not plain_pattern(target).search(translation.prose_text(twin.line, twin.end_line)):
                found.append((translation_shown, twin.line, f"section '{section.id}' does not use '{target}' where "
                              f"{original_shown}:{section.line} uses '{source}' (term '{term.id}')"))
    return found


def random_page(rng: random.Random, language: str, sections: list[str]) -> str:
    lines = ["---", "title: Page", "---", ""]
    if rng.random() < 0.5:
        lines += [" ".join(rng.choices(WORDS[language], k=rng.randint(1, 6))), ""]
    for section in sections:
        lines += [f"## {rng.choice(WORDS[language])} {{#{section}}}", ""]
        for _ in range(rng.randint(0, 3)):
            # Lines of one paragraph: a term may run from one line to the next.
            lines += [" ".join(rng.choices(WORDS[language], k=rng.randint(1, 8))) for _ in range(rng.randint(1, 3))] + [""]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(150))
def test_the_glossary_finds_what_a_plain_reading_finds(seed):
    rng = random.Random(seed)
    ids = [f"s{number}" for number in range(rng.randint(0, 5))]
    original = read_markdown(random_page(rng, "fr", ids), SITE_MARKDOWN)
    translation = read_markdown(random_page(rng, "en", rng.sample(ids, len(ids))), SITE_MARKDOWN)
    arguments = (original, "docs/fr/x.md", "fr", translation, "docs/en/x.md", "en", TERMS)
    assert [(finding.path, finding.line, finding.message) for finding in lint_pages(*arguments)] == plain_glossary(*arguments)


@pytest.mark.parametrize("seed", range(20))
def test_prose_out_of_line_order_is_read_section_by_section(seed):
    # The model keeps its prose in line order; prose that is not (another reader's) is still read right.
    rng = random.Random(seed)
    ids = [f"s{number}" for number in range(rng.randint(1, 5))]
    pages = [read_markdown(random_page(rng, language, ids), SITE_MARKDOWN) for language in ("fr", "en")]
    original, translation = (dataclasses.replace(page, prose=tuple(reversed(page.prose))) for page in pages)
    arguments = (original, "docs/fr/x.md", "fr", translation, "docs/en/x.md", "en", TERMS)
    assert [(finding.path, finding.line, finding.message) for finding in lint_pages(*arguments)] == plain_glossary(*arguments)


def test_a_term_broken_across_two_sections_is_in_neither():
    # The prose of the two sections joined reads "moteur\nd'inférence": the term, but in no section.
    original = read_markdown("## Un {#a}\n\nLe moteur\n\n## d'inférence {#b}\n\nTexte.\n", SITE_MARKDOWN)
    translation = read_markdown("## One {#a}\n\nThe engine.\n\n## Two {#b}\n\nText.\n", SITE_MARKDOWN)
    arguments = (original, "docs/fr/x.md", "fr", translation, "docs/en/x.md", "en", TERMS)
    assert plain_glossary(*arguments) == []
    assert lint_pages(*arguments) == []
    # Within one section, the same break is the term.
    original = read_markdown("## Un {#a}\n\nLe moteur\nd'inférence.\n\n## Deux {#b}\n\nTexte.\n", SITE_MARKDOWN)
    assert [finding.line for finding in lint_pages(original, *arguments[1:])] == [1]


def test_the_random_pages_do_trip_the_glossary():
    """The pages above find something, else the comparison would prove nothing."""
    findings = []
    for seed in range(40):
        rng = random.Random(seed)
        ids = [f"s{number}" for number in range(rng.randint(0, 5))]
        original = read_markdown(random_page(rng, "fr", ids), SITE_MARKDOWN)
        translation = read_markdown(random_page(rng, "en", ids), SITE_MARKDOWN)
        findings += lint_pages(original, "docs/fr/x.md", "fr", translation, "docs/en/x.md", "en", TERMS)
    messages = "\n".join(finding.message for finding in findings)
    assert "is a term to avoid" in messages and "does not use" in messages


def test_plain_letters_are_lowered_as_the_regex_engine_matches_them():
    """Ignoring case, the regex engine matches a plain letter only to characters whose lower() is that
    letter: the glossary then looks for a term where the lowered text has its letters. Not so for
    'i' and 's' (left out of PLAIN_LETTERS)."""
    letters = sorted(PLAIN_LETTERS | {letter.upper() for letter in PLAIN_LETTERS})
    any_letter = re.compile(f"[{''.join(letters)}is]", re.IGNORECASE)
    matched = [chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000 and any_letter.fullmatch(chr(code))]
    for character in matched:
        for letter in letters:
            if re.fullmatch(letter, character, re.IGNORECASE):
                assert character.lower() == letter.lower(), (letter, character)
    assert {character for character in matched if not character.isascii()} == {"İ", "ı", "ſ", "\u212a"}


@pytest.mark.parametrize("convention", [name for name, rules in CONVENTIONS.items() if rules])
@pytest.mark.parametrize("seed", range(100))
def test_typography_finds_in_the_joined_prose_what_it_finds_line_by_line(convention, seed):
    rng = random.Random(seed)
    alphabet = ["a", "é", "1", " ", " ", "\u00a0", "\u202f", "\t", ":", ";", "!", "?", "%", "»", "«", "-"]
    lines = tuple(ProseLine(number, "".join(rng.choices(alphabet, k=rng.randint(0, 12)))) for number in range(5, 5 + rng.randint(0, 8)))
    page = dataclasses.replace(read_markdown("# Page\n", SITE_MARKDOWN), prose=lines)
    rules = CONVENTIONS[convention]
    line_by_line = [
        (line.line, rule.message.format(mark=match["mark"])) for line in lines for rule in rules for match in rule.pattern.finditer(line.text)
    ]
    assert [(finding.line, finding.message) for finding in page_typography(page, "x.md", convention, keys=())] == line_by_line


def test_a_front_matter_value_is_reported_at_its_key_line():
    text = "---\ndescription: >\n  Une page\n  sur deux lignes ?\n# a comment\ntitle: Un titre ?\n---\n\n# Titre\n"
    page = read_markdown(text, SITE_MARKDOWN)
    assert [(finding.line, finding.message) for finding in page_typography(page, "x.md", "french")] == [
        (6, "a non-breaking space (U+00A0), not a space, goes before '?'"),
        (2, "a non-breaking space (U+00A0), not a space, goes before '?'"),
    ]
    # MultiMarkdown metadata has no line of its own: its values are not checked.
    assert page_typography(read_markdown("Title: Un titre ?\n\n# Titre\n", SITE_MARKDOWN), "x.md", "french") == []
