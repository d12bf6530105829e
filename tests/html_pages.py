"""Reading built pages: parsed HTML, links resolved the way a browser resolves them."""

from __future__ import annotations

import posixpath
from pathlib import Path

from bs4 import BeautifulSoup

from bilingual_site.parallel.views import FOLDER as PARALLEL_FOLDER


def parse(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser")


def built_pages(site: Path) -> list[str]:
    """Site-relative URLs of every content page (404 pages, parallel views and theme assets left out)."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "assets" not in path.parts and path.name != "404.html" and PARALLEL_FOLDER not in path.relative_to(site).parts
    )


def parallel_pages(site: Path) -> list[str]:
    """Site-relative URLs of the parallel views (`parallel/<translation>/<page>` in each language's folder)."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "assets" not in path.parts and PARALLEL_FOLDER in path.relative_to(site).parts
    )


def resolve(page_url: str, href: str) -> str:
    """The site-relative target of a relative link found on ``page_url``."""
    target = href.split("#", 1)[0]
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), target))
    if target.endswith("/") or target == "":
        joined = posixpath.join(joined, "index.html") if target else page_url
    return joined.lstrip("./") if joined != "." else "index.html"


def content_wrapper(soup: BeautifulSoup):
    return soup.select_one("[data-translation-status]")
