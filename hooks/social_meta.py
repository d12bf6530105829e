"""Open Graph and Twitter card tags for every page, written by overrides/partials/social-meta.html.

The Open Graph locale of each language is `og_locale` under its `extra:` in mkdocs.yml;
og:locale:alternate lists only real translations, the languages hreflang declares
(hooks/language_links.py), so an untranslated page announces none.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from bilingual_site import build_context
from bilingual_site.language_links import neutral_path
from bilingual_site.social_meta import social_meta


def open_graph_locales(config: MkDocsConfig) -> dict[str, str]:
    locales = {}
    for language in build_context.languages(config).all:
        locale = build_context.language_config(config, language)["extra"].get("og_locale")
        if not locale:
            raise PluginError(f"mkdocs.yml: language '{language}' has no extra.og_locale (e.g. fr_FR)")
        locales[language] = locale
    return locales


_locales: dict[str, str] = {}  # this language's build: language -> its og:locale


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _locales.clear()
    _locales.update(open_graph_locales(config))  # once a build, not once a page
    return env


@event_priority(-20)  # after hooks/language_links.py has set the canonical URL and alternates
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    languages = build_context.languages(config)
    context["social"] = social_meta(
        # As Material's <title>: the front matter title first; page.title may be a nav label.
        title=page.meta.get("title") or page.title or config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        # Each language's home page (MkDocs' is_homepage is true only for the root one).
        is_home=neutral_path(page.url, languages.current, languages.default) == "index.html",
        url=page.canonical_url,
        site_name=config.site_name,
        content_language=build_context.source_locale(page),
        alternate_languages=[alternate["lang"] for alternate in build_context.alternates(config)],
        locales=_locales,
    )
    return context
