"""The scripts the site's templates write, learnt before any contribution goes into a page.

The Content-Security-Policy allows inline scripts by hash, and the final check of published pages
(published_html) refuses every script but the site's own. Hashing the scripts of the final pages
would allow whatever script a contribution slipped in; so the hashes come from the templates:
Material's page template (with the site's overrides) is rendered for each folder depth of the
language's pages, with a blank page and an empty navigation. Page text, titles, front matter,
navigation and data never enter that render; what is left is the theme, the overrides and
mkdocs.yml (the maintainers' configuration, trusted as the templates are).

Rendered once per language and per run, when that language's build makes its template environment
(the plugin's on_env): every page of the language is written after that.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from bilingual_site.site.language_links import Languages
from bilingual_site.checks.published_html import TemplateScripts, template_scripts
from bilingual_site.site.security_headers import meta_policy

PAGE_TEMPLATE = "main.html"
BLANK_PAGE = "blank-page.md"
FALLBACK_SITE_URL = "https://site.invalid/"  # resolves relative paths when mkdocs.yml sets no site_url


def site_url(config: MkDocsConfig) -> str:
    return config.site_url or FALLBACK_SITE_URL


def page_depths(files: Files) -> list[int]:
    """The folder depths this language's pages are written at, and the root's (the 404 page)."""
    return sorted({0} | {file.dest_uri.count("/") for file in files.documentation_pages()})


def blank_page_scripts(env: Environment, config: MkDocsConfig, depths: list[int], site_context: dict) -> TemplateScripts:
    """The scripts of the page template rendered with a blank page at each of ``depths``.

    ``site_context``: what the site's plugin gives every page's template that depends on no page
    (the search fallback's offers), so that the templates' conditional parts are rendered too.
    """
    template = env.get_template(PAGE_TEMPLATE)
    hashes: set[str] = set()
    paths: set[str] = set()
    for depth in depths:
        file = File.generated(config, "/".join(["blank"] * depth + [BLANK_PAGE]), content="")
        page = Page("", file, config)
        page.content = ""
        context = get_context(Navigation([], []), [], config, page)
        context.update(site_context)
        try:
            html = template.render(context)
            found = template_scripts(html, file.dest_uri, site_url(config))
        except Exception as error:  # a template that cannot render blank cannot vouch for its scripts
            raise ValueError(f"rendering {PAGE_TEMPLATE} with a blank page at depth {depth} to learn its scripts failed: {error}") from error
        hashes |= found.inline_hashes
        paths |= found.paths
    return TemplateScripts(frozenset(hashes), frozenset(paths))


def union(scripts: list[TemplateScripts]) -> TemplateScripts:
    return TemplateScripts(
        frozenset().union(*(item.inline_hashes for item in scripts)),
        frozenset().union(*(item.paths for item in scripts)),
    )


def file_language(site_path: str, languages: Languages) -> str:
    """The language whose build wrote a published file: its top folder when that is a language's
    (`en/...`, `en/parallel/...`), the default language's otherwise (`404.html`, `parallel/...`)."""
    top = site_path.split("/", 1)[0]
    return top if top in languages.others and "/" in site_path else languages.default


def csp_content(scripts: TemplateScripts) -> str:
    """The CSP <meta> content of the pages whose templates write ``scripts``."""
    return meta_policy(tuple(sorted(scripts.inline_hashes)))
