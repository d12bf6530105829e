"""Whether each translation is up to date with its original, section by section.

A translated section is *current* when the original section's fingerprint is
the one recorded when the translation was last brought up to date. The tool's
`status`, the build's banners and heading marks, the status page and the
parallel view all ask this module, so they cannot disagree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bilingual_site.markdown.model import MarkdownPage, MarkdownOptions, Section, read_markdown
from bilingual_site.translation.records import Lock, PageRecord, read_lock
from bilingual_site.translation.project import Project

ORIGINAL = "original"
CURRENT = "current"
OUTDATED = "outdated"
UNTRANSLATED = "untranslated"
ORPHAN = "orphan"
STATUSES = (ORIGINAL, CURRENT, OUTDATED, UNTRANSLATED, ORPHAN)

CHANGED = "changed"
ADDED = "added"
REMOVED = "removed"


@dataclass(frozen=True)
class SectionChange:
    id: str
    kind: str  # changed, added (in the original since the record) or removed (from the original)
    title: str  # the original's heading text: current one, or the recorded one for a removed section
    line: int | None  # where the section starts in the original; None when removed


@dataclass(frozen=True)
class PageStatus:
    page: str  # relative to the language folder: 'note.md'
    language: str
    status: str
    changes: tuple[SectionChange, ...] = ()
    recorded: datetime.date | None = None
    sections_total: int = 0  # sections of the original
    sections_current: int = 0  # of those, translated and unchanged since the record

    @property
    def stale_ids(self) -> list[str]:
        """Ids of the sections a translated page should mark at their heading."""
        return [change.id for change in self.changes]


def compare(original: list[Section], record: PageRecord | None, options: MarkdownOptions) -> list[SectionChange]:
    """What changed in the original since ``record``: changed and added sections in page order, then removed ones."""
    recorded = record.sections if record else {}
    changes = []
    for section in original:
        if section.id not in recorded:
            changes.append(SectionChange(section.id, ADDED, section.title, section.line))
        elif recorded[section.id].fingerprint != section.fingerprint:
            changes.append(SectionChange(section.id, CHANGED, section.title, section.line))
    current_ids = {section.id for section in original}
    for section_id, section in recorded.items():
        if section_id not in current_ids:
            changes.append(SectionChange(section_id, REMOVED, recorded_title(section.source, options), None))
    return changes


def recorded_title(source: str, options: MarkdownOptions) -> str:
    """The title of a recorded section: its heading's, when it starts with one."""
    headings = read_markdown(source, options).headings
    return headings[0].title if headings and headings[0].line == 1 else ""


class ProjectStatus:
    """Every page of every language, read once from the docs folder and the lock files."""

    def __init__(
        self, project: Project, listed_pages: dict[str, frozenset[str]] | None = None, models: dict[Path, MarkdownPage] | None = None
    ) -> None:
        """``listed_pages``: each language folder's `.md` pages when the caller has listed them already
        (the build); otherwise they are listed from the docs folder. ``models``: the pages the caller
        has read with the project's Markdown options, by path (the build takes each page's model
        from MkDocs' rendering of it, and adds to this dict as pages render); a page not among them
        when its status is asked is read here."""
        self.project = project
        self._listed = listed_pages
        self._models = models if models is not None else {}  # the caller's own dict: the build fills it as pages render
        self._sections: dict[str, list[Section]] = {}
        self._statuses: dict[tuple[str, str], PageStatus] = {}

    @cached_property
    def locks(self) -> dict[str, Lock]:
        return {
            language: read_lock(self.project.lock_path(language), self.project.shown(self.project.lock_path(language)))
            for language in self.project.translation_languages
        }

    @cached_property
    def listed_pages(self) -> dict[str, frozenset[str]]:
        """Each language's `.md` pages (Project.pages), listed once rather than a file looked up per page and language."""
        listed = self._listed
        if listed is None:
            return {language: frozenset(self.project.pages(language)) for language in self.project.languages}
        return {language: listed.get(language, frozenset()) for language in self.project.languages}

    def has_page(self, language: str, page: str) -> bool:
        # A page MkDocs builds from another extension (`.markdown`) is not listed: looked up.
        return page in self.listed_pages[language] or self.project.page_path(language, page).is_file()

    def original_sections(self, page: str) -> list[Section]:
        if page not in self._sections:
            path = self.project.page_path(self.project.default_language, page)
            model = self._models.get(path) or read_markdown(self.project.read(path), self.project.markdown)
            self._sections[page] = model.sections
        return self._sections[page]

    def page_status(self, language: str, page: str) -> PageStatus:
        """The status of one page; read once, as files do not change while one is asked."""
        if (language, page) not in self._statuses:
            self._statuses[language, page] = self._read_status(language, page)
        return self._statuses[language, page]

    def _read_status(self, language: str, page: str) -> PageStatus:
        project = self.project
        if language == project.default_language:
            return PageStatus(page, language, ORIGINAL)
        if not self.has_page(project.default_language, page):
            return PageStatus(page, language, ORPHAN)
        original = self.original_sections(page)
        if not self.has_page(language, page):
            return PageStatus(page, language, UNTRANSLATED, sections_total=len(original))
        record = self.locks[language].get(page)
        changes = compare(original, record, project.markdown)
        stale = {change.id for change in changes}
        return PageStatus(
            page, language, OUTDATED if changes else CURRENT, tuple(changes),
            record.recorded if record else None,
            sections_total=len(original),
            sections_current=sum(1 for section in original if section.id not in stale),
        )

    def all_statuses(self) -> list[PageStatus]:
        """Per language (default first), the original's pages, then the language's orphans."""
        project = self.project
        originals = sorted(self.listed_pages[project.default_language])
        result = [PageStatus(page, project.default_language, ORIGINAL) for page in originals]
        for language in project.translation_languages:
            result += [self.page_status(language, page) for page in originals]
            result += [PageStatus(page, language, ORPHAN) for page in sorted(self.listed_pages[language] - self.listed_pages[project.default_language])]
        return result


def progress(statuses: list[PageStatus], language: str) -> tuple[int, int]:
    """(current sections, all sections of the original) for one translation language."""
    mine = [status for status in statuses if status.language == language and status.status != ORPHAN]
    return sum(status.sections_current for status in mine), sum(status.sections_total for status in mine)


def built_page_status(tracker: ProjectStatus, page: str, page_language: str, source_language: str) -> PageStatus:
    """The status of a built page, the contract shared by templates, tests and tools: a page built
    from its own language's file gets the status the tool reports; a page the i18n plugin filled in
    from the original's file (a fallback) is `untranslated`, whatever the tool says."""
    default = tracker.project.default_language
    if page_language == default:
        return PageStatus(page, page_language, ORIGINAL)
    if source_language != page_language:
        return PageStatus(page, page_language, UNTRANSLATED)
    return tracker.page_status(page_language, page)
