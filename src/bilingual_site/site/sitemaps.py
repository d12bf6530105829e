"""Per-language sitemaps that pair only real translations."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape  # &, <, > and quotes, as XML reads them; xml.sax.saxutils would load urllib.request and ssl in every build

from bilingual_site.site.language_links import absolute_url, language_prefix


@dataclass
class SitemapEntry:
    language: str
    url: str  # site-relative, e.g. "en/note.html"
    absolute: str
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, absolute URL)


def render_sitemap(entries: list[SitemapEntry]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in sorted(entries, key=lambda e: e.url):
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(entry.absolute, quote=False)}</loc>")
        for hreflang, href in entry.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{escape(hreflang)}" href="{escape(href)}"/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def sitemap_files(entries: list[SitemapEntry], language_folders: dict[str, str] | None = None) -> dict[str, str]:
    """Folder -> the sitemap to write there: the language's whose pages the folder holds.

    Material fetches `sitemap.xml` beside every hreflang URL of a page, so each
    folder that holds pages of a language gets that language's sitemap. Each
    language's is rendered once, however many folders it is written to.
    ``language_folders`` (language -> its folder, 'es/') gives a language whose pages are all
    untranslated, so listed nowhere, its sitemap too: an empty one, which robots.txt names.
    """
    by_language: dict[str, list[SitemapEntry]] = {language: [] for language in language_folders or {}}
    for entry in entries:
        by_language.setdefault(entry.language, []).append(entry)
    rendered = {language: render_sitemap(listed) for language, listed in by_language.items()}
    folders: dict[str, str] = {folder: rendered[language] for language, folder in (language_folders or {}).items()}
    for entry in entries:
        folder = entry.url.rsplit("/", 1)[0] + "/" if "/" in entry.url else ""
        folders.setdefault(folder, rendered[entry.language])
    return folders


def render_robots_txt(site_url: str, languages: list[str], default: str) -> str:
    """Allow everything; one absolute `Sitemap:` line per language (`/sitemap.xml`, `/en/sitemap.xml`).

    Crawlers read robots.txt only at a host's root: when the site is served under a path
    (`https://owner.github.io/repository/`), the file is still written but nobody reads it there.
    """
    lines = ["User-agent: *", "Allow: /", ""]
    for language in [default] + [code for code in languages if code != default]:
        lines.append(f"Sitemap: {absolute_url(site_url, language_prefix(language, default) + 'sitemap.xml')}")
    return "\n".join(lines) + "\n"
