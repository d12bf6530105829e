"""The parallel view of a translated page: original and translation side by side, section by section.

Each side is cut from its page's own rendered HTML (`page.content`, as the page shows it,
outdated marks included), read with Lexbor (selectolax) as a browser reads it inside the page's
article: a section is a top-level heading and what follows it up to the next one, so sections
pair across languages by heading id as in `translations status`. Everything here is a pure
function of HTML strings; the plugin's parallel views collects the pages' HTML and writes the views,
laid out by overrides/partials/parallel-view.html inside a page shell shared by the views of a
folder depth.

URLs: the view of translation `T` in interface language `I` is
`<I's folder>parallel/<T>/<page>.html`, e.g. `parallel/en/note.html` (French
interface) and `en/parallel/en/note.html` (English interface). The translation
language is in the path so that a third language adds views without changing
any existing URL.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from markupsafe import escape
from selectolax.lexbor import LexborHTMLParser, LexborNode

FOLDER = "parallel"
META_KEY = "parallel_view"  # page meta of a views' page shell: {interface: fr, depth: 2}

# Placeholders a view's page shell is rendered with (the plugin's parallel views), filled per view by
# PageShell. Material prints the title and canonical URL as they are in some places and our
# partials escape them in others: the apostrophe tells the two apart (escaped, it is `&#39;`).
PLACEHOLDER = "@@parallel-view-"
TITLE = PLACEHOLDER + "title'@@"
CANONICAL = PLACEHOLDER + "canonical'@@"
VIEW_PATH = PLACEHOLDER + "path@@"  # the view's URL under a language folder, in the language switcher's links
BODY = PLACEHOLDER + "body@@"

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LINK_ATTRIBUTES = ("href", "src")  # the attributes whose URLs a view rewrites
_ID_OR_LINK = ", ".join(f"[{name}]" for name in ("id", *LINK_ATTRIBUTES))


def view_path(page: str, translation: str) -> str:
    """Where a view lives under an interface language's folder: 'note.md', 'en' -> 'parallel/en/note.md'."""
    return f"{FOLDER}/{translation}/{page}"


def is_view(meta: dict) -> bool:
    return bool(meta.get(META_KEY))


# --- Cutting a page into sections -------------------------------------------------------------


def top_level_nodes(content: str) -> list[LexborNode]:
    """The elements, text and comments of a page's HTML that are not inside another element, as a
    browser parses them inside the page's `<article>` (a fragment in a `<div>`). The nodes keep
    their parser alive."""
    root = LexborHTMLParser(content, is_fragment=True).root
    # On a fragment's root, iter() walks the fragment's top-level nodes (selectolax documents it).
    return list(root.iter(include_text=True)) if root is not None else []


def serialized(nodes) -> str:
    return "".join(node.html for node in nodes)


def is_blank(node: LexborNode) -> bool:
    return node.is_text_node and not node.text().strip()


@dataclass(frozen=True)
class Chunk:
    """A run of a section's top-level nodes: prose (`text`) or one top-level table (`table`)."""

    kind: str
    nodes: tuple[LexborNode, ...]
    shape: tuple[int, int] = (0, 0)  # (body rows, columns) of a table

    @property
    def html(self) -> str:
        return serialized(self.nodes)


@dataclass(frozen=True)
class HtmlSection:
    id: str  # the heading's id; '' for what comes before the first heading
    nodes: tuple[LexborNode, ...]
    chunks: tuple[Chunk, ...]  # the section cut around its top-level tables; blank-only runs dropped

    @property
    def html(self) -> str:
        return serialized(self.nodes)


def html_sections(content: str) -> list[HtmlSection]:
    """The page's HTML cut before each heading with an id that is not inside another element (an
    admonition, a list…), and each section around its tables that are not inside another element
    either."""
    found: list[HtmlSection] = []
    current_id, nodes = "", []

    def close_section() -> None:
        if current_id or not all(is_blank(node) for node in nodes):
            found.append(HtmlSection(current_id, tuple(nodes), section_chunks(nodes)))

    for node in top_level_nodes(content):
        heading_id = node.attributes.get("id") if node.tag in HEADINGS else None
        if heading_id:
            close_section()
            current_id, nodes = heading_id, []
        nodes.append(node)
    close_section()
    return found


def section_chunks(nodes: list[LexborNode]) -> tuple[Chunk, ...]:
    chunks: list[Chunk] = []
    run: list[LexborNode] = []

    def close_run() -> None:
        if not all(is_blank(node) for node in run):
            chunks.append(Chunk("text", tuple(run)))
        run.clear()

    for node in nodes:
        if node.tag == "table":
            close_run()
            chunks.append(Chunk("table", (node,), table_shape(node)))
        else:
            run.append(node)
    close_run()
    return tuple(chunks)


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


def children(node: LexborNode, tags: frozenset[str] | set[str]) -> list[LexborNode]:
    return [child for child in node.iter() if child.tag in tags]


def header_row(table: LexborNode) -> LexborNode | None:
    """The first row of the table's own `<thead>`."""
    for head in children(table, {"thead"}):
        for row in children(head, {"tr"}):
            return row
    return None


def body_rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows outside its header, in order (the parser puts bare rows in a `<tbody>`)."""
    return [row for section in children(table, {"tbody", "tfoot"}) for row in children(section, {"tr"})]


def cells(row: LexborNode) -> list[LexborNode]:
    return children(row, {"th", "td"})


def table_shape(table: LexborNode) -> tuple[int, int]:
    head = header_row(table)
    return len(body_rows(table)), len(cells(head)) if head is not None else 0


def shape(section_chunks: tuple[Chunk, ...]) -> list[tuple]:
    return [(chunk.kind, chunk.shape) for chunk in section_chunks]


def column_classes(table: LexborNode) -> list[str]:
    """A width class per column from its cells' average text length: short columns get a narrow
    fixed width so that long ones (details, definitions) keep the room."""
    rows = [cells(row) for row in body_rows(table)]
    head = header_row(table)
    if not rows and head is not None:
        rows = [cells(head)]
    columns = max((len(row) for row in rows), default=0)
    classes = []
    for index in range(columns):
        texts = [row[index].text().strip() for row in rows if index < len(row)]
        average = sum(len(text) for text in texts) / max(len(texts), 1)
        classes.append("narrow" if average <= 12 else "medium" if average <= 40 else "wide")
    if all(name == "wide" for name in classes):
        return ["wide"] * columns
    return classes


# A block is a grid row of one side: HTML written here and nodes of the page's tree, serialized
# when a view is written (after its links were rewritten for that view).
Block = tuple[str | LexborNode, ...]


def shown_header(row: LexborNode) -> LexborNode:
    """A copy of a header row with data cells for header cells: the header the eye reads, above
    the rows, is no header for assistive technology (each row's table carries its own)."""
    parser = row.parser
    copy = row.clone()
    for header_cell in children(copy, {"th"}):
        data_cell = parser.create_node("td")
        for name, value in header_cell.attributes.items():
            data_cell.attrs[name] = value
        for child in list(header_cell.iter(include_text=True)):
            data_cell.insert_child(child, move=True)
        header_cell.replace_with(data_cell, move=True)
    return copy


def table_blocks(table: LexborNode, classes: list[str]) -> list[Block]:
    """One rendered table cut into aligned blocks: its header row, then one table per body row.

    The header block is what the eye reads (hidden from assistive technology); every row's
    table carries the header again in a visually hidden <thead>, so each cell keeps its header.
    """
    head = header_row(table)
    if head is None:
        return [(table,)]
    cols = "<colgroup>" + "".join(f'<col class="parallel-col--{name}">' for name in classes) + "</colgroup>"
    blocks: list[Block] = [
        (f'<table class="parallel-table parallel-table--head" role="presentation" aria-hidden="true">{cols}<tbody>', shown_header(head), "</tbody></table>")
    ]
    for row in body_rows(table):
        blocks.append((f'<table class="parallel-table">{cols}<thead class="parallel-visually-hidden">', head, "</thead><tbody>", row, "</tbody></table>"))
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


def relative_url(url: str, from_url: str) -> str:
    """``url`` (site-relative) as a link written on the page at ``from_url`` (site-relative).
    Both are made absolute first, so relpath does not look up the working directory."""
    return posixpath.relpath("/" + url, "/" + posixpath.dirname(from_url))


def has_scheme(href: str) -> bool:
    """'mailto:a@b.c', 'https://…': a URL that names its scheme (RFC 3986: a letter, then letters, digits, '+', '-', '.')."""
    scheme, colon, _ = href.partition(":")
    return bool(colon) and scheme[:1].isalpha() and scheme.isascii() and all(character.isalnum() or character in "+-." for character in scheme)


def target_anywhere(href: str, language: str, ids: frozenset[str]) -> str | None:
    """A link's target in any view of its page, when it does not depend on where the view is: an
    absolute URL, or an anchor the view shows (prefixed as its element is); else None."""
    if not href or href.startswith("/") or has_scheme(href):
        return href  # the same from anywhere ('//host' starts with '/')
    if href.startswith("#") and href[1:] in ids:
        return f"#{prefixed_id(language, href[1:])}"
    return None


def link_target(href: str, context: LinkContext) -> str:
    """A link of the page (relative to the page, as MkDocs wrote it) as a link from the view."""
    anywhere = target_anywhere(href, context.language, context.ids)
    if anywhere is not None:
        return anywhere
    path, hash_mark, anchor = href.partition("#")
    path, question_mark, query = path.partition("?")
    rest = question_mark + query + hash_mark + anchor
    if not path:
        return relative_url(context.page_url, context.view_url) + rest
    target = posixpath.normpath(posixpath.join(posixpath.dirname(context.page_url), path))
    relative = relative_url(target, context.view_url)
    if path.endswith("/") and not relative.endswith("/"):
        relative += "/"  # a folder's URL keeps its slash
    return relative + rest


@dataclass(frozen=True)
class Link:
    """An element's href or src as the page has it, rewritten in place for each view."""

    element: LexborNode
    attribute: str
    value: str


@dataclass(frozen=True)
class AlignedPage:
    """One side of an alignment: its page, the links that depend on where a view is, and the
    element ids the view shows of it."""

    page: PageHtml
    links: tuple[Link, ...]
    # The element ids the view shows, unprefixed. A link to one of them stays in the view; a link
    # to an element the view leaves out (a table's caption) leads to it on its page.
    ids: frozenset[str]

    def rewrite_links(self, view_url: str) -> None:
        """The page's links made to work from the view at ``view_url``, in the page's tree."""
        context = LinkContext(self.page.language, self.page.url, view_url, self.ids)
        for link in self.links:
            link.element.attrs[link.attribute] = link_target(link.value, context)


def written(block: Block) -> str:
    return "".join(part if isinstance(part, str) else part.html for part in block)


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
    """Two pages' sections paired and cut into blocks: the same for every interface's view of the
    pair, so it is worked out once per pair, not once per view. Writing a view rewrites the
    pages' links in their trees, so an alignment's views are written one after the other."""

    original: AlignedPage
    translation: AlignedPage
    sections: tuple[tuple[str, tuple[Block, ...] | None, tuple[Block, ...] | None], ...]  # (id, original's blocks, translation's); None: missing


def align(original: PageHtml, translation: PageHtml) -> Alignment:
    """Every section of both pages, paired by id. Sections whose HTML splits the same way in both
    languages (prose and tables with the same rows) are cut so that table rows line up."""
    pages = (original, translation)
    # Not kept on the pages: the alignment is all that is kept of them, and only until the pair's views
    # are written (the plugin's parallel views).
    page_sections = [html_sections(page.content) for page in pages]
    by_id = [{section.id: section for section in reversed(sections)} for sections in page_sections]
    aligned_sections = []
    for section_id in paired_ids(*([section.id for section in sections] for sections in page_sections)):
        found = [sections.get(section_id) for sections in by_id]
        aligned = None not in found and shape(found[0].chunks) == shape(found[1].chunks)
        classes = [column_classes(chunk.nodes[0]) for chunk in found[0].chunks if chunk.kind == "table"] if aligned else []
        blocks: list[tuple[Block, ...] | None] = []
        for section in found:
            if section is None:
                blocks.append(None)
                continue
            cut: list[Block] = []
            if aligned:
                tables_seen = 0
                for chunk in section.chunks:
                    if chunk.kind == "table":
                        cut += table_blocks(chunk.nodes[0], classes[tables_seen])
                        tables_seen += 1
                    else:
                        cut.append(chunk.nodes)
            else:
                cut.append(section.nodes)
            blocks.append(tuple(cut))
        aligned_sections.append((section_id, *blocks))
    shown = [[blocks[side] for _, *blocks in aligned_sections if blocks[side] is not None] for side in (0, 1)]
    (original_side, original_per_view), (translation_side, translation_per_view) = (aligned_page(page, blocks) for page, blocks in zip(pages, shown))
    settled = tuple(
        (section_id, settle(original_blocks, original_per_view), settle(translation_blocks, translation_per_view))
        for section_id, original_blocks, translation_blocks in aligned_sections
    )
    return Alignment(original_side, translation_side, settled)


def aligned_page(page: PageHtml, shown: list[tuple[Block, ...]]) -> tuple[AlignedPage, set[int]]:
    """A page's shown blocks made ready for its views: its ids prefixed with its language, the links
    that go to the same place from any view rewritten once; the page's other links, and the nodes
    (mem_id) that hold them."""
    # A header row is in every row's block: its ids are prefixed once (mem_id: the node itself, not its wrapper).
    trees = {node.mem_id: node for blocks in shown for block in blocks for node in block if not isinstance(node, str) and node.is_element_node}
    ids: set[str] = set()
    links: list[tuple[int, Link]] = []
    for tree_id, tree in trees.items():
        for element in tree.css(_ID_OR_LINK):  # the tree's root included
            attributes = element.attributes
            links += [(tree_id, Link(element, name, attributes[name] or "")) for name in LINK_ATTRIBUTES if name in attributes]
            if "id" in attributes:
                element_id = attributes["id"] or ""
                ids.add(element_id)
                element.attrs["id"] = prefixed_id(page.language, element_id)
    shown_ids = frozenset(ids)
    per_view: list[Link] = []
    per_view_trees: set[int] = set()
    for tree_id, link in links:
        anywhere = target_anywhere(link.value, page.language, shown_ids)
        if anywhere is None:
            per_view.append(link)
            per_view_trees.add(tree_id)
        else:
            link.element.attrs[link.attribute] = anywhere
    return AlignedPage(page, tuple(per_view), shown_ids), per_view_trees


def settle(blocks: tuple[Block, ...] | None, per_view_trees: set[int]) -> tuple[Block, ...] | None:
    """The blocks, each written once for all views when none of its links depends on where the view is
    (most: prose, headings and their permalinks); the others are written per view."""
    if blocks is None:
        return None
    return tuple(block if any(not isinstance(part, str) and part.mem_id in per_view_trees for part in block) else (written(block),) for block in blocks)


def build_pairs(alignment: Alignment, view_url: str) -> list[Pair]:
    """The view's pairs, the pages' links rewritten for ``view_url``."""
    aligned_pages = (alignment.original, alignment.translation)
    for side in aligned_pages:
        side.rewrite_links(view_url)
    pairs = []
    for section_id, *blocks in alignment.sections:
        sides = []
        for role, side, page_blocks in zip(("original", "translation"), aligned_pages, blocks):
            if page_blocks is None:
                sides.append(Side(side.page.language, role, missing=True))
            else:
                sides.append(Side(side.page.language, role, [written(block) for block in page_blocks]))
        pairs.append(Pair(section_id, *sides))
    return pairs


# --- The view's page --------------------------------------------------------------------------

# How each placeholder is printed in a page shell, and the value that fills it.
_SLOTS = {
    TITLE: "title",
    str(escape(TITLE)): "title_escaped",
    CANONICAL: "canonical",
    str(escape(CANONICAL)): "canonical_escaped",
    VIEW_PATH: "view_path",
    BODY: "body",
}
_PLACEHOLDER_CORE = PLACEHOLDER.strip("@")  # found also when a template URL-encoded or escaped the @ signs


@dataclass(frozen=True)
class PageShell:
    """A page shell cut at its placeholders once, so that each view is one join of text, not
    a search through a page that holds the whole navigation."""

    texts: tuple[bytes, ...]  # one more than slots: the shell's text around the placeholders, UTF-8
    slots: tuple[str, ...]  # what goes between two texts: 'title', 'title_escaped', …

    @classmethod
    def parse(cls, shell: str) -> "PageShell":
        """Raises ValueError, with the line, when a placeholder is printed in a way not foreseen here."""
        for script in LexborHTMLParser(shell).css("script"):
            # A script's text is not parsed for character references: it is as the shell has it.
            printed = [value for value in (script.text(), *script.attributes.values()) if value and _PLACEHOLDER_CORE in value]
            if printed:
                line = shell.count("\n", 0, max(shell.find(printed[0]), 0)) + 1
                raise ValueError(f"line {line}: a placeholder inside an inline script, whose hash the page's policy already holds")
        texts, slots = _cut_at_placeholders(shell)
        for index, text in enumerate(texts):
            left = text.lower().find(_PLACEHOLDER_CORE)  # a template may have changed its case or encoded it
            if left >= 0:
                line = sum(part.count("\n") for part in texts[:index]) + text.count("\n", 0, left) + 1
                raise ValueError(f"line {line}: a placeholder is left in the page shell: {text[left : left + 40]!r}")
        if slots.count("body") != 1:
            raise ValueError(f"the page shell holds the body placeholder {slots.count('body')} times, not once")
        # Encoded once: the shell, with the whole navigation, is most of each view's bytes.
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


def _cut_at_placeholders(shell: str) -> tuple[list[str], list[str]]:
    """The shell's text around each placeholder printed as _SLOTS knows it, and each one's slot.
    A placeholder printed otherwise stays in the text (PageShell.parse refuses it)."""
    texts, slots, start, position = [], [], 0, shell.find(PLACEHOLDER)
    while position >= 0:
        printed = next((placeholder for placeholder in _SLOTS if shell.startswith(placeholder, position)), None)
        if printed is None:
            position = shell.find(PLACEHOLDER, position + 1)
            continue
        texts.append(shell[start:position])
        slots.append(_SLOTS[printed])
        start = position + len(printed)
        position = shell.find(PLACEHOLDER, start)
    texts.append(shell[start:])
    return texts, slots
