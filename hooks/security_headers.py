"""A Content-Security-Policy <meta> in every built page, and a `_headers` file for hosts that read one.

The policy allows the inline scripts of the site's templates by hash, learnt from a blank render
of the page template when the language's build makes its template environment
(bilingual_site.theme_scripts), before any page is written. Pages get it as they are written
(on_post_page, after every other hook); whatever HTML MkDocs did not write through a page (the
404 pages) gets it once every language is built, from the file. `mkdocs serve` is left alone:
its live reload injects an inline script no build-time hash can allow. hooks/published_html.py
then checks every published file, its policy included. See src/bilingual_site/security_headers.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingual_site import build_context, theme_scripts
from bilingual_site.security_headers import CHARSET_META, headers_file, with_csp_meta

HEADERS_FILE = "_headers"
WRITTEN_KEY = "pages_with_policy"  # normalised absolute paths of the pages that got their policy as written
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    try:
        theme_scripts.learn(env, config, files)
    except ValueError as error:
        raise PluginError(str(error)) from error
    return env


def with_policy(html: str, config: MkDocsConfig, language: str, where: str) -> str:
    try:
        return with_csp_meta(html, theme_scripts.csp_content(theme_scripts.learnt(config)[language]), where)
    except ValueError as error:
        raise PluginError(str(error)) from error


@event_priority(-200)  # after every hook that changes a page's HTML, whatever their order
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _serving:
        return output
    # no resolve(): a system call per folder, per page
    build_context.once_per_run(config, WRITTEN_KEY, set).add(os.path.normpath(page.file.abs_dest_path))
    return with_policy(output, config, build_context.languages(config).current, page.file.dest_uri)


@event_priority(-200)  # after every hook that writes files (sitemaps, 404 pages), whatever their order
def on_post_build(config: MkDocsConfig) -> None:
    if _serving or not build_context.all_languages_built(config):
        return
    site = Path(config.site_dir)
    languages = build_context.languages(config)
    written = build_context.once_per_run(config, WRITTEN_KEY, set)
    for path in sorted(site.rglob("*.html")):
        if os.path.normpath(path) not in written:
            text = path.read_text(encoding="utf-8", errors="replace")
            if CHARSET_META not in text:
                continue  # not the theme's page (a file copied from docs/): hooks/published_html.py reports it
            where = path.relative_to(site).as_posix()
            language = theme_scripts.file_language(where, languages)
            path.write_text(with_policy(text, config, language, where), encoding="utf-8")
    every_language = theme_scripts.union(list(theme_scripts.learnt(config).values()))
    (site / HEADERS_FILE).write_text(headers_file(sorted(every_language.inline_hashes)), encoding="utf-8")
