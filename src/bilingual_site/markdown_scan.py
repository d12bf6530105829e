"""Read a Markdown page's source the way the checks need it: code masked, front matter located, link targets found.

Every function keeps line numbers: masked text has the same lines as the source,
so a finding in it points at the line an author edits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# Without a fenced-code extension a fence line is a paragraph of backticks; it must not open a code span.
_FENCE_LINE = re.compile(r"^[ \t]*`{3,}[^\n]*$", re.M)
# A code span: a run of backticks, its text (never across a blank line), the same run again.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
_HTML_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^<>]*?)?)\s*/?>", re.S)
_HTML_ATTRIBUTE = re.compile(r"""([^\s"'=<>/`]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# attr_list: `{: #id .class key="value" }` after a heading, a link, an image or a block.
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)>?")
_INLINE_LINK_START = re.compile(r"\]\(")
_LINK_TITLE = re.compile(r"""\s+("[^"]*"|'[^']*'|\([^()]*\))\s*$""")
# Attributes whose value a browser loads or navigates to.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "data", "poster", "cite", "background", "xlink:href", "srcset", "ping", "longdesc"}
)


@dataclass(frozen=True)
class LinkTarget:
    line: int
    target: str
    kind: str  # "markdown", "reference", "autolink", "html" or "attr_list"


@dataclass(frozen=True)
class Attribute:
    line: int
    name: str
    value: str
    kind: str  # "html" or "attr_list"


def front_matter_lines(text: str) -> int:
    """How many lines the YAML front matter takes at the top of ``text`` (0 when there is none)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return number + 1
    return 0


def _blank(match_text: str) -> str:
    return re.sub(r"[^\n]", " ", match_text)


FENCED_CODE_EXTENSIONS = ("fenced_code", "markdown.extensions.fenced_code", "pymdownx.superfences")


def fenced_code_enabled(markdown_extensions: list[str]) -> bool:
    """Whether ``` blocks are code under these extensions: plain Python-Markdown renders what they hold."""
    return any(extension in FENCED_CODE_EXTENSIONS for extension in markdown_extensions)


def mask_code(text: str, fenced_blocks: bool = True) -> str:
    """``text`` with code spans (and fenced code blocks, when they are code) blanked out; lines stay where they were."""
    if "`" not in text and "~~~" not in text:
        return text  # no code span, no fence: most pages of prose
    if not fenced_blocks or ("```" not in text and "~~~" not in text):
        return _CODE_SPAN.sub(lambda match: _blank(match.group(0)), _FENCE_LINE.sub(lambda match: _blank(match.group(0)), text))
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not line.strip(" \t`~"):
                fence = None
            out.append(_blank(line))
        elif match:
            fence = match.group(1)
            out.append(_blank(line))
        else:
            out.append(line)
    return _CODE_SPAN.sub(lambda match: _blank(match.group(0)), "\n".join(out))


def mask_front_matter(text: str) -> str:
    """``text`` with its front matter lines emptied (kept as lines, for numbering)."""
    count = front_matter_lines(text)
    if not count:
        return text
    lines = text.split("\n")
    return "\n".join([""] * count + lines[count:])


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _unquote(value: str) -> str:
    return value[1:-1] if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1 else value


def _inline_link_target(text: str, start: int) -> str:
    """The destination of an inline link whose `(` ends at ``start``: `<...>`, or up to the matching `)`.

    Python-Markdown keeps spaces and newlines inside a destination, so they are kept here too;
    a title (`"..."`, `'...'`) at its end is dropped.
    """
    position = start
    while position < len(text) and text[position] in " \t\n":
        position += 1
    if text[position : position + 1] == "<":
        end = text.find(">", position)
        return text[position + 1 : end] if end != -1 else ""
    depth = 0
    end = position
    while end < len(text):
        char = text[end]
        if char == "\\":
            end += 2
            continue
        if char == "\n" and text[end + 1 : end + 2] == "\n":
            break  # a paragraph ends: no destination here
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    return _LINK_TITLE.sub("", text[position:end]).rstrip()


def html_tags(masked: str) -> list[tuple[int, str, str]]:
    """Raw HTML start tags in masked Markdown: (line, lower-case name, attribute text)."""
    return [(_line_at(masked, match.start()), match.group(1).lower(), match.group(2)) for match in _HTML_TAG.finditer(masked)]


def attributes(masked: str) -> list[Attribute]:
    """Attributes set by raw HTML tags and by attr_list blocks (`{: key="value"}`)."""
    found: list[Attribute] = []
    for match in _HTML_TAG.finditer(masked):
        base = match.start(2)
        for attribute in _HTML_ATTRIBUTE.finditer(match.group(2)):
            line = _line_at(masked, base + attribute.start())
            found.append(Attribute(line, attribute.group(1).lower(), _unquote(attribute.group(2) or ""), "html"))
    for match in _ATTR_LIST.finditer(masked):
        for attribute in _HTML_ATTRIBUTE.finditer(match.group(1)):
            if attribute.group(2) is None:
                continue  # `#id`, `.class` or a bare word
            line = _line_at(masked, match.start())
            found.append(Attribute(line, attribute.group(1).lower(), _unquote(attribute.group(2)), "attr_list"))
    return found


def link_targets(masked: str, found_attributes: list[Attribute] | None = None) -> list[LinkTarget]:
    """Every link or image destination in masked Markdown, in source order (``found_attributes``:
    its attributes(), when the caller has them already)."""
    found: list[LinkTarget] = []
    for match in _INLINE_LINK_START.finditer(masked):
        target = _inline_link_target(masked, match.end())
        if target:
            found.append(LinkTarget(_line_at(masked, match.start()), target, "markdown"))
    if "]:" in masked:  # what a reference definition needs
        for number, line in enumerate(masked.split("\n"), start=1):
            definition = _REFERENCE_DEFINITION.match(line)
            if definition:
                found.append(LinkTarget(number, definition.group(1), "reference"))
    for match in _AUTOLINK.finditer(masked):
        found.append(LinkTarget(_line_at(masked, match.start()), match.group(1), "autolink"))
    for attribute in attributes(masked) if found_attributes is None else found_attributes:
        if attribute.name in URL_ATTRIBUTES and attribute.value:
            target = attribute.value.split(",")[0].split()[0] if attribute.name == "srcset" else attribute.value
            found.append(LinkTarget(attribute.line, target, attribute.kind))
    return sorted(found, key=lambda link: link.line)
