"""Tell templates each page's translation status: original, current or untranslated (a fallback).

The content wrapper in overrides/main.html carries it as `data-translation-status`;
a fallback page also gets the notice and `lang` of the language it is shown in.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from bilingual_site import build_context
from bilingual_site.translation_status import page_status


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    languages = build_context.languages(config)
    source_language = build_context.source_locale(page)
    status = page_status(languages.current, source_language, languages.default)
    context["translation"] = {
        "status": status,
        "content_language": source_language,
        "page_language": languages.current,
        # Where a contributor creates the missing translation on GitHub.
        "new_file_url": (
            f"{config.repo_url.rstrip('/')}/new/main/docs/{languages.current}?filename={page.file.src_uri.split('/', 1)[1]}"
            if status == "untranslated" and config.repo_url
            else None
        ),
    }
    return context
