"""The interface strings of each language, and those that would betray another language on a page.

The strings of each language's interface are in hand: Material's (its partials/languages/<code>.html,
with the site's corrections from mkdocs.yml) and the site's own (each language's extra.ui). A page
of language L must not show a string that belongs to another language's interface and not to L's
(tests/test_interface_language.py; every page is read in Chromium by tests/test_browser.py).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import material

from bilingual_site.mkdocs.config_file import read_mkdocs_yml
from sitebuild import PROJECT

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
