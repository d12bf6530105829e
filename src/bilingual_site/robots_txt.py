"""robots.txt for the site root: every page may be crawled, and each language's sitemap is named."""

from __future__ import annotations

from bilingual_site.language_links import absolute_url, language_prefix


def render_robots_txt(site_url: str, languages: list[str], default: str) -> str:
    """Allow everything; one absolute `Sitemap:` line per language (`/sitemap.xml`, `/en/sitemap.xml`).

    Crawlers read robots.txt only at a host's root: when the site is served under a path
    (`https://owner.github.io/repository/`), the file is still written but nobody reads it there.
    """
    lines = ["User-agent: *", "Allow: /", ""]
    for language in [default] + [code for code in languages if code != default]:
        lines.append(f"Sitemap: {absolute_url(site_url, language_prefix(language, default) + 'sitemap.xml')}")
    return "\n".join(lines) + "\n"
