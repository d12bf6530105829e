"""Structural parity of a page and its translation: what must be the same in both files.

Each rule compares one kind of element in order and reports, in one sentence,
both files with their line numbers and what differs. Prose is never compared:
only the skeleton a translation must keep (heading ids and levels, tables,
link targets, code blocks, images, admonition types, front matter keys).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from bilingual_site.markdown.model import Feature, MarkdownOptions, MarkdownPage, read_markdown

# Front matter values a translation changes; every other key keeps the original's value.
TRANSLATED_KEYS = frozenset({"title", "description", "lang"})


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str  # names both files, each with its line where the element is found there
    # Where a pull request annotation goes (`check --format github`): the file to fix, the translation
    # as a rule, at its line when the element is found there (None: the file as a whole).
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Side:
    """One file of the pair: its path as shown in messages and its parsed page."""

    shown: str
    page: MarkdownPage

    def at(self, line: int) -> str:
        return f"{self.shown}:{line}"


def check_pair(
    original_text: str, original_shown: str, translation_text: str, translation_shown: str, options: MarkdownOptions
) -> list[Finding]:
    return check_pages(
        Side(original_shown, read_markdown(original_text, options)), Side(translation_shown, read_markdown(translation_text, options))
    )


def check_pages(original: Side, translation: Side) -> list[Finding]:
    """Every rule on a pair already read by the Markdown model (the build reads each page once)."""
    findings: list[Finding] = []
    for rule in RULES:
        findings += rule(original, translation)
    return findings


def check_front_matter(original: Side, translation: Side) -> list[Finding]:
    found = []
    ours, theirs = _front_matter(original), _front_matter(translation)
    for key in ours.keys() - theirs.keys():
        found.append(Finding(
            "front matter", f"front matter: key {key!r} in {original.at(_key_line(original, key))}, missing in {translation.shown}",
            translation.shown, translation.page.front_matter.yaml_line or None,
        ))
    for key in theirs.keys() - ours.keys():
        found.append(Finding(
            "front matter", f"front matter: key {key!r} missing in {original.shown}, in {translation.at(_key_line(translation, key))}",
            translation.shown, _key_line(translation, key),
        ))
    for key in sorted(ours.keys() & theirs.keys() - TRANSLATED_KEYS):
        if ours[key] != theirs[key]:
            found.append(Finding(
                "front matter",
                f"front matter: {key!r} is {ours[key]!r} in {original.at(_key_line(original, key))}, "
                f"{theirs[key]!r} in {translation.at(_key_line(translation, key))}", translation.shown, _key_line(translation, key),
            ))
    return sorted(found, key=lambda finding: finding.message)


def _front_matter(side: Side) -> dict[str, object]:
    """Key -> value, from the YAML front matter MkDocs reads (none when it is malformed: the
    build's page checks report that)."""
    front = side.page.front_matter
    if not front.meta or not front.yaml_text:
        return {}
    return {str(key): value for key, value in front.meta.items()}


def _key_line(side: Side, key: str) -> int:
    """The line of a front matter key, asked for only by a finding: most pairs have none, and
    their YAML is then not read again for its lines."""
    front = side.page.front_matter
    return front.key_lines.get(key, front.yaml_line)


def check_headings(original: Side, translation: Side) -> list[Finding]:
    found = []
    listed = {}
    for side in (original, translation):
        for heading in side.page.headings:
            if not heading.explicit:
                found.append(Finding(
                    "heading", f"heading without an explicit id in {side.at(heading.line)} ({heading.title!r}): "
                    "add {#id} so it pairs with its twin", side.shown, heading.line,
                ))
        listed[side.shown] = {heading.id: heading for heading in side.page.headings if heading.explicit}
    ours, theirs = listed[original.shown], listed[translation.shown]
    for heading_id, heading in ours.items():
        twin = theirs.get(heading_id)
        if twin is None:
            found.append(Finding("heading", f"heading {heading_id!r}: in {original.at(heading.line)}, missing in {translation.shown}", translation.shown))
        elif twin.level != heading.level:
            found.append(Finding(
                "heading", f"heading {heading_id!r}: level {heading.level} in {original.at(heading.line)}, "
                f"level {twin.level} in {translation.at(twin.line)}", translation.shown, twin.line,
            ))
    for heading_id, twin in theirs.items():
        if heading_id not in ours:
            found.append(Finding("heading", f"heading {heading_id!r}: missing in {original.shown}, in {translation.at(twin.line)}", translation.shown, twin.line))
    shared_ours = [heading_id for heading_id in ours if heading_id in theirs]
    shared_theirs = [heading_id for heading_id in theirs if heading_id in ours]
    for position, (mine, other) in enumerate(zip(shared_ours, shared_theirs), start=1):
        if mine != other:
            found.append(Finding(
                "heading", f"headings out of order: {mine!r} comes {_ordinal(position)} in {original.at(ours[mine].line)}, "
                f"{other!r} in {translation.at(theirs[other].line)}", translation.shown, theirs[other].line,
            ))
            break
    return found


def _ordinal(position: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(position, f"{position}th")


def _count_mismatch(rule: str, plural: str, ours: list[Feature], theirs: list[Feature], original: Side, translation: Side) -> list[Finding]:
    if len(ours) == len(theirs):
        return []
    return [Finding(rule, f"{plural}: {len(ours)} in {original.shown}, {len(theirs)} in {translation.shown}", translation.shown)]


def check_tables(original: Side, translation: Side) -> list[Finding]:
    ours, theirs = list(original.page.tables), list(translation.page.tables)
    found = _count_mismatch("table", "tables", ours, theirs, original, translation)
    for number, (mine, other) in enumerate(zip(ours, theirs), start=1):
        if mine.rows != other.rows:
            found.append(Finding(
                "table", f"table {number}: {mine.rows} rows in {original.at(mine.line)}, {other.rows} rows in {translation.at(other.line)}",
                translation.shown, other.line,
            ))
        if mine.columns != other.columns:
            found.append(Finding(
                "table", f"table {number}: {mine.columns} columns in {original.at(mine.line)}, "
                f"{other.columns} columns in {translation.at(other.line)}", translation.shown, other.line,
            ))
    return found


def _same_values(rule: str, singular: str, plural: str, extract: Callable[[MarkdownPage], tuple[Feature, ...]], describe=repr):
    def check(original: Side, translation: Side) -> list[Finding]:
        ours, theirs = list(extract(original.page)), list(extract(translation.page))
        found = _count_mismatch(rule, plural, ours, theirs, original, translation)
        for number, (mine, other) in enumerate(zip(ours, theirs), start=1):
            if mine.value != other.value:
                found.append(Finding(
                    rule, f"{singular} {number}: {describe(mine.value)} in {original.at(mine.line)}, "
                    f"{describe(other.value)} in {translation.at(other.line)}{_link_hint(rule, mine.value, other.value)}",
                    translation.shown, other.line,
                ))
                break  # after the first difference, the rest is usually the same shift
        return found

    return check


def _link_hint(rule: str, ours: str, theirs: str) -> str:
    if rule != "link":
        return ""
    if urlsplit(ours).scheme or urlsplit(theirs).scheme:
        return " (external links must be identical)"
    return " (internal links keep the original's target, which resolves to the twin page)"


def _language_or_none(value: str) -> str:
    return repr(value) if value else "no language"


RULES = (
    check_front_matter,
    check_headings,
    check_tables,
    _same_values("link", "link", "links", lambda page: page.links),
    _same_values("code block", "code block", "code blocks", lambda page: page.code_blocks, _language_or_none),
    _same_values("image", "image", "images", lambda page: page.images),
    _same_values("admonition", "admonition", "admonitions", lambda page: page.admonitions),
)
