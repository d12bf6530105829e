"""Every word of the interface a reader meets is in the page's language (issue: the polish pass).

The strings of each language's interface are in hand: Material's (its partials/languages/<code>.html,
with the site's corrections from mkdocs.yml) and the site's own (each language's extra.ui). A page
of language L must not show a string that belongs to another language's interface and not to L's,
outside what is marked as another language (quotations, a fallback page's text, the sides of a
parallel view carry `lang`) and the language switcher, which names each language in its own words.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import material
import pytest

from bilingual_site.mkdocs.config_file import read_mkdocs_yml
from page_tour import tour_pages
from sitebuild import PROJECT

pytestmark = pytest.mark.browser

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
SHORTEST = 8  # shorter strings ("Source", "Navigation") are shared words, not a language's tell


def language_entries() -> list[dict]:
    config = read_mkdocs_yml(PROJECT / "mkdocs.yml")
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return i18n["languages"]


def material_strings(code: str, corrections: dict) -> set[str]:
    """Material's interface strings for ``code`` (as its template dict holds them), corrected by the site."""
    path = MATERIAL_TEMPLATES / "partials" / "languages" / f"{code}.html"
    table = jinja2.Environment().parse(path.read_text(encoding="utf-8")).find(jinja2.nodes.Dict)
    strings = {pair.key.value: pair.value.value for pair in table.items}
    strings.update(corrections)
    return {value for key, value in strings.items() if key not in ("language", "search.config.lang")}


def site_strings(tree) -> set[str]:
    """The texts of a nested block of interface strings, cut at their {placeholders}."""
    found: set[str] = set()
    if isinstance(tree, dict):
        for value in tree.values():
            found |= site_strings(value)
    elif isinstance(tree, list):
        for value in tree:
            found |= site_strings(value)
    elif isinstance(tree, str):
        text = tree
        while "{" in text and "}" in text[text.index("{"):]:
            before, _, rest = text.partition("{")
            found.add(before)
            text = rest.partition("}")[2]
        found.add(text)
    return {text.strip(" \u00a0:;.") for text in found}


def interface_strings() -> dict[str, set[str]]:
    strings = {}
    for entry in language_entries():
        extra = entry.get("extra") or {}
        found = material_strings(entry["locale"], extra.get("theme_strings") or {}) | site_strings(extra.get("ui") or {})
        strings[entry["locale"]] = {text for text in found if len(text) >= SHORTEST}
    return strings


def tells(strings: dict[str, set[str]], language: str) -> set[str]:
    """The other languages' strings that ``language``'s interface does not say too. A single word
    counts only if no string of ``language`` uses it ("original" is French and English)."""
    own = strings[language]
    own_words = {word.lower() for text in own for word in text.split()}
    return {
        text
        for other, other_strings in strings.items()
        if other != language
        for text in other_strings - own
        if " " in text or text.lower() not in own_words
    }


@pytest.mark.xdist_group("page_tour")
def test_no_page_shows_an_interface_string_of_another_language(page_tour, site):
    """Every page, parallel view and 404 page, read on load by the page tour (tests/page_tour.py,
    READ_PAGE: the text a reader sees or hears, without what is marked as another language and
    without the language switcher)."""
    strings = interface_strings()
    assert len(strings) >= 2
    assert list(page_tour) == tour_pages(site)
    found = {}
    for url, visit in page_tour.items():
        foreign = {tell for tell in tells(strings, visit.language) if tell in visit.text}
        if foreign:
            found[url] = sorted(foreign)
    assert found == {}


def test_the_check_sees_a_foreign_string():
    """The strings in hand are the ones the pages print: Material's French edit title is corrected."""
    strings = interface_strings()
    assert "Modifier cette page" in strings["fr"] and "Editer cette page" not in strings["fr"]
    assert "Edit this page" in strings["en"]
    assert "Editer cette page" not in tells(strings, "en") and "Modifier cette page" in tells(strings, "en")
    assert "original" not in tells(strings, "en")
