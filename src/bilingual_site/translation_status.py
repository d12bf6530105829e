"""The translation status of a built page, the contract shared by templates, tests and tools."""

from __future__ import annotations

ORIGINAL = "original"
CURRENT = "current"
UNTRANSLATED = "untranslated"


def page_status(page_language: str, source_language: str, default_language: str) -> str:
    """`original` for the default language, `untranslated` when built from another language's file."""
    if page_language == default_language:
        return ORIGINAL
    if source_language != page_language:
        return UNTRANSLATED
    return CURRENT
