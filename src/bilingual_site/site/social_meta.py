"""Open Graph and Twitter card tags of a page: pure functions, no MkDocs state.

No image: the site has none to offer and makes none at build time, so cards are `summary`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SocialMeta:
    title: str
    description: str
    type: str  # "website" for a language's home page, "article" for the others
    url: str  # absolute: the page's canonical URL
    site_name: str
    locale: str  # Open Graph form, e.g. fr_FR
    alternate_locales: tuple[str, ...]  # locales of the page's real translations

    def tags(self) -> list[tuple[str, str, str]]:
        """(attribute, name, content) of each `<meta>`, in the order they are written."""
        tags = [
            ("property", "og:type", self.type),
            ("property", "og:site_name", self.site_name),
            ("property", "og:title", self.title),
            ("property", "og:description", self.description),
            ("property", "og:url", self.url),
            ("property", "og:locale", self.locale),
        ]
        tags += [("property", "og:locale:alternate", locale) for locale in self.alternate_locales]
        tags += [
            ("name", "twitter:card", "summary"),
            ("name", "twitter:title", self.title),
            ("name", "twitter:description", self.description),
        ]
        return tags


def social_meta(
    *,
    title: str,
    description: str,
    is_home: bool,
    url: str,
    site_name: str,
    content_language: str,
    alternate_languages: list[str],
    locales: dict[str, str],
) -> SocialMeta:
    """Tags for one page.

    ``content_language`` is the language of the page's text (French on an untranslated English
    URL); ``alternate_languages`` are its hreflang languages, `x-default` and itself left out here.
    """
    alternates = tuple(
        locales[language]
        for language in dict.fromkeys(alternate_languages)
        if language not in ("x-default", content_language)
    )
    return SocialMeta(
        title=site_name if is_home else title,
        description=description,
        type="website" if is_home else "article",
        url=url,
        site_name=site_name,
        locale=locales[content_language],
        alternate_locales=alternates,
    )
