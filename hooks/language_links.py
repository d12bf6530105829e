"""Language links of every page: hreflang alternates, canonical URL and the language switcher.

Material writes `<link rel="alternate" hreflang>` from `config.extra.alternate`;
we set it per page to absolute URLs of the real translations only, plus
`x-default`. The switcher (overrides/partials/alternate.html) reads its own list
from `language_switcher`, because it also offers fallback pages, which hreflang
must not declare.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual_site import build_context
from bilingual_site.language_links import page_language_links


# This language's build: page URL -> (canonical URL, hreflang alternates, language switcher).
_links: dict[str, tuple[str, list[dict], list[dict]]] = {}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Every page is read by now: its links are worked out in one pass, which takes half the time of
    # the same work page by page between renderings; each page then takes its own.
    _links.clear()
    for page in build_context.built_pages(files):
        _links[page.url] = page_links(page, config)
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    canonical, alternates, switcher = _links[page.url]
    page.canonical_url = canonical
    build_context.set_alternates(config, alternates)
    context["language_switcher"] = switcher
    return context


def page_links(page: Page, config: MkDocsConfig) -> tuple[str, list[dict], list[dict]]:
    languages = build_context.languages(config)
    links = page_language_links(
        page_url=page.url,
        languages=languages,
        translated_languages=build_context.translated_languages(page, languages),
        site_url=config.site_url,
        names={code: build_context.language_config(config, code).name for code in languages.all},
    )
    alternates = [{"name": link.name, "link": link.absolute, "lang": link.hreflang} for link in links.hreflang]
    switcher = [
        {
            "name": link.name,
            "lang": link.language,
            "href": get_relative_url(link.url, page.url),
            "current": link.language == languages.current,
        }
        for link in links.switcher
    ]
    return links.canonical, alternates, switcher
