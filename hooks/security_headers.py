"""A Content-Security-Policy <meta> in every built page, and a `_headers` file for hosts that read one.

The policy allows a page's inline scripts by hash, so it must hash the page's final HTML. Pages
get it as they are written (on_post_page, after every other hook); whatever HTML MkDocs did not
write through a page (the 404 pages) gets it once every language is built, from the file. The
page's HTML is not read back from disk: at 1,000 pages a language that reading and writing
again cost about 5 s a build. `mkdocs serve` is left alone: its live reload injects an inline
script no build-time hash can allow. See src/bilingual_site/security_headers.py for the policy.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from bilingual_site import build_context
from bilingual_site.security_headers import headers_file, with_csp_meta

HEADERS_FILE = "_headers"
_serving = False
# Kept for a whole run (every language's build), emptied when its first build starts.
_hashes: set[str] = set()  # every inline-script hash any page allows, for `_headers`
_written: set[str] = set()  # pages that already carry their policy (normalised absolute paths)


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    if build_context.all_languages_built(config):  # the run's first build (i18n builds the others inside it)
        _hashes.clear()
        _written.clear()


def with_policy(html: str, where: str) -> str:
    try:
        html, hashes = with_csp_meta(html, where)
    except ValueError as error:
        raise PluginError(str(error)) from error
    _hashes.update(hashes)
    return html


@event_priority(-200)  # after every hook that changes a page's HTML, whatever their order
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _serving:
        return output
    _written.add(os.path.normpath(page.file.abs_dest_path))  # no resolve(): a system call per folder, per page
    return with_policy(output, page.file.dest_uri)


@event_priority(-200)  # after every hook that writes files (sitemaps, 404 pages), whatever their order
def on_post_build(config: MkDocsConfig) -> None:
    if _serving or not build_context.all_languages_built(config):
        return
    site = Path(config.site_dir)
    for path in sorted(site.rglob("*.html")):
        if os.path.normpath(path) not in _written:
            path.write_text(with_policy(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix()), encoding="utf-8")
    (site / HEADERS_FILE).write_text(headers_file(sorted(_hashes)), encoding="utf-8")
