"""Which URLs a page links to in other languages: pure functions, no MkDocs state."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit


@dataclass(frozen=True)
class Languages:
    """The languages of one language's build: the default (original) one, the one being built, all built."""

    default: str
    current: str
    all: tuple[str, ...]

    @property
    def others(self) -> list[str]:
        return [code for code in self.all if code != self.default]


def language_prefix(language: str, default: str) -> str:
    """The folder of a language in the built site: '' for the default language, 'en/' for English."""
    return "" if language == default else f"{language}/"


def absolute_url(site_url: str, url: str) -> str:
    """The public URL of a built page, with 'index.html' dropped so home pages read '/' and '/en/'."""
    if url == "index.html" or url.endswith("/index.html"):
        url = url[: -len("index.html")]
    return urljoin(site_url, url)


def site_path(site_url: str) -> str:
    """The path the site is served under ('/' or '/repository/')."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


@dataclass(frozen=True)
class LanguageLink:
    language: str
    name: str
    url: str  # site-relative, e.g. "en/note.html"
    absolute: str
    hreflang: str


@dataclass(frozen=True)
class PageLanguageLinks:
    canonical: str
    hreflang: list[LanguageLink]
    switcher: list[LanguageLink]


def neutral_path(page_url: str, language: str, default: str) -> str:
    """The page's path without its language folder: 'en/note.html' -> 'note.html'."""
    prefix = language_prefix(language, default)
    if prefix and not page_url.startswith(prefix):
        raise ValueError(f"page URL {page_url!r} is not under {prefix!r}")
    return page_url[len(prefix):]


def page_language_links(
    page_url: str, languages: Languages, translated_languages: set[str], site_url: str, names: dict[str, str]
) -> PageLanguageLinks:
    """hreflang lists only real translations (and x-default, the original); the switcher lists every language."""
    path = neutral_path(page_url, languages.current, languages.default)

    def link(language: str) -> LanguageLink:
        url = language_prefix(language, languages.default) + path
        return LanguageLink(language, names[language], url, absolute_url(site_url, url), language)

    # One link a language (its absolute URL is the costly part), shared by the three lists.
    switcher = [link(language) for language in languages.all]
    by_language = {each.language: each for each in switcher}

    def shared(language: str) -> LanguageLink:
        return by_language[language] if language in by_language else link(language)

    hreflang = [each for each in switcher if each.language in translated_languages]
    hreflang.append(replace(shared(languages.default), hreflang="x-default"))
    # A fallback page duplicates the original: its canonical URL is the original's.
    canonical_language = languages.current if languages.current in translated_languages else languages.default
    return PageLanguageLinks(canonical=shared(canonical_language).absolute, hreflang=hreflang, switcher=switcher)
