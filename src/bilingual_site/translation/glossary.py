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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from bilingual_site.errors import LineFinding
from bilingual_site.markdown.model import MarkdownOptions, MarkdownPage, Section, read_markdown


@dataclass(frozen=True)
class Term:
    id: str
    renderings: dict[str, str]  # language -> preferred term
    avoid: dict[str, list[str]]  # language -> terms not to use

    @cached_property
    def wordings(self) -> dict[str, Wording]:
        """Each rendering and term to avoid as prose is searched for it, made once a glossary is
        read rather than once a page: the build lints every page with the same terms."""
        written = [*self.renderings.values(), *(avoided for terms in self.avoid.values() for avoided in terms)]
        return {text: Wording.of(text) for text in written if isinstance(text, str)}


APOSTROPHES = "['’]"
# Between two words of a term, in the text: spaces (a line break included), one hyphen, or nothing.
WORD_JOINT = r"(?:\s+|-)?"
PLURAL_ENDING = "(?:s|es|x)?"
# What may not come just before or just after a term: a letter, a digit or a hyphen (a term is whole words).
WORD_CHARACTER = r"[\w-]"
# The letters that a pattern ignoring case matches only to characters whose str.lower() is that
# letter (its capital, and 'K', the Kelvin sign, for k). Not 'i' and 's': ignoring case, the
# regex engine also matches them to 'İ', 'ı' and 'ſ', which lower() spells otherwise. A test holds
# this over every character.
PLAIN_LETTERS = frozenset("abcdefghjklmnopqrtuvwxyz")


@dataclass(frozen=True)
class Wording:
    """A term as prose is searched for it: its pattern, and what of the term's plain letters
    (PLAIN_LETTERS) the text of any match holds, lowercased, in that text's str.lower(): every run
    of them (``letters``), and the first run of its first part (``lead``) at ``lead_offset``
    characters from the start of the match."""

    pattern: re.Pattern
    letters: tuple[str, ...]
    lead: str
    lead_offset: int

    @classmethod
    def of(cls, term: str) -> Wording:
        # Within a part, term_pattern matches each character in a row, each to one character;
        # a plain letter, to a character whose lower() is that letter.
        runs = []
        lead, lead_offset = "", 0
        for number, part in enumerate(part for parts in _term_words(term) for part in parts):
            run = ""
            for index, character in enumerate(part + " "):  # a space ends the last run
                if character.isascii() and character.lower() in PLAIN_LETTERS:
                    run += character.lower()
                elif run:
                    if number == 0 and not lead:
                        lead, lead_offset = run, index - len(run)
                    runs.append(run)
                    run = ""
        return cls(term_pattern(term), tuple(dict.fromkeys(runs)), lead, lead_offset)

    def may_be_in(self, lowered: str) -> bool:
        """False when the text whose str.lower() is ``lowered`` has certainly no match."""
        for run in self.letters:
            if run not in lowered:
                return False
        return True


def _term_words(term: str) -> list[list[str]]:
    """The words of a term as it is matched, each as its hyphenated parts; a qualifier in parentheses left out."""
    return [[part for part in word.split("-") if part] for word in re.sub(r"\([^)]*\)", " ", term).split()]


def term_pattern(term: str) -> re.Pattern:
    """The term as a pattern over prose (text already taken out of the Markdown, not Markdown)."""
    pieces = []
    first = ""  # the pattern of the term's first character
    for parts in _term_words(term):
        for part in parts:
            characters = [APOSTROPHES if character in "'’" else re.escape(character) for character in part]
            first = first or characters[0]
            escaped = "".join(characters)
            pluralizable = len(parts) == 1 and part.isalpha()
            pieces.append(escaped + PLURAL_ENDING if pluralizable else escaped)
    body = WORD_JOINT.join(pieces)
    if not first:
        return re.compile(rf"(?<!{WORD_CHARACTER}){body}(?!{WORD_CHARACTER})", re.IGNORECASE)
    # That the term starts a word is checked once its first character is found, by looking back
    # past that character (`(?<!x.)`: it is never a line break), rather than before every
    # character of the text: the same matches, and a text without the term is read about three
    # times faster (the regex engine tries the first character alone at each position).
    return re.compile(rf"{first}(?<!{WORD_CHARACTER}.){body[len(first):]}(?!{WORD_CHARACTER})", re.IGNORECASE)


class _SectionProse:
    """The prose of a page's sections (MarkdownPage.sections) as one text, its lines joined by line
    breaks as MarkdownPage.prose_text joins them, and each section's span in it: a section's prose
    is searched in place, neither joined again for each term nor read section by section."""

    def __init__(self, page: MarkdownPage) -> None:
        self.page = page
        self.sections: list[Section] = page.sections
        texts = [prose.text for prose in page.prose]
        self.text = "\n".join(texts)
        lines = [prose.line for prose in page.prose]
        starts = list(accumulate([len(text) + 1 for text in texts], initial=0))
        self.spans: list[tuple[int, int] | None] | None = None  # None: each section read alone
        self.filled: list[int] = []  # the sections with prose (their indices)
        self.begins: list[int] = []  # where their spans start, in the same order
        # The model keeps its prose in line order and its sections too: each section's prose is
        # then a run of lines, found by bisection, and the spans follow each other.
        if lines == sorted(lines):
            spans = []
            for section in self.sections:
                first = bisect_left(lines, section.line)
                last = bisect_left(lines, section.end_line, lo=first)
                spans.append((starts[first], starts[last] - 1) if first < last else None)
            self.filled = [index for index, span in enumerate(spans) if span]
            self.begins = [spans[index][0] for index in self.filled]
            if all(before < after for before, after in zip(self.begins, self.begins[1:])):
                self.spans = spans

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    def using(self, wording: Wording) -> set[int]:
        """The sections (their indices) whose prose has a match, as ``pattern.search(page.prose_text(
        section.line, section.end_line))`` finds it; the text is read once, from one match to the
        next, and not at all when it lacks the term's plain letters (a section's prose is part of it)."""
        if not wording.may_be_in(self.lowered):
            return set()
        pattern = wording.pattern
        if self.spans is None:
            return {index for index, section in enumerate(self.sections) if pattern.search(self.page.prose_text(section.line, section.end_line))}
        # A section without prose has the empty text.
        found = {index for index, span in enumerate(self.spans) if span is None} if pattern.search("") else set()
        # From the start of a span, the first match of the whole text: the spans it passes have
        # none. In place, a span's edges read as a lone text's would (a line break or the text's
        # end on either side, which patterns read as the edge of a word), so the match is one of
        # the span it starts in, unless it runs past the span's end, where one of the span alone
        # may still end. Then on from the next span.
        next_span = 0
        while next_span < len(self.begins):
            match = self._search(wording, self.begins[next_span], len(self.text))
            if match is None:
                break
            number = bisect_right(self.begins, match.start()) - 1
            stop = self.spans[self.filled[number]][1]
            if match.start() < stop and (match.end() <= stop or self._search(wording, match.start(), stop)):
                found.add(self.filled[number])
            next_span = number + 1
        return found

    def _search(self, wording: Wording, begin: int, stop: int) -> re.Match | None:
        """``wording.pattern.search(self.text, begin, stop)``, tried only where the lowered text has
        the term's lead letters: ignoring case, the regex engine would try the term at every
        character. Where lower() changed the text's length (a character lowered to two),
        positions in the two texts differ: the pattern searches alone."""
        if not wording.lead or len(self.lowered) != len(self.text):
            return wording.pattern.search(self.text, begin, stop)
        position = begin + wording.lead_offset
        while (position := self.lowered.find(wording.lead, position, stop)) != -1:
            if match := wording.pattern.match(self.text, position - wording.lead_offset, stop):
                return match
            position += 1
        return None


def avoided_terms(page: MarkdownPage, shown: str, language: str, terms: list[Term]) -> list[LineFinding]:
    """Every line of a page whose prose uses a term the glossary says to avoid in ``language``."""
    rules = [(term, avoided, term.wordings[avoided]) for term in terms for avoided in term.avoid.get(language, [])]
    # A term a line uses is found in the page's whole prose too (where a line's edges are line
    # breaks, read as its edges are): a term the page never uses is not looked for line by line.
    whole = "\n".join(prose.text for prose in page.prose) if rules else ""
    lowered = whole.lower()
    rules = [(term, avoided, wording.pattern) for term, avoided, wording in rules if wording.may_be_in(lowered) and wording.pattern.search(whole)]
    found = []
    for prose in page.prose if rules else ():
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
    source, target = _SectionProse(original_page), _SectionProse(translation_page)
    # Each term with its renderings in both languages, and the sections of each page that use them
    # (those of the translation only for a term the original uses).
    pairs = []
    for term in terms:
        if term.renderings.get(original_language) and term.renderings.get(language):
            source_term, target_term = term.renderings[original_language], term.renderings[language]
            using = source.using(term.wordings[source_term])
            if using:
                pairs.append((term, source_term, target_term, using, target.using(term.wordings[target_term])))
    twins = {section.id: index for index, section in enumerate(target.sections)}
    found = []
    for index, section in enumerate(source.sections) if pairs else ():
        twin = twins.get(section.id)
        if twin is None:
            continue  # a missing section is the structure check's business
        for term, source_term, target_term, source_using, target_using in pairs:
            if index in source_using and twin not in target_using:
                found.append(LineFinding(
                    translation_shown, target.sections[twin].line,
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
