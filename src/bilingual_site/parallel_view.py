"""The parallel view of a translated page: original and translation side by side, section by section.

Sections come from sections.py (a heading and its own text, paired across
languages by heading id), their freshness from freshness.py, so the view, the
page's own marks and `translations status` cannot disagree. Everything here is a
pure function of page texts and rendered HTML; hooks/parallel_view.py renders the
Markdown and the template lays the pairs out (overrides/parallel.html).

URLs: the view of translation `T` in interface language `I` is
`<I's folder>parallel/<T>/<page>.html`, e.g. `parallel/en/note.html` (French
interface) and `en/parallel/en/note.html` (English interface). The translation
language is in the path so that a third language adds views without changing
any existing URL.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from typing import Callable

from bilingual_site.freshness import PageStatus
from bilingual_site.sections import Section, parse_page, tables

FOLDER = "parallel"
META_KEY = "parallel_view"  # page meta of a generated view: {page: note.md, translation: en}

# Definitions Python-Markdown applies to the whole page, wherever they stand: reference links
# and abbreviations. Each section is rendered on its own, so every section gets all of them.
_DEFINITION = re.compile(r"^ {0,3}(?:\[[^\]]+\]:\s|\*\[[^\]]+\]:)")
_ID = re.compile(r"(\sid=)([\"'])(.*?)\2")
_URL_ATTRIBUTE = re.compile(r"(\s(?:href|src)=)([\"'])(.*?)\2")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_THEAD_ROW = re.compile(r"<thead>\s*(<tr>.*?</tr>)\s*</thead>", re.S)
_ROW = re.compile(r"<tr>.*?</tr>", re.S)
_HEADER_CELL = re.compile(r"<th(\s[^>]*)?>(.*?)</th>", re.S)


def view_path(page: str, translation: str) -> str:
    """Where a view lives under an interface language's folder: 'note.md', 'en' -> 'parallel/en/note.md'."""
    return f"{FOLDER}/{translation}/{page}"


def is_view(meta: dict) -> bool:
    return bool(meta.get(META_KEY))


# --- Pairing sections ------------------------------------------------------------------------


def paired_ids(original: list[str], translation: list[str]) -> list[str]:
    """Every section id of both pages once, in the original's order; a section only the
    translation has comes right after the section that precedes it in the translation."""
    order = list(dict.fromkeys(original))
    known = set(order)
    previous: str | None = None
    for section_id in translation:
        if section_id not in known:
            at = order.index(previous) + 1 if previous is not None else 0
            order.insert(at, section_id)
            known.add(section_id)
        previous = section_id
    return order


# --- Splitting a section into aligned blocks --------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """A run of a section's Markdown: prose (`text`) or one pipe table (`table`)."""

    kind: str
    markdown: str
    shape: tuple[int, int] = (0, 0)  # (body rows, columns) of a table


def chunks(section_text: str) -> list[Chunk]:
    """The section's text cut around its tables; blank-only runs are dropped."""
    lines = section_text.split("\n")
    found = tables(parse_page(section_text))
    result: list[Chunk] = []
    start = 0
    for table in found:
        first = table.line - 1  # parse_page numbers lines from 1, no front matter here
        last = first + table.rows + 1  # header, delimiter and body rows
        result.append(Chunk("text", "\n".join(lines[start:first])))
        result.append(Chunk("table", "\n".join(lines[first:last]), (table.rows - 1, table.columns)))
        start = last
    result.append(Chunk("text", "\n".join(lines[start:])))
    return [chunk for chunk in result if chunk.markdown.strip()]


def shape(section_chunks: list[Chunk]) -> list[tuple]:
    return [(chunk.kind, chunk.shape) for chunk in section_chunks]


def definitions(text: str) -> str:
    """The page's reference-link and abbreviation definitions, one a line."""
    return "\n".join(line for line in text.split("\n") if _DEFINITION.match(line))


def column_classes(table_markdown: str) -> list[str]:
    """A width class per column from its cells' average length: short columns get a narrow
    fixed width so that long ones (details, definitions) keep the room."""
    rows = [line.strip().strip("|").split("|") for line in table_markdown.strip().split("\n")]
    body = rows[2:] or rows[:1]
    columns = len(rows[0])
    classes = []
    for index in range(columns):
        cells = [re.sub(r"\]\([^)]*\)|[*_`\[\]]", "", row[index]).strip() for row in body if index < len(row)]
        average = sum(len(cell) for cell in cells) / max(len(cells), 1)
        classes.append("narrow" if average <= 12 else "medium" if average <= 40 else "wide")
    if all(name == "wide" for name in classes):
        return ["wide"] * columns
    return classes


def table_blocks(table_html: str, classes: list[str]) -> list[str]:
    """One rendered table cut into aligned blocks: its header row, then one table per body row.

    The header block is what the eye reads (hidden from assistive technology); every row's
    table carries the header again in a visually hidden <thead>, so each cell keeps its header.
    """
    body = _TABLE.search(table_html)
    head = _THEAD_ROW.search(table_html)
    if not body or not head:
        return [table_html]
    header_row = head.group(1)
    rows = _ROW.findall(body.group(1)[head.end() - body.start(1) :])
    cols = "<colgroup>" + "".join(f'<col class="parallel-col--{name}">' for name in classes) + "</colgroup>"
    shown_header = _HEADER_CELL.sub(r"<td\1>\2</td>", header_row)
    blocks = [f'<table class="parallel-table parallel-table--head" role="presentation" aria-hidden="true">{cols}<tbody>{shown_header}</tbody></table>']
    for row in rows:
        blocks.append(
            f'<table class="parallel-table">{cols}<thead class="parallel-visually-hidden">{header_row}</thead><tbody>{row}</tbody></table>'
        )
    return blocks


# --- Rewriting a rendered fragment for its place in the view ----------------------------------


def element_ids(fragment: str) -> set[str]:
    return {match.group(3) for match in _ID.finditer(fragment)}


@dataclass(frozen=True)
class LinkContext:
    """What rewriting a fragment of one language's page needs to know."""

    language: str
    page_url: str  # site-relative URL of that language's page: 'en/note.html'
    view_url: str  # site-relative URL of the view: 'parallel/en/note.html'
    ids: frozenset[str]  # element ids of that language's page in the view, unprefixed
    resolve: Callable[[str], str]  # a docs path in the language folder ('claims.md') -> its site-relative URL

    def prefixed(self, element_id: str) -> str:
        return f"{self.language}-{element_id}"


def relative_url(url: str, from_url: str) -> str:
    """``url`` (site-relative) as a link written on the page at ``from_url``."""
    relative = posixpath.relpath(url, posixpath.dirname(from_url) or ".")
    return relative


def rewrite_fragment(fragment: str, context: LinkContext, source_page: str) -> str:
    """Prefix element ids with the language and make links work from the view's URL.

    ``source_page`` is the page's path in its language folder ('note.md'): relative links in
    the Markdown are relative to it.
    """

    def new_id(match: re.Match) -> str:
        return f"{match.group(1)}{match.group(2)}{context.prefixed(match.group(3))}{match.group(2)}"

    def new_url(match: re.Match) -> str:
        value = html.unescape(match.group(3))
        return f"{match.group(1)}{match.group(2)}{html.escape(link_target(value, context, source_page))}{match.group(2)}"

    return _URL_ATTRIBUTE.sub(new_url, _ID.sub(new_id, fragment))


def link_target(href: str, context: LinkContext, source_page: str) -> str:
    if not href or href.startswith("//") or href.startswith("/") or _SCHEME.match(href):
        return href
    path, hash_mark, anchor = href.partition("#")
    if not path:
        if anchor in context.ids:
            return f"#{context.prefixed(anchor)}"
        return relative_url(context.page_url, context.view_url) + href
    target = posixpath.normpath(posixpath.join(posixpath.dirname(source_page), path))
    return relative_url(context.resolve(target), context.view_url) + (hash_mark + anchor)


def mark_outdated(fragment: str, prefixed_id: str, label: str) -> str:
    """The attribute the page itself puts on a stale section's heading (hooks/translation_status.py)."""
    return re.sub(
        rf'<(h[1-6]) id="{re.escape(prefixed_id)}"',
        lambda match: f'<{match.group(1)} id="{prefixed_id}" data-translation-outdated="{html.escape(label)}"',
        fragment,
        count=1,
    )


# --- The view ---------------------------------------------------------------------------------


@dataclass
class Side:
    language: str
    role: str  # "original" or "translation"
    blocks: list[str] = field(default_factory=list)  # rendered HTML, one grid row each
    missing: bool = False  # the section is not in this side's page
    outdated: bool = False  # translation side: the original changed since it was translated


@dataclass
class Pair:
    id: str
    original: Side
    translation: Side

    @property
    def sides(self) -> list[Side]:
        return [self.original, self.translation]


def build_pairs(
    original: list[Section],
    translation: list[Section],
    render: Callable[[str, str], str],
    status: PageStatus,
    original_language: str,
    translation_language: str,
) -> list[Pair]:
    """The view's pairs, each side's blocks rendered by ``render(language, markdown)`` (HTML,
    ids and links not yet rewritten). Sections whose text splits the same way in both
    languages (prose and tables with the same rows) are cut so that table rows line up."""
    by_id = {
        original_language: {section.id: section for section in reversed(original)},
        translation_language: {section.id: section for section in reversed(translation)},
    }
    stale = set(status.stale_ids)  # marked at the translation's heading when it has the section
    pairs = []
    for section_id in paired_ids([s.id for s in original], [s.id for s in translation]):
        sides = {}
        found = {language: by_id[language].get(section_id) for language in (original_language, translation_language)}
        cut = {language: chunks(section.text) for language, section in found.items() if section}
        aligned = len(cut) == 2 and shape(cut[original_language]) == shape(cut[translation_language])
        classes = [column_classes(chunk.markdown) for chunk in cut.get(original_language, []) if chunk.kind == "table"]
        for language, role in ((original_language, "original"), (translation_language, "translation")):
            side = Side(language, role)
            if language not in cut:
                side.missing = True
            elif aligned:
                tables_seen = 0
                for chunk in cut[language]:
                    rendered = render(language, chunk.markdown)
                    if chunk.kind == "table":
                        side.blocks += table_blocks(rendered, classes[tables_seen])
                        tables_seen += 1
                    else:
                        side.blocks.append(rendered)
            else:
                side.blocks.append(render(language, found[language].text))
            sides[role] = side
        sides["translation"].outdated = section_id in stale and not sides["translation"].missing
        pairs.append(Pair(section_id, sides["original"], sides["translation"]))
    return pairs
