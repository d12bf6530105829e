"""A Content-Security-Policy <meta> in every built page, and a `_headers` file for hosts that read one.

Runs once every language is built, over every .html file of the site (404 pages included),
because the policy allows the page's inline scripts by hash and must hash the final HTML.
`mkdocs serve` is left alone: its live reload injects an inline script no build-time hash can allow.
See src/bilingual_site/security_headers.py for the policy itself.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from bilingual_site import build_context
from bilingual_site.security_headers import headers_file, with_csp_meta

HEADERS_FILE = "_headers"
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-200)  # after every hook that writes pages (sitemaps, 404 pages), whatever their order
def on_post_build(config: MkDocsConfig) -> None:
    if _serving or not build_context.all_languages_built(config):
        return
    site = Path(config.site_dir)
    all_hashes: set[str] = set()
    for path in sorted(site.rglob("*.html")):
        try:
            html, hashes = with_csp_meta(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix())
        except ValueError as error:
            raise PluginError(str(error)) from error
        path.write_text(html, encoding="utf-8")
        all_hashes.update(hashes)
    (site / HEADERS_FILE).write_text(headers_file(sorted(all_hashes)), encoding="utf-8")
