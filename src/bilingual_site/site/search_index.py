"""Per-language search indexes with accent-folded terms, from the merged index MkDocs writes.

Material's search loads `search/search_index.json` under the page's base URL.
The i18n plugin merges every language into the root index; we split it so each
language loads only its own, drop fallback copies from the non-default ones,
and add a `folded` field so that "modele" finds "modèles" while "modèle" still
matches the text as written.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

FOLDED_FIELD = "folded"
LUNR_FOLDER = "assets/javascripts/lunr/min"  # in Material's theme folder


@lru_cache(maxsize=65536)  # an index folds the same few words again and again
def fold_accents(text: str) -> str:
    """'Modèles d'inférence' -> 'Modeles d'inference' (NFKD, combining marks dropped)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded_terms(text: str, separator: str) -> str:
    """The words of ``text`` (an entry's HTML: Material keeps a few tags such as <code> and escapes
    the text) whose folded form differs from how they are written, folded, once each."""
    if text.isascii() and "&" not in text:
        return ""  # no letter to fold, written or as a character reference: most English entries
    # Read as a browser reads the entry's markup: the parser drops the tags and decodes the references.
    plain = LexborHTMLParser(text).root.text(deep=True, separator=" ")
    if plain.isascii():
        return ""
    words: dict[str, None] = {}
    for word in set(re.split(separator, plain.lower())):
        if not word.isascii():
            folded = fold_accents(word)
            if folded != word:
                words[folded] = None
    return " ".join(sorted(words))


def lunr_language(language: str, theme_dirs: list[Path]) -> str:
    """The language Material's search tokenizes ``language`` as: its base language when the theme
    ships lunr's support for it (`pt-BR` -> `pt`), else English. The search worker loads
    `lunr.<lang>.min.js` for each language of the index: one it does not ship breaks the search."""
    base = language.split("-")[0].split("_")[0]
    if base == "en" or any((folder / LUNR_FOLDER / f"lunr.{base}.min.js").is_file() for folder in theme_dirs):
        return base
    return "en"


def split_by_language(
    index: dict, languages: list[str], default: str, excluded_pages: set[str], search_languages: dict[str, str] | None = None
) -> dict[str, dict]:
    """language -> an index holding only its entries, locations relative to its folder.

    ``excluded_pages`` are site-relative page URLs ('en/claims.html') left out: fallback copies.
    ``search_languages`` maps a language to the one its index is tokenized as (lunr_language).
    """
    split: dict[str, dict] = {}
    prefixes = {language: f"{language}/" for language in languages if language != default}
    for language in languages:
        config = copy.deepcopy(index["config"])
        config["lang"] = [(search_languages or {}).get(language, language)]
        split[language] = {"config": config, "docs": []}
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        if page in excluded_pages:
            continue
        language = next((code for code, prefix in prefixes.items() if doc["location"].startswith(prefix)), default)
        entry = dict(doc)
        if language != default:
            entry["location"] = doc["location"][len(prefixes[language]):]
        split[language]["docs"].append(entry)
    return split


def add_folded_field(index: dict) -> dict:
    """Index the accent-folded words of each entry's title and text in a field of their own."""
    separator = index["config"]["separator"]
    index["config"].setdefault("fields", {})[FOLDED_FIELD] = {"boost": 1}
    for doc in index["docs"]:
        terms = folded_terms(f"{doc.get('title', '')} {doc.get('text', '')}", separator)
        if terms:
            doc[FOLDED_FIELD] = terms
    return index
