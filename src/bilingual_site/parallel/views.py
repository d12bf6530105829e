"""The parallel view of a translated page: original and translation side by side, section by section.

Each side is cut from its page's own rendered HTML (`page.content`, as the page shows it,
outdated marks included): a section is a top-level heading and what follows it up to the
next one, so sections pair across languages by heading id as in sections.py and
`translations status`. Everything here is a pure function of HTML strings;
hooks/parallel_view.py collects the pages' HTML and writes the views, laid out by
overrides/partials/parallel-view.html inside a page shell shared by the views of a folder depth.

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
from functools import lru_cache

from markupsafe import escape

from bilingual_site.site_urls import relative_url
from bilingual_site.site.security_headers import SCRIPT_ELEMENT

FOLDER = "parallel"
META_KEY = "parallel_view"  # page meta of a views' page shell: {interface: fr, depth: 2}

# Placeholders a view's page shell is rendered with (hooks/parallel_view.py), filled per view by
# PageShell. Material prints the title and canonical URL as they are in some places and our
# partials escape them in others: the apostrophe tells the two apart (escaped, it is `&#39;`).
PLACEHOLDER = "@@parallel-view-"
TITLE = PLACEHOLDER + "title'@@"
CANONICAL = PLACEHOLDER + "canonical'@@"
VIEW_PATH = PLACEHOLDER + "path@@"  # the view's URL under a language folder, in the language switcher's links
BODY = PLACEHOLDER + "body@@"

_ID_OR_URL = re.compile(r"(\s(id|href|src)=)([\"'])(.*?)\3")  # the attributes a view rewrites
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Tags and comments of rendered HTML (quoted attribute values may hold '>'), and elements without an end tag.
_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>", re.S)
_QUOTED_LESS_THAN = re.compile(r"""=\s*(?:"[^"]*<|'[^']*<)""")  # an attribute value that holds a `<` (Python-Markdown writes `&lt;`)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_HEADING = re.compile(r"h[1-6]")
_ID_VALUE = re.compile(r"\sid=\"([^\"]*)\"")
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_THEAD_ROW = re.compile(r"<thead>\s*(<tr>.*?</tr>)\s*</thead>", re.S)
_TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_ROW = re.compile(r"<tr>.*?</tr>", re.S)
_CELL = re.compile(r"<t[hd](?:\s[^>]*)?>(.*?)</t[hd]>", re.S)
_HEADER_CELL = re.compile(r"<th(\s[^>]*)?>(.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]+>")


def view_path(page: str, translation: str) -> str:
    """Where a view lives under an interface language's folder: 'note.md', 'en' -> 'parallel/en/note.md'."""
    return f"{FOLDER}/{translation}/{page}"


def is_view(meta: dict) -> bool:
    return bool(meta.get(META_KEY))


# --- Cutting a page into sections -------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """A run of a section's HTML: prose (`text`) or one top-level table (`table`)."""

    kind: str
    html: str
    shape: tuple[int, int] = (0, 0)  # (body rows, columns) of a table


@dataclass(frozen=True)
class HtmlSection:
    id: str  # the heading's id; '' for what comes before the first heading
    html: str
    chunks: tuple[Chunk, ...]  # the section cut around its top-level tables; blank-only runs dropped


def top_level_tags(content: str):
    """(match, name, closing) of each start and end tag not inside another element (comments skipped).

    A top-level element that holds no element of its own name and no comment is passed over in one
    step, from its start tag to its end tag: the tags inside paragraphs, lists and tables are most
    of a page's. On well-formed HTML this gives what counting its tags gives; in an element whose
    content leaves one open (a `<td>` without its optional end tag, a stray tag), the element still
    ends at its end tag, as a browser ends it, where counting would lose its place for the rest of
    the page.
    """
    depth = 0
    position = 0
    while match := _TAG_OR_COMMENT.search(content, position):
        position = match.end()
        closing, name, attributes = match.groups()
        if name is None:
            continue  # a comment
        name = name.lower()
        if name in _VOID or attributes.rstrip().endswith("/"):
            if depth == 0:  # an element without content, or a stray end tag of one (`</img>`): no depth
                yield match, name, bool(closing)
            continue
        if closing:
            if depth:
                depth -= 1
            if depth == 0:
                yield match, name, True
            continue
        if depth == 0:
            yield match, name, False
            end = _element_end(content, position, name)
            if end is not None:
                yield end, name, True
                position = end.end()
                continue
        depth += 1


def _element_end(content: str, inside: int, name: str) -> re.Match | None:
    """The end tag of the element ``name`` whose content starts at ``inside``, when nothing before it
    could hide another one: no element of that name, no comment, no quoted attribute value that
    holds a `<` (it may hold `</p>`), and the last tag before it closed before it."""
    found = _same_name_or_comment(name).search(content, inside)
    if found is None or not found.group(1):
        return None  # an element of the same name or a comment comes first: its tags are counted
    end = found.start()
    closing = _TAG_OR_COMMENT.match(content, end)
    if closing is None or _QUOTED_LESS_THAN.search(content, inside, end):
        return None
    last_tag = content.rfind("<", inside, end)
    if last_tag >= 0:
        tag = _TAG_OR_COMMENT.match(content, last_tag)
        if tag is None or tag.end() > end:
            return None
    return closing


@lru_cache(maxsize=64)
def _same_name_or_comment(name: str) -> re.Pattern:
    """A start or end tag (group 1: the slash) of elements named ``name``, or a comment's start."""
    return re.compile(rf"<(/?){re.escape(name)}(?![a-zA-Z0-9-])|<!--", re.I)


def html_sections(content: str) -> list[HtmlSection]:
    """The page's HTML cut before each heading that is not inside another element (an admonition,
    a list…), and each section around its tables that are not inside another element either:
    one pass over the page's tags."""
    found: list[HtmlSection] = []
    start, current = 0, ""  # the section being read
    piece_start, table_start = 0, None  # its chunk being read; the open top-level table
    pieces: list[Chunk] = []

    def chunk(kind: str, end: int) -> None:
        text = content[piece_start:end]
        if text.strip():
            pieces.append(Chunk(kind, text, table_shape(text) if kind == "table" else (0, 0)))

    for match, name, closing in top_level_tags(content):
        if name == "table":
            if not closing:
                chunk("text", match.start())
                piece_start, table_start = match.start(), match.start()
            elif table_start is not None:
                chunk("table", match.end())
                piece_start, table_start = match.end(), None
            continue
        heading_id = _ID_VALUE.search(match.group(3)) if not closing and _HEADING.fullmatch(name) else None
        if heading_id:
            chunk("text", match.start())
            found.append(HtmlSection(current, content[start : match.start()], tuple(pieces)))
            start, current, piece_start, pieces = match.start(), heading_id.group(1), match.start(), []
    chunk("text", len(content))
    found.append(HtmlSection(current, content[start:], tuple(pieces)))
    return [section for section in found if section.id or section.html.strip()]


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


def table_shape(table_html: str) -> tuple[int, int]:
    body = _TBODY.search(table_html)
    head = _THEAD_ROW.search(table_html)
    rows = len(_ROW.findall(body.group(1))) if body else 0
    columns = len(_CELL.findall(head.group(1))) if head else 0
    return rows, columns


def shape(section_chunks: tuple[Chunk, ...]) -> list[tuple]:
    return [(chunk.kind, chunk.shape) for chunk in section_chunks]


def column_classes(table_html: str) -> list[str]:
    """A width class per column from its cells' average text length: short columns get a narrow
    fixed width so that long ones (details, definitions) keep the room."""
    body = _TBODY.search(table_html)
    head = _THEAD_ROW.search(table_html)
    rows = [_CELL.findall(row) for row in _ROW.findall(body.group(1))] if body else []
    if not rows and head:
        rows = [_CELL.findall(head.group(1))]
    columns = max((len(row) for row in rows), default=0)
    classes = []
    for index in range(columns):
        cells = [html.unescape(_TAG.sub("", row[index])).strip() for row in rows if index < len(row)]
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


# --- Rewriting a page's fragment for its place in the view ------------------------------------


@dataclass(frozen=True)
class LinkContext:
    """What rewriting a fragment of one language's page needs to know."""

    language: str
    page_url: str  # site-relative URL of that language's page: 'en/note.html'
    view_url: str  # site-relative URL of the view: 'parallel/en/note.html'
    ids: frozenset[str]  # element ids of that language's page in the view, unprefixed

    def prefixed(self, element_id: str) -> str:
        return prefixed_id(self.language, element_id)


def prefixed_id(language: str, element_id: str) -> str:
    """An element id of one side's page as the view has it: 'usage' -> 'en-usage'."""
    return f"{language}-{element_id}"


@dataclass(frozen=True)
class LinkedBlock:
    """A block of a page's HTML cut at its links, its element ids already prefixed with the page's
    language: read once per page, it is written for each view's URL by filling in the links."""

    texts: tuple[str, ...]  # one more than links: the HTML around them, quotes included
    links: tuple[str, ...]  # each href or src value as the page has it, character references read
    ids: tuple[str, ...]  # the element ids it holds, unprefixed

    @classmethod
    def cut(cls, fragment: str, language: str) -> "LinkedBlock":
        if "=" not in fragment:
            return cls((fragment,), (), ())  # no attribute at all: a plain paragraph
        texts: list[str] = []
        links: list[str] = []
        ids: list[str] = []
        text: list[str] = []
        start = 0
        for match in _ID_OR_URL.finditer(fragment):
            attribute, name, quote, value = match.groups()
            text.append(fragment[start : match.start()])
            if name == "id":
                text.append(f"{attribute}{quote}{prefixed_id(language, value)}{quote}")
                ids.append(value)
            else:
                texts.append("".join(text) + attribute + quote)
                text = [quote]
                links.append(html.unescape(value))
            start = match.end()
        text.append(fragment[start:])
        texts.append("".join(text))
        return cls(tuple(texts), tuple(links), tuple(ids))

    def written_for(self, context: LinkContext) -> str:
        """The block as the view at ``context.view_url`` shows it: the page's links made to work from there."""
        if not self.links:
            return self.texts[0]  # most blocks: a paragraph, a table row
        pieces = [self.texts[0]]
        for link, text in zip(self.links, self.texts[1:]):
            pieces += (html.escape(link_target(link, context)), text)
        return "".join(pieces)


def link_target(href: str, context: LinkContext) -> str:
    """A link of the page (relative to the page, as MkDocs wrote it) as a link from the view."""
    if not href or href.startswith("//") or href.startswith("/") or _SCHEME.match(href):
        return href
    path, hash_mark, anchor = href.partition("#")
    path, question_mark, query = path.partition("?")
    rest = question_mark + query + hash_mark + anchor
    if not path:
        if not question_mark and anchor in context.ids:
            return f"#{context.prefixed(anchor)}"
        return relative_url(context.page_url, context.view_url) + rest
    target = posixpath.normpath(posixpath.join(posixpath.dirname(context.page_url), path))
    relative = relative_url(target, context.view_url)
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"  # a folder's URL keeps its slash
    return relative + rest


# --- The view ---------------------------------------------------------------------------------


@dataclass
class Side:
    language: str
    role: str  # "original" or "translation"
    blocks: list[str] = field(default_factory=list)  # the page's HTML, one grid row each
    missing: bool = False  # the section is not in this side's page


@dataclass
class Pair:
    id: str
    original: Side
    translation: Side

    @property
    def sides(self) -> list[Side]:
        return [self.original, self.translation]


@dataclass(frozen=True)
class PageHtml:
    """One side's page: its language, its site-relative URL, its rendered HTML (`page.content`) and
    its front matter title. It is cut into sections by `align`, once however many views show it."""

    language: str
    url: str
    content: str
    title: str | None = None


@dataclass(frozen=True)
class Alignment:
    """Two pages' sections paired and cut into blocks, before any rewriting: the same for every
    interface's view of the pair, so it is worked out once per pair, not once per view."""

    original: PageHtml
    translation: PageHtml
    sections: tuple[tuple[str, tuple[LinkedBlock, ...] | None, tuple[LinkedBlock, ...] | None], ...]  # (id, original's blocks, translation's); None: missing
    # The element ids each side shows in the view, unprefixed. A link to one of them stays in the
    # view; a link to an element the view leaves out (a table's caption) leads to it on its page.
    ids: tuple[frozenset[str], frozenset[str]]


def align(original: PageHtml, translation: PageHtml) -> Alignment:
    """Every section of both pages, paired by id. Sections whose HTML splits the same way in both
    languages (prose and tables with the same rows) are cut so that table rows line up."""
    pages = (original, translation)
    # Not kept on the pages: the alignment is all that is kept of them, and only until the pair's views
    # are written (hooks/parallel_view.py).
    page_sections = [html_sections(page.content) for page in pages]
    by_id = [{section.id: section for section in reversed(sections)} for sections in page_sections]
    aligned_sections = []
    for section_id in paired_ids(*([section.id for section in sections] for sections in page_sections)):
        found = [sections.get(section_id) for sections in by_id]
        aligned = None not in found and shape(found[0].chunks) == shape(found[1].chunks)
        classes = [column_classes(chunk.html) for chunk in found[0].chunks if chunk.kind == "table"] if aligned else []
        blocks: list[tuple[LinkedBlock, ...] | None] = []
        for page, section in zip(pages, found):
            if section is None:
                blocks.append(None)
                continue
            cut: list[str] = []
            if aligned:
                tables_seen = 0
                for chunk in section.chunks:
                    if chunk.kind == "table":
                        cut += table_blocks(chunk.html, classes[tables_seen])
                        tables_seen += 1
                    else:
                        cut.append(chunk.html)
            else:
                cut.append(section.html)
            # Cut block by block: a cut falls between tags, never inside one.
            blocks.append(tuple(LinkedBlock.cut(block, page.language) for block in cut))
        aligned_sections.append((section_id, *blocks))
    ids = tuple(frozenset(element_id for _, *blocks in aligned_sections for block in blocks[side] or () for element_id in block.ids) for side in (0, 1))
    return Alignment(original, translation, tuple(aligned_sections), ids)


def build_pairs(alignment: Alignment, view_url: str) -> list[Pair]:
    """The view's pairs, the pages' links rewritten for ``view_url``."""
    links = [LinkContext(page.language, page.url, view_url, alignment.ids[side]) for side, page in enumerate((alignment.original, alignment.translation))]
    pairs = []
    for section_id, *blocks in alignment.sections:
        sides = []
        for role, context, page_blocks in zip(("original", "translation"), links, blocks):
            side = Side(context.language, role)
            if page_blocks is None:
                side.missing = True
            else:
                side.blocks = [block.written_for(context) for block in page_blocks]
            sides.append(side)
        pairs.append(Pair(section_id, *sides))
    return pairs


# --- The view's page --------------------------------------------------------------------------


@dataclass(frozen=True)
class PageShell:
    """A page shell cut at its placeholders once, so that each view is one join of text, not
    a search through a page that holds the whole navigation."""

    texts: tuple[bytes, ...]  # one more than slots: the shell's text around the placeholders, UTF-8
    slots: tuple[str, ...]  # what goes between two texts: 'title', 'title_escaped', …

    @classmethod
    def parse(cls, shell: str) -> "PageShell":
        """Raises ValueError, with the line, when a placeholder is printed in a way not foreseen here."""
        texts, slots = _cut_at_placeholders(shell)
        for script in SCRIPT_ELEMENT.finditer(shell):
            if _SLOT.search(script.group(0)):
                line = shell.count("\n", 0, script.start()) + 1
                raise ValueError(f"line {line}: a placeholder inside an inline script, whose hash the page's policy already holds")
        for index, text in enumerate(texts):
            left = text.lower().find(_PLACEHOLDER_CORE)  # a template may have changed its case or encoded it
            if left >= 0:
                line = sum(part.count("\n") for part in texts[:index]) + text.count("\n", 0, left) + 1
                raise ValueError(f"line {line}: a placeholder is left in the page shell: {text[left : left + 40]!r}")
        if slots.count("body") != 1:
            raise ValueError(f"the page shell holds the body placeholder {slots.count('body')} times, not once")
        # Encoded once: the shell, with the whole navigation, is most of each view's bytes.
        texts, slots = _cut_at_placeholders(without_indentation(shell))
        return cls(tuple(text.encode("utf-8") for text in texts), tuple(slots))

    def fill(self, title: str, canonical_url: str, view_path: str, body: str) -> bytes:
        """A view's page, UTF-8: Material prints the title and the canonical URL as they are, our partials escape them."""
        values = {
            "title": title,
            "title_escaped": str(escape(title)),
            "canonical": canonical_url,
            "canonical_escaped": str(escape(canonical_url)),
            "view_path": view_path,
            "body": body,
        }
        pieces = [self.texts[0]]
        for slot, text in zip(self.slots, self.texts[1:]):
            pieces += (values[slot].encode("utf-8"), text)
        return b"".join(pieces)


_SLOTS = {
    TITLE: "title",
    str(escape(TITLE)): "title_escaped",
    CANONICAL: "canonical",
    str(escape(CANONICAL)): "canonical_escaped",
    VIEW_PATH: "view_path",
    BODY: "body",
}
_SLOT = re.compile("|".join(re.escape(placeholder) for placeholder in _SLOTS))
# Whitespace between two tags that holds a line break, and the elements whose whitespace counts.
_INDENTATION = re.compile(r">[ \t\r]*\n[ \t\r\n]*<")
_WHITESPACE_KEPT = re.compile(r"<(script|pre|textarea)\b.*?</\1\s*>", re.S | re.I)


def _cut_at_placeholders(shell: str) -> tuple[list[str], list[str]]:
    texts, slots, start = [], [], 0
    for match in _SLOT.finditer(shell):
        texts.append(shell[start : match.start()])
        slots.append(_SLOTS[match.group(0)])
        start = match.end()
    texts.append(shell[start:])
    return texts, slots


def without_indentation(html: str) -> str:
    """``html`` with each run of whitespace between two tags that holds a line break made one line
    break, which a browser lays out the same. Material indents its whole navigation: at 1,000 pages
    that is a third of every view's bytes. Scripts (their hashes), `<pre>` and `<textarea>` are
    left as they are."""
    pieces = []
    position = 0
    for kept in _WHITESPACE_KEPT.finditer(html):
        # Up to the kept element's "<" and from its last ">": whitespace around it is collapsed, not inside.
        pieces.append(_INDENTATION.sub(">\n<", html[position : kept.start() + 1]))
        pieces.append(html[kept.start() + 1 : kept.end() - 1])
        position = kept.end() - 1
    pieces.append(_INDENTATION.sub(">\n<", html[position:]))
    return "".join(pieces)


_PLACEHOLDER_CORE = PLACEHOLDER.strip("@")  # found also when a template URL-encoded or escaped the @ signs
