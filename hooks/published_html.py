"""The last word: once every language is built, every published HTML file is parsed and held
against the site's allowlist (src/bilingual_site/published_html.py); any finding stops the build,
and hooks/failed_build.py then empties the site folder.

Every file counts, whoever wrote it: pages, 404 pages, parallel views, files copied from docs/.
The scripts allowed are those the templates write (bilingual_site.theme_scripts, learnt before
any page is written); the CSP <meta> must be the policy hooks/security_headers.py writes, except
under `mkdocs serve`, which writes none (its live reload injects a script when serving, not into
the files checked here). The check runs under `mkdocs serve` too, and stops that rebuild.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingual_site import build_context, theme_scripts
from bilingual_site.parallel_view import FOLDER as PARALLEL_FOLDER
from bilingual_site.published_html import SitePolicy, check_document, decode_published

# What a browser parses as HTML among the files a static host serves (by their extension).
HTML_SUFFIXES = (".html", ".htm")
SOURCES_KEY = "published_page_sources"  # site path of each page -> the docs/ file it was built from
NOT_FOUND_SOURCE = "overrides/404.html"
log = logging.getLogger(f"mkdocs.hooks.{__name__}")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # hooks/security_headers.py learns them too when it runs first; it is left out under serve.
    try:
        theme_scripts.learn(env, config, files)
    except ValueError as error:
        raise PluginError(str(error)) from error
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build_context.once_per_run(config, SOURCES_KEY, dict)[page.file.dest_uri] = f"docs/{page.file.src_uri}"
    return output


def written_from(where: str, languages: build_context.Languages) -> str | None:
    """What a file no Markdown page was rendered to carries: the 404 template, or a parallel view's
    two pages (the view's shell is a page of its own, built from no file of docs/)."""
    if where.rsplit("/", 1)[-1] == "404.html":
        return NOT_FOUND_SOURCE
    parts = where.split("/")
    if parts[0] in languages.others:
        parts = parts[1:]
    if len(parts) >= 3 and parts[0] == PARALLEL_FOLDER and parts[1] in languages.others:
        page = "/".join(parts[2:]).removesuffix(".html") + ".md"
        return f"docs/{languages.default}/{page} and docs/{parts[1]}/{page}, side by side"
    return None


@event_priority(-400)  # after every language is built and every file written (parallel views: -300)
def on_post_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return
    started = time.perf_counter()
    site = Path(config.site_dir)
    languages = build_context.languages(config)
    sources = build_context.once_per_run(config, SOURCES_KEY, dict)
    learnt = theme_scripts.learnt(config)
    site_url = theme_scripts.site_url(config)
    policies = {
        language: SitePolicy(
            inline_script_hashes=scripts.inline_hashes,
            script_paths=scripts.paths,
            site_url=site_url,
            csp=None if _serving else theme_scripts.csp_content(scripts),
        )
        for language, scripts in learnt.items()
    }
    findings: list[str] = []
    checked = 0
    for path in sorted(site.rglob("*")):
        if path.suffix.lower() not in HTML_SUFFIXES or not path.is_file():
            continue
        where = path.relative_to(site).as_posix()
        source = written_from(where, languages) or sources.get(where)
        text, problem = decode_published(path.read_bytes())
        if problem:
            findings.append(f"{where}: {problem}")
            continue
        policy = policies.get(theme_scripts.file_language(where, languages))
        if policy is None:
            findings.append(f"{where}: no template scripts were learnt for its language")
            continue
        findings += [str(finding) for finding in check_document(text, where, policy, source)]
        checked += 1
    log.debug(f"checked {checked} published HTML files in {time.perf_counter() - started:.3f} s")
    if findings:
        raise PluginError(
            f"{len(findings)} problem(s) in the published HTML (src/bilingual_site/published_html.py):\n" + "\n".join(findings)
        )
