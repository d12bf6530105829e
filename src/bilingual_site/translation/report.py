"""The data of the translation status page: per translation language, progress and pages by status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from babel.numbers import format_percent

from bilingual_site.site.language_links import language_prefix
from bilingual_site.site.locale_data import cldr_locale
from bilingual_site.translation.freshness import CURRENT, ORIGINAL, ORPHAN, OUTDATED, UNTRANSLATED, PageStatus, ProjectStatus, progress
from bilingual_site.markdown.model import page_text, split_front_matter
from bilingual_site.translation.project import Project

# What needs work comes first.
REPORT_ORDER = (OUTDATED, UNTRANSLATED, ORPHAN, CURRENT, ORIGINAL)


@dataclass(frozen=True)
class ReportRow:
    status: PageStatus
    title: str
    title_language: str  # the language of the file the title comes from (the original's when untranslated)
    url: str  # site-relative URL of the page in the translation's language


@dataclass(frozen=True)
class LanguageReport:
    language: str
    done: int
    total: int
    rows: list[ReportRow]

    @property
    def percent(self) -> int:
        return 100 * self.done // self.total if self.total else 100


@dataclass(frozen=True)
class StatusReport:
    languages: list[LanguageReport]

    def for_page(self, page_url: str, reader_language: str, relative_url: Callable[[str, str], str]) -> list[dict]:
        """Template data with links relative to the page showing the report."""
        return [
            {
                "language": report.language,
                "done": report.done,
                "total": report.total,
                "percent": report.percent,
                # CLDR's way of writing it in the reader's language: "100 %" in French, "100%" in English.
                "percent_text": format_percent(report.percent / 100, locale=cldr_locale(reader_language)),  # pt-BR: Babel reads pt_BR
                "rows": [
                    {
                        "page": row.status.page,
                        "title": row.title,
                        "title_language": row.title_language,
                        "status": row.status.status,
                        "href": relative_url(row.url, page_url),
                        "changes": [change.id or "" for change in row.status.changes],
                    }
                    for row in sorted(report.rows, key=lambda row: (REPORT_ORDER.index(row.status.status), row.status.page))
                ],
            }
            for report in self.languages
        ]


def page_title(project: Project, language: str, page: str) -> tuple[str, str]:
    """The front matter title of the page in ``language``, or of the original when there is none,
    with the language it is written in."""
    for folder in (language, project.default_language):
        path = project.page_path(folder, page)
        if path.is_file():
            title = split_front_matter(page_text(project.read(path))).meta.get("title")
            if title:
                return str(title), folder
    return page, language


def page_url(project: Project, language: str, page: str) -> str:
    return language_prefix(language, project.default_language) + page[: -len(".md")] + ".html"


def status_report(tracker: ProjectStatus) -> StatusReport:
    project = tracker.project
    statuses = tracker.all_statuses()
    languages = []
    for language in project.translation_languages:
        done, total = progress(statuses, language)
        rows = [
            ReportRow(status, *page_title(project, language, status.page), page_url(project, language, status.page))
            for status in statuses
            if status.language == language
        ]
        languages.append(LanguageReport(language, done, total, rows))
    return StatusReport(languages)
