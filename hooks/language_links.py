"""Language links of every page: hreflang alternates, canonical URL and the language switcher.

Material writes `<link rel="alternate" hreflang>` from `config.extra.alternate`;
we set it per page to absolute URLs of the real translations only, plus
`x-default`. The switcher (overrides/partials/alternate.html) reads its own list
from `language_switcher`, because it also offers fallback pages, which hreflang
must not declare.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual_site import build_context
from bilingual_site.language_links import page_language_links


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    languages = build_context.languages(config)
    links = page_language_links(
        page_url=page.url,
        languages=languages,
        translated_languages=build_context.translated_languages(page, languages),
        site_url=config.site_url,
        names={code: build_context.language_config(config, code).name for code in languages.all},
    )
    page.canonical_url = links.canonical
    build_context.set_alternates(
        config, [{"name": link.name, "link": link.absolute, "lang": link.hreflang} for link in links.hreflang]
    )
    context["language_switcher"] = [
        {
            "name": link.name,
            "lang": link.language,
            "href": get_relative_url(link.url, page.url),
            "current": link.language == languages.current,
        }
        for link in links.switcher
    ]
    return context
