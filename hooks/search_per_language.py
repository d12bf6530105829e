"""One search index per language, accent-insensitive, loaded only by that language's pages.

After the last language is built, the merged root index is split into
`search/search_index.json` (default language) and `<lang>/search/search_index.json`;
pages of other languages get a base URL pointing at their own folder so that
Material's search loads their index. See src/bilingual_site/search_index.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual_site import build_context
from bilingual_site.search_index import add_folded_field, split_by_language
from bilingual_site.translation_status import UNTRANSLATED

INDEX = "search/search_index.json"
_fallback_pages: set[str] = set()


def on_config(config: MkDocsConfig) -> None:
    # Material scopes stored preferences (colour scheme) by base URL; keep one scope for the whole
    # site, since the base URL of non-default pages now points at their language folder.
    config.extra["scope"] = build_context.site_path(config.site_url)


def on_pre_build(config: MkDocsConfig) -> None:
    if build_context.all_languages_built(config):  # first language of a new build cycle
        _fallback_pages.clear()


@event_priority(-10)  # after hooks/translation_status.py
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    languages = build_context.languages(config)
    if context["translation"]["status"] == UNTRANSLATED:
        _fallback_pages.add(page.url)
    if languages.current != languages.default:
        folder = build_context.language_prefix(languages.current, languages.default).rstrip("/")
        context["base_url"] = get_relative_url(folder, page.url)
    return context


@event_priority(-110)  # after the i18n plugin has merged every language's entries
def on_post_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return
    languages = build_context.languages(config)
    site = Path(config.site_dir)
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for language, index in split_by_language(merged, languages.all, languages.default, _fallback_pages).items():
        target = site / build_context.language_prefix(language, languages.default) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(add_folded_field(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
