"""One model of a Markdown page, read by Python-Markdown itself with the site's own extensions.

Every part of the project that reads Markdown (section fingerprints, structural parity, heading-id
checks, outdated marks, the content policy, glossary and typography lints, the external link list)
reads it here, so none of them can disagree with what MkDocs renders:

- the front matter is split off the way MkDocs does it (mkdocs.utils.meta.get_data, replicated
  here because this module must work in the translation tool, without MkDocs; a test holds the two
  equal);
- the body is converted by ``markdown.Markdown(extensions=..., extension_configs=...)`` configured
  exactly as mkdocs.yml's ``markdown_extensions`` (MkDocs' own builtins toc, tables and fenced_code
  included); MkDocs' internal extensions only rewrite URLs and collect anchors, so they are left out;
- headings, their ids (the toc extension's), links, images, tables, code blocks, admonitions and
  raw HTML come from the parsed element tree; raw HTML, which Python-Markdown stashes unparsed, is
  read with selectolax's Lexbor parser;
- source lines come from what Python-Markdown's own block processors matched: each processor of
  this model's Markdown instance is wrapped so that the block it handles is located, in order, in
  the page's lines. Nothing here is a second Markdown grammar.

Line numbers are 1-based and count the front matter, so they match what an editor shows.
"""

from __future__ import annotations

import hashlib
import html
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

import markdown
import yaml
from markdown.extensions import Extension
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.toc import strip_tags
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER
from selectolax.lexbor import LexborHTMLParser

# MkDocs always enables these, before the ones mkdocs.yml lists (mkdocs.config.defaults:
# `markdown_extensions = MarkdownExtensions(builtins=['toc', 'tables', 'fenced_code'])`).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
# Attributes whose value a browser loads or navigates to.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "data", "poster", "cite", "background", "xlink:href", "srcset", "ping", "longdesc"}
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Raw HTML elements whose content is not prose a reader sees as text.
NOT_PROSE_ELEMENTS = frozenset({"script", "style", "code", "pre", "template", "textarea"})
_FRONT_MATTER_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the loader MkDocs' get_data uses
_STASH_PREFIX, _STASH_SUFFIX = HTML_PLACEHOLDER.split("%s")
_META_KEY_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


# --- configuration ---------------------------------------------------------


@dataclass(frozen=True)
class MarkdownOptions:
    """The Markdown extensions a page is rendered with, and their configurations."""

    extensions: tuple[Any, ...]  # names ('toc', 'pymdownx.superfences') or Extension instances
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_mkdocs_yml(cls, markdown_extensions: Sequence[Any] | None) -> MarkdownOptions:
        """The options MkDocs builds from mkdocs.yml's ``markdown_extensions`` entry: a list of names,
        each alone or as a one-key mapping to its configuration, after MkDocs' builtins."""
        names: list[str] = list(MKDOCS_BUILTIN_EXTENSIONS)
        configs: dict[str, dict] = {}
        for entry in markdown_extensions or []:
            if isinstance(entry, dict):
                if len(entry) != 1:
                    raise ValueError(f"markdown_extensions: one extension per entry, not {sorted(entry)}")
                (name, config), = entry.items()
                if config is not None:
                    configs[name] = dict(config)
            else:
                name = entry
            if name not in names:
                names.append(name)
        return cls(tuple(names), configs)


# --- front matter ----------------------------------------------------------


@dataclass(frozen=True)  # not slotted: its key lines are a cached property, read only when a finding names one
class FrontMatter:
    """A page split the way MkDocs splits it (mkdocs.utils.meta.get_data)."""

    meta: dict  # MkDocs' page.meta: the YAML mapping, or MultiMarkdown-style keys, or {}
    yaml_text: str  # the YAML between the fences ('' without YAML front matter)
    yaml_line: int  # the line of the opening fence, 0 without YAML front matter
    body_start: int  # the line of the first line after the front matter (body lines start there)
    body_lines: tuple[str, ...]  # every line after the front matter, blank ones included
    markdown: str  # what MkDocs renders: the body without its leading blank lines

    @cached_property
    def key_lines(self) -> dict[str, int]:
        """The line each top-level key of the YAML front matter is written on (none without YAML
        front matter). Worked out when first asked for, which is when a finding names a key's
        line: most pages have none, and their front matter is not read a second time."""
        if not self.yaml_text:
            return {}
        lines: dict[str, int] = {}
        # The loader that read `meta` (libyaml's when PyYAML has it): the same text accepted, the
        # same lines (both count a line the way PyYAML's marks do), at a fraction of the cost.
        document = yaml.compose(self.yaml_text, Loader=_FRONT_MATTER_LOADER)
        if isinstance(document, yaml.MappingNode):
            for key, _ in document.value:
                lines.setdefault(str(key.value), self.yaml_line + 1 + key.start_mark.line)
        return lines


def _fence_line(line: str, marks: tuple[str, ...]) -> bool:
    """Whether a line is one of MkDocs' YAML fences: three marks, then only spaces or tabs."""
    return line[:3] in marks and not line[3:].strip(" \t")


def _mmd_key(line: str) -> tuple[str, str] | None:
    """MkDocs' MultiMarkdown meta line (`Key: value`, up to three leading spaces) as (key, value)."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3:
        return None
    name, colon, value = stripped.partition(":")
    if not colon or not name or not set(name) <= _META_KEY_CHARACTERS:
        return None
    return name.lower(), value.strip()


def _closing_fence(lines: list[str]) -> int | None:
    """get_data's YAML branch: an opening fence, at least one line, then the index of the closing
    `---` or `...` fence that a newline ends; None when the page does not open so."""
    if lines and _fence_line(lines[0], ("---",)):
        return next((index for index in range(2, len(lines) - 1) if _fence_line(lines[index], ("---", "..."))), None)
    return None


def yaml_front_matter(text: str) -> tuple[str, int] | None:
    """The text between MkDocs' front matter fences, valid YAML or not, and the index of the first
    line after them; None when MkDocs finds no fences (the source checks read what it would)."""
    lines = text.split("\n")
    closing = _closing_fence(lines)
    if closing is None:
        return None
    return "\n".join(lines[1:closing]) + "\n", closing + 1


def split_front_matter(text: str) -> FrontMatter:
    """MkDocs' split of a page's source into its meta data and the Markdown it renders.

    ``text`` is the page as MkDocs reads it: BOM dropped, newlines universal (see page_text()).
    """
    lines = text.split("\n")
    if lines and _fence_line(lines[0], ("---",)):
        # Malformed or non-mapping YAML leaves the page whole, as get_data does.
        closing = _closing_fence(lines)
        if closing is not None:
            yaml_text = "\n".join(lines[1:closing]) + "\n"
            try:
                data = yaml.load(yaml_text, Loader=_FRONT_MATTER_LOADER)
            except Exception:  # get_data's own `except Exception`: the page is rendered whole
                data = None
            if isinstance(data, dict):
                return _front_matter(data, yaml_text, 1, lines, closing + 1)
            return _front_matter({}, "", 0, lines, 0)
    # get_data's MultiMarkdown branch: `Key: value` lines (continued by indented lines) up to a blank line.
    data: dict[str, str] = {}
    key = None
    consumed = 0
    for line in lines:
        if not line.strip():
            if consumed:
                consumed += 1  # get_data drops the blank line that ends the meta data
            break
        found = _mmd_key(line)
        if found:
            key, value = found
            data[key] = f"{data[key]} {value}" if key in data else value
        elif key and (line.startswith("    ") or line.startswith("\t")):
            data[key] += " " + line[4 if line.startswith("    ") else 1 :].strip()
        else:
            break
        consumed += 1
    return _front_matter(data, "", 0, lines, consumed)


def _front_matter(meta: dict, yaml_text: str, yaml_line: int, lines: list[str], body_index: int) -> FrontMatter:
    body_lines = tuple(lines[body_index:])
    return FrontMatter(meta, yaml_text, yaml_line, body_index + 1, body_lines, "\n".join(body_lines).lstrip("\n"))


def page_text(text: str) -> str:
    """A page's text as MkDocs reads it from its file: no BOM, `\\n` newlines."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# --- what a page is made of --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    id: str  # the id the page renders with (the toc extension's)
    wanted_id: str  # the explicit id, or the slug of the text before the toc made it unique (intro for intro_1)
    explicit: bool  # set in the source ({#id}, {: id="..." }), not derived from the text
    title: str  # the heading's text, as the table of contents shows it
    line: int


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its own text, up to the next heading of any level; the text before the first
    heading, if any, is the section with the empty id."""

    id: str
    title: str
    level: int  # 0 for the text before the first heading
    line: int
    end_line: int  # the first line after the section
    text: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


@dataclass(frozen=True, slots=True)
class Feature:
    """One structural element: a link, an image, a table, a code block, an admonition."""

    kind: str
    line: int
    value: str = ""
    rows: int = 0
    columns: int = 0


@dataclass(frozen=True, slots=True)
class UrlTarget:
    """A URL the page makes a browser load or navigate to, with where it was written."""

    line: int
    url: str
    source: str  # 'markdown' (Markdown syntax or attr_list), 'reference' (a definition), 'html' (raw HTML)


@dataclass(frozen=True, slots=True)
class Attribute:
    line: int
    element: str
    name: str
    value: str
    source: str  # 'markdown' or 'html'


@dataclass(frozen=True, slots=True)
class ProseLine:
    """Text a reader sees on one source line: no code, no tags, no link targets."""

    line: int
    text: str


@dataclass(frozen=True, slots=True)
class MarkdownPage:
    front_matter: FrontMatter
    headings: tuple[Heading, ...]
    links: tuple[Feature, ...]  # <a href>, in document order (inline, reference-style, autolink, raw HTML)
    images: tuple[Feature, ...]
    tables: tuple[Feature, ...]
    code_blocks: tuple[Feature, ...]  # fenced and indented; value: the language
    admonitions: tuple[Feature, ...]
    reference_definitions: tuple[UrlTarget, ...]  # every `[name]: url`, used or not
    elements: tuple[tuple[int, str], ...]  # (line, tag) of every raw HTML element
    attributes: tuple[Attribute, ...]  # every attribute of every element, set in Markdown or raw HTML
    prose: tuple[ProseLine, ...]

    @property
    def meta(self) -> dict:
        return self.front_matter.meta

    @property
    def url_targets(self) -> list[UrlTarget]:
        """Every URL the page holds, reference definitions included, in line order."""
        found = [UrlTarget(a.line, _first_url(a.name, a.value), a.source) for a in self.attributes if a.name in URL_ATTRIBUTES and a.value]
        return sorted([*found, *self.reference_definitions], key=lambda target: target.line)

    @property
    def sections(self) -> list[Section]:
        front = self.front_matter
        lines = front.body_lines
        end = front.body_start + len(lines)
        starts = sorted(self.headings, key=lambda heading: heading.line)
        bounds = [heading.line for heading in starts] + [end]
        result = []
        preamble = lines[: bounds[0] - front.body_start]
        if any(line.strip() for line in preamble):
            result.append(Section("", "", 0, front.body_start, bounds[0], "\n".join(preamble)))
        for heading, stop in zip(starts, bounds[1:]):
            body = lines[heading.line - front.body_start : stop - front.body_start]
            result.append(Section(heading.id, heading.title, heading.level, heading.line, stop, "\n".join(body)))
        return result

    def prose_text(self, start: int, end: int) -> str:
        """The prose on lines start (included) to end (excluded), one line a line."""
        return "\n".join(line.text for line in self.prose if start <= line.line < end)


def _first_url(name: str, value: str) -> str:
    """A srcset lists candidates: its first URL stands for it."""
    return (value.split(",")[0].split() or [""])[0] if name == "srcset" else value


def normalize(text: str) -> str:
    """The text a fingerprint covers: NFC, no trailing spaces, single blank lines, no blank edges."""
    text = unicodedata.normalize("NFC", text)
    kept: list[str] = []
    for line in (line.rstrip() for line in text.split("\n")):
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def fingerprint(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


# --- reading ----------------------------------------------------------------


def read_markdown(text: str, options: MarkdownOptions) -> MarkdownPage:
    """The model of one page (its whole source, front matter included), read by a Markdown instance
    of its own. The build takes the same model from MkDocs' own rendering (PageModelExtension)."""
    front = split_front_matter(page_text(text))
    md = markdown.Markdown(extensions=list(options.extensions), extension_configs={k: dict(v) for k, v in options.configs.items()})
    reading = _Reading(front, md)
    md.convert(front.markdown)
    return reading.page()


class PageModelExtension(Extension):
    """The model of the page MkDocs is rendering, read from MkDocs' own Markdown instance: the page
    is parsed once, for the site and for the model alike.

    Listed last among the site's Markdown extensions (the plugin appends it), so that every other
    extension's block processors exist when its own instrumentation wraps them. The plugin hands it
    the page's source before MkDocs renders it (``expect``) and takes the model after (``take``);
    a rendering it was not told about (a generated page) is left alone.
    """

    def __init__(self) -> None:
        super().__init__()
        self._front: FrontMatter | None = None
        self._reading: _Reading | None = None

    def expect(self, text: str) -> None:
        """The next rendering is of this source (front matter included, as the file holds it)."""
        self._front = split_front_matter(page_text(text))
        self._reading = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        if self._front is not None:
            self._reading = _Reading(self._front, md)
            self._front = None

    def take(self, rendered_markdown: str) -> MarkdownPage | None:
        """The model of the rendering just done, when what was rendered is the source's own body
        (a page whose Markdown a plugin extended is not the file: None, and it is read on its own).
        Trailing white space is not compared: the i18n plugin rewrites every page line by line (to
        translate admonition titles) and drops its last newline."""
        reading, self._reading, self._front = self._reading, None, None
        if reading is None or rendered_markdown.rstrip() != reading.front.markdown.rstrip():
            return None
        return reading.page()


@dataclass
class _Block:
    """Where an element of the tree was written: its first line and the block text it came from."""

    line: int
    text: str


class _Reading:
    """One page read by a Markdown instance whose processors are made to report what they matched."""

    def __init__(self, front: FrontMatter, md: markdown.Markdown) -> None:
        self.front = front
        self.md = md
        # The lines Python-Markdown reads (tabs expanded as its NormalizeWhitespace does), and the
        # source line of the first one.
        self.lines = [line.expandtabs(self.md.tab_length) for line in front.markdown.split("\n")]
        self.first_line = front.body_start + len(front.body_lines) - len(self.lines)
        self.cursor = 0  # the next line a block processor's block can start at
        self.blocks: dict[etree.Element, _Block] = {}  # element -> where it was written
        self.fenced: dict[int, tuple[str, int]] = {}  # stash index of a fenced code block -> (its source text, its line)
        self.definitions: dict[str, int] = {}  # reference name -> line
        self.explicit_ids: set[etree.Element] = set()
        self.walk: _TreeWalk | None = None
        self._instrument()

    # Instrumentation ---------------------------------------------------------

    def _instrument(self) -> None:
        for processor in self.md.parser.blockprocessors:
            # Only Python-Markdown's ReferenceProcessor writes md.references: the others need not
            # have the definitions compared before and after them.
            defines_references = isinstance(processor, ReferenceProcessor)
            processor.run = partial(self._run_block, processor, processor.run, defines_references)
        if "fenced_code_block" in self.md.preprocessors:
            fenced = self.md.preprocessors["fenced_code_block"]
            fenced.run = partial(self._run_fenced, fenced, fenced.run)
        # After attr_list (8) has set explicit ids, before toc (5) derives the others.
        self.md.treeprocessors.register(_TreeSnapshot(self), "bilingual_site_snapshot", 6)

    def _run_fenced(self, processor, original, lines: list[str]) -> list[str]:
        """Let the fenced-code preprocessor stash its blocks; note each block's opening line first.

        Its own pattern is run over the same text the way its loop runs it, so each match is the
        one it stashes, in the same order."""
        text = "\n".join(lines)
        matches = []
        index = 0
        while (match := processor.FENCED_BLOCK_RE.search(text, index)) is not None:
            if match.group("attrs") and get_attrs_and_remainder(match.group("attrs"))[1]:
                index = match.end("attrs")  # the preprocessor skips a fence with unbalanced braces too
                continue
            matches.append(match)
            index = match.end()
        first_index = len(self.md.htmlStash.rawHtmlBlocks)
        result = original(lines)
        for offset, match in enumerate(matches):
            # The lines it reads are this model's lines: NormalizeWhitespace keeps every line in place.
            self.fenced[first_index + offset] = (match.group(0), self._absolute(text.count("\n", 0, match.start())))
        return result

    def _run_block(self, processor, original, defines_references: bool, parent: etree.Element, blocks: list[str]):
        block, count, children = blocks[0], len(blocks), list(parent)
        references = dict(self.md.references) if defines_references else None
        saved_cursor = self.cursor
        start = self._find(self._first_line(block), self.cursor)
        if start is None and (tag := self._stashed_element_tag(block)):
            start = self._find(f"<{tag}", self.cursor, lowercase=True)  # md_in_html's `<div markdown>`
        if start is not None:
            self.cursor = start
        result = original(parent, blocks)
        if result is False:  # not handled: the next processor gets the block
            self.cursor = saved_cursor
            return result
        if start is None:
            return result
        line_offset = matched_at = 0
        pattern = getattr(processor, "RE", None)
        if pattern is not None and hasattr(pattern, "search") and (match := pattern.search(block)):
            # Processors that parse the text before their match first (headings, admonitions).
            matched_at = match.start() + (len(match.group(0)) - len(match.group(0).lstrip("\n")))
            line_offset = block.count("\n", 0, matched_at)
        new = new_children(children, list(parent))
        for element in new:
            self.blocks.setdefault(element, _Block(self._absolute(start + line_offset), block[matched_at:]))
        if not new and parent.tag == "li" and parent not in self.blocks:
            self.blocks[parent] = _Block(self._absolute(start), block)  # a tight list item's text
        if references is not None:
            for name in self.md.references:
                if references.get(name) != self.md.references[name]:
                    self.definitions[name] = self._absolute(self._find(f"[{name}]:", start, lowercase=True) or start)
        if len(blocks) < count:  # the whole block was consumed
            self.cursor = max(self.cursor, start + self._line_count(block))
        elif blocks and blocks[0] != block and block.endswith(blocks[0]):  # the rest was put back
            self.cursor = max(self.cursor, start + block[: len(block) - len(blocks[0])].count("\n"))
        return result

    # Locating ------------------------------------------------------------------

    def _first_line(self, block: str) -> str:
        """What to look for in the page's lines: a block's first line, or for a stashed block
        (fenced code, raw HTML) the first line of what was stashed."""
        first = block.split("\n", 1)[0].strip()
        index = _stash_index(first)
        if index is not None:
            if index in self.fenced:
                return self.fenced[index][0].split("\n", 1)[0].strip()
            raw = self.md.htmlStash.rawHtmlBlocks[index] if index < len(self.md.htmlStash.rawHtmlBlocks) else ""
            return raw.strip().split("\n", 1)[0].strip() if isinstance(raw, str) else ""
        return first

    def _stashed_element_tag(self, block: str) -> str:
        """The tag of an element md_in_html stashed whole (`<div markdown>`), if the block starts with one."""
        index = _stash_index(block.split("\n", 1)[0].strip())
        if index is None or index >= len(self.md.htmlStash.rawHtmlBlocks):
            return ""
        raw = self.md.htmlStash.rawHtmlBlocks[index]
        return raw.tag.lower() if isinstance(raw, etree.Element) and isinstance(raw.tag, str) else ""

    def _line_count(self, block: str) -> int:
        """How many of the page's lines a block takes: a stashed block, as many as it stashed."""
        index = _stash_index(block.strip())
        if index is not None:
            raw = self.fenced[index][0] if index in self.fenced else self.md.htmlStash.rawHtmlBlocks[index]
            if isinstance(raw, str):
                return raw.strip("\n").count("\n") + 1
        return block.count("\n") + 1

    def _find(self, needle: str, start: int, lowercase: bool = False) -> int | None:
        """The first line from ``start`` that ends with ``needle`` (nested blocks lose their markers
        and indentation: `- `, `> `, four spaces), or, ``lowercase``, holds it in any case."""
        if not needle:
            return None
        for index in range(start, len(self.lines)):
            line = self.lines[index].rstrip()
            if lowercase:
                if needle in line.lower():
                    return index
            elif line.endswith(needle):
                return index
        return None

    def _absolute(self, index: int | None) -> int:
        return self.first_line + (index or 0)

    # The model -----------------------------------------------------------------

    def page(self) -> MarkdownPage:
        """The model, once ``md`` has converted the page's Markdown."""
        walk = self.walk or _TreeWalk(self)  # no tree: an empty page
        return MarkdownPage(
            front_matter=self.front,
            headings=tuple(self._headings(walk.headings)),
            links=tuple(walk.links),
            images=tuple(walk.images),
            tables=tuple(walk.tables),
            code_blocks=tuple(sorted(walk.code_blocks, key=lambda feature: feature.line)),
            admonitions=tuple(walk.admonitions),
            reference_definitions=tuple(
                sorted((UrlTarget(line, self.md.references[name][0], "reference") for name, line in self.definitions.items()),
                       key=lambda target: target.line)
            ),
            elements=tuple(walk.elements),
            attributes=tuple(walk.attributes),
            prose=tuple(sorted(walk.prose, key=lambda prose: prose.line)),
        )

    def _headings(self, found: list[tuple[etree.Element, int]]) -> Iterator[Heading]:
        """Each heading with the id the toc extension gave it and the text its tokens hold."""
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        tokens = iter(_flatten(getattr(self.md, "toc_tokens", [])))
        for element, line in found:
            level = int(element.tag[1])
            rendered = element.get("id", "")
            token = next(tokens, None) if toc is not None and toc.toc_top <= level <= toc.toc_bottom else None
            if token is not None:
                title = html.unescape(strip_tags(token["html"]))
            else:
                title = "".join(element.itertext()).strip()
            explicit = element in self.explicit_ids
            wanted = rendered if explicit or toc is None else toc.slugify(title, toc.sep)
            yield Heading(level, rendered, wanted, explicit, title, line)


def new_children(before: list[etree.Element], after: list[etree.Element]) -> list[etree.Element]:
    """The children a block processor added to a parent. Block processors append (SubElement), so
    the old children are usually the first ones still: compared at C speed, by identity (elements
    have no equality of their own); otherwise every child is looked up among the old ones."""
    if after[: len(before)] == before:
        return after[len(before) :]
    known = set(map(id, before))
    return [child for child in after if id(child) not in known]


def _flatten(tokens: list[dict]) -> Iterator[dict]:
    for token in tokens:
        yield token
        yield from _flatten(token.get("children", []))


def _stash_index(text: str) -> int | None:
    """The stash index of a placeholder standing alone in ``text``."""
    if text.startswith(_STASH_PREFIX) and text.endswith(_STASH_SUFFIX):
        number = text[len(_STASH_PREFIX) : -len(_STASH_SUFFIX)]
        return int(number) if number.isdigit() else None
    return None


def _placeholders(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, stash index) of every raw-HTML placeholder in a text of the tree."""
    position = 0
    while (start := text.find(_STASH_PREFIX, position)) != -1:
        end = text.find(_STASH_SUFFIX, start)
        if end == -1:
            return
        number = text[start + len(_STASH_PREFIX) : end]
        position = end + len(_STASH_SUFFIX)
        if number.isdigit():
            yield start, position, int(number)


class _TreeSnapshot(markdown.treeprocessors.Treeprocessor):
    """Keeps the tree as it is between attr_list and toc: inline content parsed, attributes set,
    no permalink yet; headings that have an id now were given it in the source."""

    def __init__(self, reading: _Reading) -> None:
        super().__init__(reading.md)
        self.reading = reading

    def run(self, root: etree.Element) -> None:
        reading = self.reading
        reading.explicit_ids = {element for element in root.iter() if element.tag in HEADING_TAGS and "id" in element.attrib}
        reading.walk = _TreeWalk(reading)
        reading.walk.visit(root, _Block(reading.first_line, reading.front.markdown))


class _TreeWalk:
    """Reads the tree between attr_list and toc into the model's lists (toc's permalinks are not
    the author's links); headings are kept as elements, for the ids toc gives them next."""

    def __init__(self, reading: _Reading) -> None:
        self.reading = reading
        self.md = reading.md
        self.unescape = self.md.treeprocessors["unescape"].unescape if "unescape" in self.md.treeprocessors else (lambda text: text)
        self.headings: list[tuple[etree.Element, int]] = []
        self.links: list[Feature] = []
        self.images: list[Feature] = []
        self.tables: list[Feature] = []
        self.code_blocks: list[Feature] = []
        self.admonitions: list[Feature] = []
        self.elements: list[tuple[int, str]] = []
        self.attributes: list[Attribute] = []
        self.prose: list[ProseLine] = []
        self.searched: dict[int, int] = {}  # id(block) -> how far its text has been searched
        self.cell_lines: dict[etree.Element, int] = {}  # table cell -> the line of its row

    def line_of(self, block: _Block, needle: str) -> int:
        """The line of ``needle`` in a block's text, searched from where the last one was found."""
        position = block.text.find(needle, self.searched.get(id(block), 0)) if needle else -1
        if position == -1:
            return block.line
        self.searched[id(block)] = position + len(needle)
        return block.line + block.text.count("\n", 0, position)

    def visit(self, element: etree.Element, block: _Block) -> None:
        """Every element under ``element``, whose text came from ``block``."""
        for child in element:
            if not isinstance(child.tag, str):
                continue
            own = self.reading.blocks.get(child)
            child_block = own or block
            self.element(child, child_block, own is not None)

    def element(self, element: etree.Element, block: _Block, own_block: bool) -> None:
        tag = element.tag
        # Where each URL is written (for a reference-style link, its definition), found once.
        url_lines = {name: self._target_line(block, value) for name, value in element.attrib.items() if name in URL_ATTRIBUTES}
        for name, value in element.attrib.items():
            self.attributes.append(Attribute(url_lines.get(name, block.line), tag, name.lower(), value, "markdown"))
        if tag in HEADING_TAGS:
            self.headings.append((element, block.line))
        elif tag == "a" and "href" in element.attrib:
            self.links.append(Feature("link", url_lines["href"], element.get("href")))
        elif tag == "img" and "src" in element.attrib:
            self.images.append(Feature("image", url_lines["src"], element.get("src")))
        elif tag == "table":
            header, body = element.findall("./thead/tr"), element.findall("./tbody/tr")
            # The header row, the delimiter row, then one line a row.
            for number, row in enumerate(header + body):
                for cell in row:
                    self.cell_lines[cell] = block.line + (number + 1 if number else 0)
            columns = len(header[0]) if header else 0
            self.tables.append(Feature("table", block.line, rows=len(header) + len(body), columns=columns))
        elif tag == "pre":
            self.code_blocks.append(Feature("code block", block.line, ""))
            return  # code: neither structure nor prose
        elif tag == "div" and "admonition" in (element.get("class") or "").split():
            kinds = [name for name in (element.get("class") or "").split() if name != "admonition"]
            self.admonitions.append(Feature("admonition", block.line, kinds[0] if kinds else ""))
        if tag == "code":
            return
        if tag in ("td", "th"):
            self.prose_of(element, _Block(self.cell_lines.get(element, block.line), block.text))
        elif own_block:
            self.prose_of(element, block)
        self.stashed_in(element.text, block)
        self.visit(element, block)
        self.stashed_in(element.tail, block)

    def _target_line(self, block: _Block, target: str) -> int:
        """Where a URL is written: in the block, or for a reference-style link, at its definition."""
        if target and block.text.find(target, self.searched.get(id(block), 0)) == -1:
            for name, (url, _) in self.md.references.items():
                if url == target and name in self.reading.definitions:
                    return self.reading.definitions[name]
        return self.line_of(block, target)

    # Raw HTML ----------------------------------------------------------------

    def stashed_in(self, text: str | None, block: _Block) -> None:
        """Raw HTML the text holds as stash placeholders: fenced code, or HTML read with Lexbor."""
        for _, _, index in _placeholders(text or ""):
            if index in self.reading.fenced:
                raw, line = self.reading.fenced[index]
                self.code_blocks.append(Feature("code block", line, self._fence_language(index)))
                continue
            raw = self.md.htmlStash.rawHtmlBlocks[index] if index < len(self.md.htmlStash.rawHtmlBlocks) else ""
            if isinstance(raw, str) and raw.strip():
                self.raw_html(raw, _Block(self.line_of(block, raw.strip().split("\n", 1)[0]), raw))

    def _fence_language(self, index: int) -> str:
        """The language the fenced-code extension rendered (`<code class="language-x">`)."""
        code = LexborHTMLParser(self.md.htmlStash.rawHtmlBlocks[index]).css_first("code")
        prefix = "language-"
        preprocessor = self.md.preprocessors["fenced_code_block"] if "fenced_code_block" in self.md.preprocessors else None
        if preprocessor is not None:
            prefix = preprocessor.config.get("lang_prefix", prefix)
        classes = ((code.attributes.get("class") or "") if code is not None else "").split()
        return next((name.removeprefix(prefix) for name in classes if name.startswith(prefix)), "")

    def raw_html(self, raw: str, block: _Block) -> None:
        if raw.lstrip().startswith("&"):
            return  # an entity, not an element
        document = LexborHTMLParser(raw)
        lowered = raw.lower()
        searched = 0
        for node in document.root.traverse(include_text=False):
            if not node.is_element_node:
                continue
            tag = node.tag.lower()
            position = lowered.find("<" + tag, searched)
            if position == -1:
                if tag in ("html", "head", "body") and not node.attributes:
                    continue  # added by the parser around the fragment
                line = block.line
            else:
                searched = position + 1
                line = block.line + raw.count("\n", 0, position)
            self.elements.append((line, tag))
            for name, value in node.attributes.items():
                at = lowered.find(name.lower(), position if position != -1 else 0)
                attribute_line = block.line + raw.count("\n", 0, at) if at != -1 else line
                self.attributes.append(Attribute(attribute_line, tag, name.lower(), value or "", "html"))
                if tag == "a" and name.lower() == "href" and value:
                    self.links.append(Feature("link", attribute_line, value))
                if tag == "img" and name.lower() == "src" and value:
                    self.images.append(Feature("image", attribute_line, value))
        body = document.body
        if body is not None:
            self.prose_of_html(body, block)

    # Prose -----------------------------------------------------------------------

    def prose_of(self, element: etree.Element, block: _Block) -> None:
        """The visible text of a block element, line by line; nested blocks are read on their own."""
        if len(element) == 0 and _stash_index((element.text or "").strip()) is not None:
            return  # a raw HTML block alone: read by raw_html(), fenced code: not prose
        pieces: list[str] = []
        self._text_pieces(element, pieces, top=True)
        for offset, text in enumerate("".join(pieces).split("\n")):
            if text.strip():
                self.prose.append(ProseLine(block.line + offset, text))

    def _text_pieces(self, element: etree.Element, pieces: list[str], top: bool = False) -> None:
        if not top and (element in self.reading.blocks or element.tag in ("pre", "table", "td", "th")):
            return  # a nested block is read on its own, at its own line
        if element.tag == "code":
            # Code spans become letters, not spaces, so a real space next to one is still seen.
            pieces.append("".join("\n" if char == "\n" else "x" for char in "".join(element.itertext())))
            return
        # The prettify treeprocessor has put newlines of its own around block children: not the source's.
        text = element.text or ""
        if not text.strip() and len(element) and self.md.is_block_level(element[0].tag):
            text = ""
        pieces.append(self._visible(text))
        for child in element:
            if isinstance(child.tag, str):
                self._text_pieces(child, pieces)
                tail = child.tail or ""
                pieces.append("" if not tail.strip() and self.md.is_block_level(child.tag) else self._visible(tail))

    def _visible(self, text: str | None) -> str:
        """Tree text as a reader sees it: escapes undone, entities decoded, raw tags as letters."""
        if not text:
            return ""
        out = []
        position = 0
        for start, end, index in _placeholders(text):
            out.append(text[position:start])
            raw = self.md.htmlStash.rawHtmlBlocks[index] if index < len(self.md.htmlStash.rawHtmlBlocks) else ""
            raw = raw if isinstance(raw, str) and index not in self.reading.fenced else ""
            if raw.startswith("&") and raw.endswith(";"):
                out.append(html.unescape(raw))
            else:
                out.append("".join("\n" if char == "\n" else "x" for char in raw))
            position = end
        out.append(text[position:])
        return self.unescape("".join(out)).replace(AMP_SUBSTITUTE, "&")

    def prose_of_html(self, body, block: _Block) -> None:
        """The text of raw HTML, each piece at the line it is found on."""
        searched = 0
        for node in body.traverse(include_text=True):
            if not node.is_text_node:
                continue
            parent = node.parent
            if parent is not None and parent.tag and parent.tag.lower() in NOT_PROSE_ELEMENTS:
                continue
            text = node.text_content or ""
            for piece in text.split("\n"):
                if not piece.strip():
                    continue
                position = block.text.find(piece, searched)
                if position == -1:
                    position = searched
                else:
                    searched = position + len(piece)
                self.prose.append(ProseLine(block.line + block.text.count("\n", 0, position), piece))
