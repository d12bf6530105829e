"""The translation status page: every translation language's pages by status, with a progress bar.

A page opts in with `translation_report: true` in its front matter;
partials/translation-report.html renders `context["translation_report"]`, made
here from the same code as `translations status` (bilingual_site.freshness).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from bilingual_site import build_context, build_status
from bilingual_site.errors import InputError
from bilingual_site.status_report import status_report


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict | None:
    if not page.meta.get("translation_report"):
        return None
    languages = build_context.languages(config)
    try:
        report = status_report(build_status.tracker())
    except InputError as error:
        raise PluginError(str(error)) from error
    context["translation_report"] = report.for_page(page.url, languages.current)
    return context
