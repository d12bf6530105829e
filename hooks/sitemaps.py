"""Write one sitemap per language, listing only real pages (no fallback copies) and pairing real translations.

Replaces the plugin's merged sitemap, which lists fallback copies as English
pages, and gives `/en/sitemap.xml` (which Material's JavaScript requests) a body.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from bilingual_site import build_context
from bilingual_site.parallel_view import is_view as is_parallel_view
from bilingual_site.sitemaps import SitemapEntry, sitemap_files
from bilingual_site.translation_status import UNTRANSLATED

_entries: list[SitemapEntry] = []


def on_pre_build(config: MkDocsConfig) -> None:
    if build_context.all_languages_built(config):  # first language of a new build cycle
        _entries.clear()


@event_priority(-10)  # after hooks/translation_status.py and hooks/language_links.py
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if context["translation"]["status"] == UNTRANSLATED or is_parallel_view(page.meta):
        return context  # a fallback copy, or a parallel view (its canonical page is listed)
    language = build_context.languages(config).current
    alternates = [(alt["lang"], alt["link"]) for alt in build_context.alternates(config)]
    _entries.append(SitemapEntry(language, page.url, page.canonical_url, alternates))
    return context


@event_priority(-110)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return
    site = Path(config.site_dir)
    # The plugin's merged sitemap and its gzip copy are replaced, not kept beside ours.
    (site / "sitemap.xml.gz").unlink(missing_ok=True)
    for folder, sitemap in sitemap_files(_entries).items():
        (site / folder / "sitemap.xml").write_text(sitemap, encoding="utf-8")
