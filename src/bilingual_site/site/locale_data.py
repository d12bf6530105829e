"""Language names and dates in a reader's language, from CLDR through Babel (the data MkDocs uses for locales).

A language of the site is named by its code (`fr`, `en`, `pt-BR`); the CLDR locale that writes
its dates may be a regional one (`en_GB` writes "5 December 2026", CLDR's plain `en` the American
"December 5, 2026"): each language's `extra.cldr_locale` in mkdocs.yml says which, and defaults
to the language code.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date, format_skeleton


class UnknownLanguage(ValueError):
    """A code that is not a language CLDR knows (the message says which)."""


@lru_cache(maxsize=64)
def cldr_locale(code: str) -> Locale:
    """The Babel locale of a BCP 47 tag (`pt-BR`) or a CLDR identifier (`pt_BR`)."""
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as error:
        raise UnknownLanguage(f"'{code}' is not a language tag CLDR knows ({error})") from None


def language_name(code: str, reader: str) -> str:
    """``code``'s name as a reader of ``reader`` writes it: language_name('en', 'fr') == 'anglais'."""
    return cldr_locale(code).get_display_name(cldr_locale(reader)) or code


def default_og_locale(code: str) -> str:
    """The Open Graph locale of a language with no `extra.og_locale`: its region, or the one CLDR
    finds most likely for it (`es` -> es_ES, `pt-BR` -> pt_BR, `zh-Hant` -> zh_TW); the bare
    language when CLDR names none."""
    locale = cldr_locale(code)
    if locale.territory:
        return f"{locale.language}_{locale.territory}"
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        if key in likely:
            territory = Locale.parse(likely[key]).territory
            if territory:
                return f"{locale.language}_{territory}"
    return locale.language


def long_date(date: datetime.date, locale: str) -> str:
    """'5 décembre 2026', '5 December 2026' (en_GB); French writes the first of the month '1er'
    (an ordinal, which CLDR's patterns do not give)."""
    cldr = cldr_locale(locale)
    if cldr.language == "fr" and date.day == 1:
        return format_date(date, format="'1er' MMMM y", locale=cldr)
    return format_date(date, format="long", locale=cldr)


def partial_date(value: str, locale: str) -> str:
    """An ISO date of the reference data, as precise as it is: '2025', '2025-04' or '2025-04-14'."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        return long_date(datetime.date(*parts), locale)
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=cldr_locale(locale))
    return str(parts[0])
