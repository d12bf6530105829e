"""The translation status of a built page, the contract shared by templates, tests and tools.

A page built from its own language's file gets the status the translation tool
reports (freshness.py); a page the i18n plugin filled in from the original's
file (a fallback) is `untranslated`, whatever the tool says.
"""

from __future__ import annotations

from bilingual_site.freshness import CURRENT, ORIGINAL, OUTDATED, UNTRANSLATED, PageStatus, ProjectStatus

__all__ = ["CURRENT", "ORIGINAL", "OUTDATED", "UNTRANSLATED", "built_page_status"]


def built_page_status(tracker: ProjectStatus, page: str, page_language: str, source_language: str) -> PageStatus:
    default = tracker.project.default_language
    if page_language == default:
        return PageStatus(page, page_language, ORIGINAL)
    if source_language != page_language:
        return PageStatus(page, page_language, UNTRANSLATED)
    return tracker.page_status(page_language, page)
