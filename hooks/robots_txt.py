"""Write robots.txt at the site root, naming each language's sitemap (see hooks/sitemaps.py).

Lighthouse's SEO audit requests `/robots.txt`; without one the static host answers
with its 404 page, which the audit reports as an invalid robots.txt.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from bilingual_site import build_context
from bilingual_site.robots_txt import render_robots_txt


@event_priority(-110)  # after the i18n plugin has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return
    languages = build_context.languages(config)
    text = render_robots_txt(config.site_url, languages.all, languages.default)
    (Path(config.site_dir) / "robots.txt").write_text(text, encoding="utf-8")
