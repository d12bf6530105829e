"""What the build marks in a page's Markdown tree as Python-Markdown renders it: stale sections'
headings on an outdated translation, and each claim's verdict where the note makes it.

Both run as tree processors right after the toc extension (priority 5) has given every heading its
id, so they see the ids the page renders, and before MkDocs rewrites page links (priority 0); no
rendered HTML is read back or rewritten. Each is registered once in the site's Markdown
configuration and marks only the page the plugin hands it, just before MkDocs renders that page.

Outdated headings: the first heading with each stale section's id gets `data-translation-outdated`
(a label, shown by CSS, not a search term).

Claim verdicts:

`data/claims.yml` gives every claim the passage of the note it checks, as an exact quote per
language (`quote: {fr: ..., en: ...}`). While Python-Markdown renders the note, a tree
processor of this module finds each quote in the text of the parsed page (after inline
Markdown, so `**bold**` or a link does not count as text) and puts, in its place:

    <span class="claim-passage" data-claim="ID" data-claim-status="STATUS">the quote</span>
    <a class="claim-verdict" data-claim-verdict="STATUS" href="claims.md#ID">
      <span class="claim-verdict__label">Claim check:</span> Contradicted</a>

The words of the original are those of the source file, unchanged: only elements are added
around and after them. The link is a Markdown page link, so MkDocs turns it into the claims
page's URL and its strict validation checks the anchor. A quote must lie inside one run of text
(it cannot span a link or emphasis) and match exactly once; what did not is reported to the
caller (the plugin stops the build naming data/claims.yml and the line).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from bilingual_site.errors import LineFinding
from bilingual_site.markdown.model import MarkdownOptions, page_text, split_front_matter

# After the inline patterns (20) and toc (5), before MkDocs rewrites page links (priority 0).
PRIORITY = 4
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class PageMarksExtension(Extension):
    """Registered once in the site's Markdown configuration; marks only the page it is handed, just
    before that page is rendered: ``outdated_labels`` (section id -> label) and ``claims`` belong to
    that page, and are emptied for every other."""

    def __init__(self) -> None:
        super().__init__()
        self.outdated_labels: dict[str, str] = {}
        self.claims: PageClaims | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_PageMarks(md, self), "page_marks", PRIORITY)


class _PageMarks(Treeprocessor):
    def __init__(self, md: Markdown, extension: PageMarksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.outdated_labels:
            mark_outdated_headings(root, self.extension.outdated_labels)
        if self.extension.claims is not None:
            mark_claims(root, self.extension.claims)


def mark_outdated_headings(root: etree.Element, labels: dict[str, str]) -> None:
    """`data-translation-outdated` on the first heading with each stale section's id."""
    unmarked = dict(labels)
    for element in root.iter():
        if unmarked and element.tag in HEADINGS and element.get("id") in unmarked:
            element.set("data-translation-outdated", unmarked.pop(element.get("id")))


@dataclass(frozen=True)
class ClaimQuote:
    """One claim's passage in one language, and how its mark reads there."""

    claim: str  # the claim's id: the anchor of its section on the claims page
    status: str
    quote: str
    verdict: str  # the status in the page's language: 'Contredite'
    label: str  # what a screen reader hears first: 'Vérification des affirmations :'
    claims_page: str  # the claims page as a Markdown link target, relative to the note: 'claims.md'


@dataclass
class PageClaims:
    """The quotes to mark on the page being rendered, and how many times each was found."""

    quotes: list[ClaimQuote]
    found: dict[str, int] = field(default_factory=dict)  # claim id -> times its quote matched
    overlapping: list[tuple[str, str]] = field(default_factory=list)  # pairs of claims whose passages overlap


def mark_claims(root: etree.Element, page: PageClaims) -> None:
    """Wrap every quote found once in ``root``'s text; count what was found in ``page.found``."""
    page.found = {quote.claim: 0 for quote in page.quotes}
    matches: list[tuple[tuple[etree.Element, str], int, ClaimQuote]] = []
    for slot in list(_text_slots(root)):
        text = _slot_text(slot)
        for quote in page.quotes:
            start = text.find(quote.quote)
            while start >= 0:
                page.found[quote.claim] += 1
                matches.append((slot, start, quote))
                start = text.find(quote.quote, start + 1)
    by_slot: dict[tuple[etree.Element, str], list[tuple[int, ClaimQuote]]] = {}
    for slot, start, quote in matches:
        if page.found[quote.claim] == 1:
            by_slot.setdefault(slot, []).append((start, quote))
    for found in by_slot.values():
        found.sort(key=lambda item: item[0])
        for (start, quote), (next_start, next_quote) in zip(found, found[1:]):
            if start + len(quote.quote) > next_start:
                page.overlapping.append((quote.claim, next_quote.claim))
    if page.overlapping:
        return  # the caller refuses the page: which words would be whose is not clear
    parents = {child: parent for parent in root.iter() for child in parent}
    for slot, found in by_slot.items():
        _wrap(slot, found, parents)


NOT_PROSE = frozenset({"code", "pre", "script", "style"})


def _text_slots(element: etree.Element):
    """Every (element, 'text' | 'tail') under ``element`` that holds prose, in document order."""
    if element.tag in NOT_PROSE:
        return  # neither its text nor its children's: its tail is its parent's business
    if element.text:
        yield (element, "text")
    for child in element:
        yield from _text_slots(child)
        if child.tail:
            yield (child, "tail")


def _slot_text(slot: tuple[etree.Element, str]) -> str:
    element, where = slot
    return element.text if where == "text" else element.tail


def _wrap(slot: tuple[etree.Element, str], found: list[tuple[int, ClaimQuote]], parents: dict) -> None:
    """Cut the slot's text around each quote, putting the passage and its mark in between."""
    element, where = slot
    text = _slot_text(slot)
    new_nodes: list[etree.Element] = []
    lead = text[: found[0][0]]
    for index, (start, quote) in enumerate(found):
        end = start + len(quote.quote)
        following = found[index + 1][0] if index + 1 < len(found) else len(text)
        passage = etree.Element("span", {"class": "claim-passage", "data-claim": quote.claim, "data-claim-status": quote.status})
        passage.text = quote.quote
        # `data-search-exclude`: Material's search leaves the mark out of the index, which would
        # otherwise hold the verdict glued to the note's words ("ClaudeVérification des affirmations").
        mark = etree.Element(
            "a",
            {"class": "claim-verdict", "data-claim-verdict": quote.status, "data-search-exclude": "", "href": f"{quote.claims_page}#{quote.claim}"},
        )
        label = etree.SubElement(mark, "span", {"class": "claim-verdict__label"})
        label.text = quote.label
        label.tail = " " + quote.verdict
        mark.tail = text[end:following]
        new_nodes += [passage, mark]
    if where == "text":
        element.text = lead
        for offset, node in enumerate(new_nodes):
            element.insert(offset, node)
    else:
        parent = parents[element]
        element.tail = lead
        at = list(parent).index(element) + 1
        for offset, node in enumerate(new_nodes):
            parent.insert(at + offset, node)


def find_claims(text: str, options: MarkdownOptions, page: PageClaims) -> PageClaims:
    """The claims of ``page`` found in a page's source (front matter included) as the build finds
    them: rendered by Python-Markdown with the site's extensions and the claim marks (the tool's
    `check`, which has no MkDocs build to look at)."""
    extension = PageMarksExtension()
    extension.claims = page
    md = Markdown(extensions=[*options.extensions, extension], extension_configs={name: dict(config) for name, config in options.configs.items()})
    md.convert(split_front_matter(page_text(text)).markdown)
    return page


def missing_quote(claim: str, quote_line: int, language: str, page_shown: str, claims_shown: str = "data/claims.yml") -> LineFinding:
    """A claim with no quote in the language of a page that holds the quoted passages."""
    return LineFinding(claims_shown, quote_line, f"claim '{claim}' has no '{language}' quote of {page_shown}")


def claim_mark_problems(
    marked: PageClaims, quote_lines: dict[str, int], language: str, page_shown: str, claims_shown: str = "data/claims.yml"
) -> list[LineFinding]:
    """Every claim whose quote was not found exactly once on the page, and every two that overlap;
    ``quote_lines``: claim id -> the line of its quote in this language."""
    problems = []
    for quote in marked.quotes:
        count = marked.found.get(quote.claim, 0)
        line = quote_lines[quote.claim]
        if count == 0:
            problems.append(LineFinding(
                claims_shown, line,
                f"claim '{quote.claim}': its '{language}' quote is not in {page_shown} (as one run of text): "
                f"{quote.quote!r}. The page changed: check the claim again and update the quote.",
            ))
        elif count > 1:
            problems.append(LineFinding(
                claims_shown, line, f"claim '{quote.claim}': its '{language}' quote is found {count} times in {page_shown}; quote a longer passage"
            ))
    for first, second in marked.overlapping:
        problems.append(LineFinding(claims_shown, quote_lines[first], f"the passages of claims '{first}' and '{second}' overlap in {page_shown}"))
    return problems
