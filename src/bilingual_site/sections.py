"""What a Markdown page is made of, read line by line: sections and structural features.

A *section* is a heading and its own text, up to the next heading of any level:
subsections are sections of their own, so a changed sentence is reported at the
deepest heading that holds it. Sections pair across languages by their explicit
heading id (`## Title {#id}`). Text before the first heading, if any, is the
section with the empty id.

Everything here is a pure function of the page's text; line numbers are 1-based
and count the front matter, so they match what an editor shows.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from bilingual_site.yaml_lines import FAST_LOADER  # front matter is read for every page of a build

FRONT_MATTER_FENCE = "---"
FENCE = re.compile(r"^(?P<indent>\s*)(?P<marker>`{3,}|~{3,})(?P<info>[^`]*)$")
HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
ATTR_LIST = re.compile(r"[ \t]*\{:?(?P<attrs>[^{}]*)\}[ \t]*$")
ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[\w\-.:]+)")
TABLE_ROW = re.compile(r"^\s*\|")
TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+(?P<type>[\w-]+)")
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<(?P<target>https?://[^>\s]+)>")
HTML_LINK = re.compile(r"<a\s[^>]*?href=[\"'](?P<target>[^\"']+)[\"']", re.IGNORECASE)
HTML_IMAGE = re.compile(r"<img\s[^>]*?src=[\"'](?P<target>[^\"']+)[\"']", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    id: str | None  # the explicit id, None when the heading has none
    line: int


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    level: int  # 0 for the text before the first heading
    line: int
    text: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


@dataclass(frozen=True)
class Feature:
    """One structural element of a page: a table, a link, an image, a code block, an admonition."""

    kind: str
    line: int
    value: str = ""
    rows: int = 0
    columns: int = 0


@dataclass
class Page:
    """A Markdown page split into its front matter and its body lines."""

    front_matter: str
    front_matter_line: int  # the line of the opening fence, 0 without front matter
    body_start: int  # the line number of the first body line
    lines: list[str] = field(default_factory=list)

    def numbered(self):
        """(line number, line) for every body line."""
        return enumerate(self.lines, start=self.body_start)


def parse_page(text: str) -> Page:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].strip() == FRONT_MATTER_FENCE:
        for index in range(1, len(lines)):
            if lines[index].strip() in (FRONT_MATTER_FENCE, "..."):
                return Page("\n".join(lines[1:index]), 1, index + 2, lines[index + 1 :])
    return Page("", 0, 1, lines)


def front_matter(text: str) -> dict:
    """A page's front matter as a mapping; empty when it has none or it is not a mapping.

    Malformed front matter is the build's to report (hooks/page_sources.py), with its line.
    """
    values = yaml.load(parse_page(text).front_matter or "", Loader=FAST_LOADER)
    return values if isinstance(values, dict) else {}


def opening_fence(line: str) -> re.Match | None:
    """FENCE's match on a line, looked for only on lines that hold a fence's marker."""
    return FENCE.match(line) if "```" in line or "~~~" in line else None


def prose_lines(page: Page):
    """(line number, line) of the lines outside fenced code blocks."""
    fence: str | None = None
    for number, line in page.numbered():
        match = opening_fence(line) if fence is None else None
        if match:
            fence = match["marker"]
            continue
        if fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
            continue
        yield number, line


def split_heading(text: str) -> tuple[str, str | None]:
    """A heading's visible title and its explicit id from a trailing attribute list."""
    attrs = ATTR_LIST.search(text)
    if not attrs:
        return text.strip(), None
    found = ATTR_ID.search(attrs["attrs"])
    return text[: attrs.start()].strip(), found["id"] if found else None


def headings(page: Page) -> list[Heading]:
    found = []
    for number, line in prose_lines(page):
        match = HEADING.match(line) if "#" in line else None
        if match:
            title, heading_id = split_heading(match["text"])
            found.append(Heading(len(match["hashes"]), title, heading_id, number))
    return found


def sections(page: Page) -> list[Section]:
    """The page's sections in order; a heading without an explicit id is keyed by its line."""
    starts = headings(page)
    bounds = [heading.line for heading in starts] + [page.body_start + len(page.lines)]
    result = []
    preamble = page.lines[: bounds[0] - page.body_start]
    if any(line.strip() for line in preamble):
        result.append(Section("", "", 0, page.body_start, "\n".join(preamble)))
    for heading, end in zip(starts, bounds[1:]):
        body = page.lines[heading.line - page.body_start : end - page.body_start]
        key = heading.id if heading.id is not None else f"line-{heading.line}"
        result.append(Section(key, heading.title, heading.level, heading.line, "\n".join(body)))
    return result


def normalize(text: str) -> str:
    """The text a fingerprint covers: NFC, no trailing spaces, single blank lines, no blank edges."""
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


@lru_cache(maxsize=16384)  # a build takes each unchanged section's twice: the lock's own check, then the page's status
def fingerprint(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def without_code_spans(line: str) -> str:
    return CODE_SPAN.sub(lambda match: " " * len(match.group(0)), line)


def tables(page: Page) -> list[Feature]:
    """Pipe tables: rows counted without the delimiter row, columns from the header row."""
    found: list[Feature] = []
    block: list[tuple[int, str]] = []

    def close() -> None:
        if len(block) >= 2 and TABLE_DELIMITER.match(block[1][1]):
            header = block[0][1].strip().strip("|")
            found.append(Feature("table", block[0][0], rows=len(block) - 1, columns=len(split_cells(header))))
        block.clear()

    for number, line in prose_lines(page):
        if TABLE_ROW.match(line):
            block.append((number, line))
        else:
            close()
    close()
    return found


def split_cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", without_code_spans(row))


def links(page: Page) -> list[Feature]:
    found = []
    for number, line in prose_lines(page):
        line = without_code_spans(line)
        hits = [(m.start(), m["target"]) for pattern in (LINK, AUTOLINK, HTML_LINK) for m in pattern.finditer(line)]
        found.extend(Feature("link", number, target) for _, target in sorted(hits))
    return found


def images(page: Page) -> list[Feature]:
    found = []
    for number, line in prose_lines(page):
        line = without_code_spans(line)
        hits = [(m.start(), m["target"]) for pattern in (IMAGE, HTML_IMAGE) for m in pattern.finditer(line)]
        found.extend(Feature("image", number, target) for _, target in sorted(hits))
    return found


def code_blocks(page: Page) -> list[Feature]:
    found = []
    fence: str | None = None
    for number, line in page.numbered():
        match = opening_fence(line) if fence is None else None
        if match:
            fence = match["marker"]
            found.append(Feature("code block", number, match["info"].strip().split(" ")[0] if match["info"].strip() else ""))
        elif fence is not None and line.strip().startswith(fence) and not line.strip().strip(fence[0]):
            fence = None
    return found


def admonitions(page: Page) -> list[Feature]:
    return [Feature("admonition", number, match["type"]) for number, line in prose_lines(page) if (match := ADMONITION.match(line))]
