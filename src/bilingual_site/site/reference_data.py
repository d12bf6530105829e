"""The three reference data files: schema checks with file and line, and rendering to Markdown.

Language-neutral fields (ids, URLs, dates, statuses) are written once; each
entry's ``text`` holds one block per language. Rendering takes the language of
the page being built; an entry without text in that language is rendered from
the default language's text, marked with its ``lang`` so nothing is mislabelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from bilingual_site.errors import InputError
from bilingual_site.checks.plain_text import markup_problem
from bilingual_site.checks.safe_yaml import LineDict, LineList, load_yaml_with_lines

CLAIM_STATUSES = ("supported", "partly", "contradicted", "unverifiable")
VERIFIED_VALUES = ("yes", "no", "partly")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# A BCP 47 language tag, as the sources' `language` is written into a `lang` attribute.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
# The characters RFC 3986 allows in a URL (percent-escapes included): no space, quote, angle
# bracket, backslash or brace, so a URL can neither leave the `<...>` autolink it is written in nor
# the href attribute it becomes.
URL_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")

DATA_FILES = {"sources": "sources.yml", "claims": "claims.yml", "glossary": "glossary.yml"}


@dataclass(frozen=True)
class ReferenceData:
    sources: list[LineDict]
    claims: list[LineDict]
    terms: list[LineDict]
    quoted_page: str = "note.md"  # the page whose passages the claims quote, in each language folder
    claims_page: str = "claims.md"  # the page that lists the claims, where the verdict marks lead


class _Checker:
    """Field checks for one file; every failure names the file and the line."""

    def __init__(self, display_path: str) -> None:
        self.path = display_path

    def fail(self, line: int | None, message: str) -> InputError:
        return InputError(self.path, line, message)

    def mapping(self, value: Any, line: int, what: str) -> LineDict:
        if not isinstance(value, LineDict):
            raise self.fail(line, f"{what} must be a mapping")
        return value

    def field(self, entry: LineDict, key: str, what: str) -> Any:
        if key not in entry or entry[key] in (None, ""):
            raise self.fail(entry.line, f"{what}: missing field '{key}'")
        return entry[key]

    def text(self, entry: LineDict, key: str, what: str) -> str:
        value = self.field(entry, key, what)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(entry.key_lines[key], f"{what}: '{key}' must be non-empty text")
        return value

    def entries(self, document: Any, key: str) -> LineList:
        top = self.mapping(document, 1, "the file")
        items = top.get(key)
        if not isinstance(items, LineList) or not items:
            raise self.fail(top.line, f"missing list '{key}'")
        seen: dict[str, int] = {}
        for item, line in zip(items, items.item_lines):
            entry = self.mapping(item, line, f"each item of '{key}'")
            entry_id = self.field(entry, "id", f"item at line {line}")
            if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
                raise self.fail(entry.key_lines["id"], f"id {entry_id!r} must be lowercase words joined by '-'")
            if entry_id in seen:
                raise self.fail(entry.key_lines["id"], f"duplicate id '{entry_id}' (first at line {seen[entry_id]})")
            seen[entry_id] = entry.key_lines["id"]
        return items

    def per_language(self, entry: LineDict, languages: list[str], default: str, what: str) -> LineDict:
        blocks = self.mapping(self.field(entry, "text", what), entry.key_lines["text"], f"{what}: 'text'")
        for language, block in blocks.items():
            if language not in languages:
                raise self.fail(blocks.key_lines[language], f"{what}: language '{language}' is not declared in mkdocs.yml")
            self.mapping(block, blocks.key_lines[language], f"{what}: text.{language}")
        if default not in blocks:
            raise self.fail(blocks.line, f"{what}: missing text for the default language '{default}'")
        return blocks


def _check_url(checker: _Checker, entry: LineDict, what: str) -> None:
    url = checker.text(entry, "url", what)
    outside = sorted({character for character in url if character not in URL_CHARACTERS})
    if outside:
        raise checker.fail(
            entry.key_lines["url"],
            f"{what}: invalid URL {url!r}: {' '.join(map(repr, outside))} may not appear in a URL (percent-encode it, e.g. %22 for '\"')",
        )
    parts = urlsplit(url)
    if not url.startswith("https://") or not parts.netloc or parts.username is not None:
        raise checker.fail(entry.key_lines["url"], f"{what}: invalid URL {url!r} (an absolute https:// URL is required)")


def without_autolinks(text: str) -> str:
    """``text`` with each Markdown autolink to an https URL (`<https://...>`, the URL made of URL
    characters only) replaced by its URL: the one use of angle brackets data texts need."""
    kept: list[str] = []
    position = 0
    while (start := text.find("<https://", position)) != -1:
        end = text.find(">", start)
        url = text[start + 1 : end] if end != -1 else ""
        if not url or any(character not in URL_CHARACTERS for character in url):
            break  # not an autolink: the '<' stays, and is refused
        kept += [text[position:start], url]
        position = end + 1
    return "".join(kept) + text[position:]


def markup_in_data(document: Any, path: str) -> list[InputError]:
    """Every text of a data file that is not plain text, with its line: all of them, before any schema check.

    Data texts become Markdown on the reference pages (headings, list items, table cells), so
    besides the markup of bilingual_site.checks.plain_text, braces are refused (`{...}` after a heading is
    an attribute list) and so are line breaks (a new line would start a new Markdown block, a link
    definition or a closing `</div>`). Quotes are ordinary characters there. An autolink to an
    https URL is allowed (without_autolinks). Keys are language codes and field names, checked by
    the schema.
    """
    found: list[InputError] = []

    def visit(value: Any, line: int) -> None:
        if isinstance(value, LineDict):
            for key, child in value.items():
                visit(child, value.key_lines[key])
        elif isinstance(value, LineList):
            for item, item_line in zip(value, value.item_lines):
                visit(item, item_line)
        elif isinstance(value, str):
            reason = markup_problem(without_autolinks(value), quotes=False, braces=True)
            if reason is None and any(link in value for link in ("](", "][", "]:")):
                reason = "a Markdown link is not allowed in data (its target is not checked here): write the URL as <https://...>"
            if reason is None and "\n" in value.rstrip("\n"):
                reason = "a line break would start a new Markdown block: write the text on one line (or fold it with '>')"
            if reason:
                found.append(InputError(path, line, f"{value[:60]!r} is not plain text: {reason}"))

    visit(document, 1)
    return found


def _check_sources(document: Any, path: str, languages: list[str], default: str) -> list[LineDict]:
    checker = _Checker(path)
    sources = checker.entries(document, "sources")
    for source in sources:
        what = f"source '{source['id']}'"
        _check_url(checker, source, what)
        checker.text(source, "title", what)
        language = checker.text(source, "language", what)
        if not LANGUAGE_TAG.match(language):
            raise checker.fail(source.key_lines["language"], f"{what}: language {language!r} must be a language tag such as 'en' or 'zh-Hans'")
        if not isinstance(source.get("cited"), bool):
            raise checker.fail(source.line, f"{what}: 'cited' must be true or false")
        if source.get("verified") not in VERIFIED_VALUES:
            raise checker.fail(
                source.key_lines.get("verified", source.line),
                f"{what}: unknown verified value {source.get('verified')!r} (expected one of {', '.join(VERIFIED_VALUES)})",
            )
        date = source.get("date")
        if date is not None and not (isinstance(date, str) and DATE_PATTERN.match(date)):
            raise checker.fail(source.key_lines.get("date", source.line), f"{what}: date {date!r} must be a quoted YYYY, YYYY-MM or YYYY-MM-DD, or null")
        for language, block in checker.per_language(source, languages, default, what).items():
            checker.text(block, "publisher", f"{what}, text.{language}")
            checker.text(block, "supports", f"{what}, text.{language}")
    return list(sources)


def _check_claims(document: Any, path: str, languages: list[str], default: str, source_ids: set[str]) -> list[LineDict]:
    checker = _Checker(path)
    claims = checker.entries(document, "claims")
    for claim in claims:
        what = f"claim '{claim['id']}'"
        checker.text(claim, "provider", what)
        status = checker.field(claim, "status", what)
        if status not in CLAIM_STATUSES:
            raise checker.fail(claim.key_lines["status"], f"{what}: unknown status {status!r} (expected one of {', '.join(CLAIM_STATUSES)})")
        cited = checker.field(claim, "sources", what)
        if not isinstance(cited, LineList):
            raise checker.fail(claim.key_lines["sources"], f"{what}: 'sources' must be a list of source ids")
        for source_id in cited:
            if source_id not in source_ids:
                raise checker.fail(claim.key_lines["sources"], f"{what}: unknown source id {source_id!r} (not in data/sources.yml)")
        quotes = checker.mapping(checker.field(claim, "quote", what), claim.key_lines["quote"], f"{what}: 'quote'")
        for language in quotes:
            if language not in languages:
                raise checker.fail(quotes.key_lines[language], f"{what}: quote in language '{language}', which is not declared in mkdocs.yml")
            checker.text(quotes, language, f"{what}: quote")
        if default not in quotes:
            raise checker.fail(quotes.line, f"{what}: missing the quote in the default language '{default}'")
        for language, block in checker.per_language(claim, languages, default, what).items():
            checker.text(block, "claim", f"{what}, text.{language}")
            facts = checker.field(block, "facts", f"{what}, text.{language}")
            if not isinstance(facts, LineList) or not all(isinstance(fact, str) and fact.strip() for fact in facts):
                raise checker.fail(block.key_lines["facts"], f"{what}, text.{language}: 'facts' must be a list of non-empty texts")
    return list(claims)


def _check_terms(document: Any, path: str, languages: list[str], default: str) -> list[LineDict]:
    checker = _Checker(path)
    terms = checker.entries(document, "terms")
    for term in terms:
        what = f"term '{term['id']}'"
        if default not in term:
            raise checker.fail(term.line, f"{what}: missing the default language '{default}'")
        for language in term:
            if language == "id":
                continue
            if language not in languages:
                raise checker.fail(term.key_lines[language], f"{what}: language '{language}' is not declared in mkdocs.yml")
            block = checker.mapping(term[language], term.key_lines[language], f"{what}.{language}")
            checker.text(block, "term", f"{what}.{language}")
            checker.text(block, "definition", f"{what}.{language}")
            avoid = block.get("avoid", [])
            if not isinstance(avoid, list) or not all(isinstance(word, str) for word in avoid):
                raise checker.fail(block.key_lines.get("avoid", block.line), f"{what}.{language}: 'avoid' must be a list of terms")
    return list(terms)


def load_reference_data(data_dir: Path, languages: list[str], default: str, shown_dir: str = "data") -> ReferenceData:
    """Read and check the three data files; the first problem found raises InputError."""

    documents = {kind: load_yaml_with_lines(data_dir / name, f"{shown_dir}/{name}") for kind, name in DATA_FILES.items()}
    # Markup anywhere in any of the files is reported at once, each with its file and line.
    markup = [problem for kind, document in documents.items() for problem in markup_in_data(document, f"{shown_dir}/{DATA_FILES[kind]}")]
    if markup:
        raise InputError(markup[0].path, markup[0].line, "\n".join([markup[0].message, *map(str, markup[1:])]))
    sources = _check_sources(documents["sources"], f"{shown_dir}/sources.yml", languages, default)
    claims = _check_claims(documents["claims"], f"{shown_dir}/claims.yml", languages, default, {s["id"] for s in sources})
    pages = {key: _Checker(f"{shown_dir}/claims.yml").text(documents["claims"], key, "the file") for key in ("quoted_page", "claims_page")}
    terms = _check_terms(documents["glossary"], f"{shown_dir}/glossary.yml", languages, default)
    return ReferenceData(sources=sources, claims=claims, terms=terms, **pages)


# --- Rendering -------------------------------------------------------------


def _localized(blocks: dict, language: str, default: str) -> tuple[dict, str]:
    """The text block for ``language``, or the default language's with its code."""
    if language in blocks:
        return blocks[language], language
    return blocks[default], default


def _lang_attr(text_language: str, page_language: str) -> str:
    return "" if text_language == page_language else f' lang="{text_language}"'


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _field(label: str, value: str, ui: dict) -> str:
    # French puts a (non-breaking) space before the colon, English does not: the UI strings say which.
    return f"- **{label}**{ui['label_separator']}{value}"


def render_sources(data: ReferenceData, language: str, default: str, ui: dict, languages: list[str]) -> str:
    labels = ui["field_labels"]
    lines: list[str] = []
    for cited, heading_key in ((True, "cited"), (False, "primary")):
        lines += [f"## {labels[heading_key]} {{#{heading_key}}}", ""]
        for source in (s for s in data.sources if s["cited"] is cited):
            text, text_language = _localized(source["text"], language, default)
            title_lang = "" if source["language"] == language else f' lang="{source["language"]}"'
            date = source.get("date") or labels["unknown_date"]
            if text.get("date_note"):
                date = f"{date} ({text['date_note']})" if source.get("date") else text["date_note"]
            spoken = ui["language_names"].get(source["language"], source["language"])
            if text.get("language_note"):
                spoken = f"{spoken} ({text['language_note']})"
            verified = ui["verified_labels"][source["verified"]]
            if text.get("verified_note"):
                verified = f"{verified} ({text['verified_note']})"
            lines += [
                f"### {source['title']} {{#{source['id']}{title_lang}}}",
                "",
                f'<div class="reference-entry" data-verified="{source["verified"]}"{_lang_attr(text_language, language)} markdown>',
                "",
                _field(labels["publisher"], text["publisher"], ui),
                _field(labels["date"], date, ui),
                _field(labels["language"], spoken, ui),
                _field(labels["verified"], verified, ui),
                _field(labels["supports"], text["supports"], ui),
                f"- <{source['url']}>",
                "",
                "</div>",
                "",
            ]
    return "\n".join(lines)


def render_claims(data: ReferenceData, language: str, default: str, ui: dict, languages: list[str]) -> str:
    labels = ui["field_labels"]
    titles = {source["id"]: source["title"] for source in data.sources}
    lines: list[str] = []
    provider = None
    for claim in data.claims:
        if claim["provider"] != provider:
            provider = claim["provider"]
            lines += [f"## {provider} {{#provider-{_slug(provider)}}}", ""]
        text, text_language = _localized(claim["text"], language, default)
        status = claim["status"]
        lines += [
            f"### {text['claim']} {{#{claim['id']}}}",
            "",
            f'<div class="claim" data-claim-status="{status}"{_lang_attr(text_language, language)} markdown>',
            "",
            f'{labels["status"]}{ui["label_separator"]}<strong class="claim-status claim-status--{status}">{ui["status_labels"][status]}</strong>',
            "",
            f"**{labels['facts']}**",
            "",
            *[f"- {fact}" for fact in text["facts"]],
            "",
            f"**{labels['sources']}**",
            "",
            *[f"- [{titles[source_id]}](sources.md#{source_id})" for source_id in claim["sources"]],
            "",
            "</div>",
            "",
        ]
    return "\n".join(lines)


def render_glossary(data: ReferenceData, language: str, default: str, ui: dict, languages: list[str]) -> str:
    labels = ui["field_labels"]
    # The page's own language first, then the others in mkdocs.yml order.
    columns = [language] + [other for other in languages if other != language]
    header = [ui["language_names"].get(code, code).capitalize() for code in columns] + [labels["definition"]]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for term in data.terms:
        cells = []
        for code in columns:
            block = term.get(code)
            if block is None:
                cells.append("—")
                continue
            cell = f'<span lang="{code}">{block["term"]}</span>' if code != language else f"**{block['term']}**"
            if block.get("avoid"):
                avoided = ", ".join(f"<s>{word}</s>" for word in block["avoid"])
                cell += f" ({labels['avoid']}{ui['label_separator']}{avoided})"
            cells.append(cell)
        text, text_language = _localized({k: v for k, v in term.items() if k != "id"}, language, default)
        definition = text["definition"]
        if text_language != language:
            definition = f'<span lang="{text_language}">{definition}</span>'
        cells.append(definition)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[..., str]] = {
    "sources": render_sources,
    "claims": render_claims,
    "glossary": render_glossary,
}


def render(kind: str, data: ReferenceData, language: str, default: str, ui: dict, languages: list[str]) -> str:
    """Markdown for the reference page ``kind`` in ``language``."""
    return RENDERERS[kind](data, language, default, ui, languages)
