"""The declared schema of the three reference data files: one list of fields per file.

Each field says where it sits, whether it is required, how its value is checked and what it
means. That one declaration serves three readers:

- the checks (`check_file`): every failure names the file and the line, and a key the schema
  does not declare is refused, so a misspelt field is never silently left off a page;
- the reference page templates (reference_data.py gives them each entry as a `Record`: a field
  the schema declares and an entry leaves out reads as None, a name it does not declare stops
  the build);
- the field tables of data/README.md, written from it (`python -m bilingual_site.site.reference_schema`
  rewrites them; a test compares them with the schema).

A field's path says where it sits, as data/README.md writes it:

- `url`: language-neutral, written once in the entry;
- `text.<lang>.publisher`: per-language, in the entry's `text` block of each language;
- `quote.<lang>`: per-language, one text per language under `quote`;
- `<lang>.term`: per-language, in a block of each language sitting directly in the entry (the
  glossary).

This module does not import MkDocs.
"""

from __future__ import annotations

import datetime
import re
import sys
from dataclasses import dataclass
from types import MappingProxyType
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from bilingual_site.errors import InputError
from bilingual_site.checks.safe_yaml import LineDict, LineList

LANGUAGE_SLOT = "<lang>"
NEUTRAL = "language-neutral"
PER_LANGUAGE = "per-language"

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# A BCP 47 language tag, as the sources' `language` is written into a `lang` attribute.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
# The characters RFC 3986 allows in a URL (percent-escapes included): no space, quote, angle
# bracket, backslash or brace, so a URL can neither leave the `<...>` autolink it is written in nor
# the href attribute it becomes.
URL_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%")


# --- Where a value is, for its checks ------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """What a value may refer to in another file: the ids of data/sources.yml."""

    source_ids: frozenset[str] = frozenset()
    sources_path: str = "data/sources.yml"


@dataclass(frozen=True)
class Spot:
    """One value being checked: its file and line, the entry (and block) it is in, its key."""

    path: str
    line: int
    what: str  # "source 'src'", "source 'src', text.fr", "claim 'one': quote"
    key: str
    known: Known

    def fail(self, message: str) -> InputError:
        return InputError(self.path, self.line, f"{self.what}: {message}")


Check = Callable[[Any, Spot], None]


# --- Value checks ----------------------------------------------------------------------------------


def plain_text(value: Any, spot: Spot) -> None:
    """Non-empty text (its markup was refused before any schema check: reference_data.markup_in_data)."""
    if not isinstance(value, str) or not value.strip():
        raise spot.fail(f"'{spot.key}' must be non-empty text")


def page_name(value: Any, spot: Spot) -> None:
    """A Markdown page of each language folder, as a relative link target: 'note.md', 'reference/claims.md'.

    It becomes the href of the verdict marks on the note: a scheme ('https:/elsewhere.example/x'
    passes MkDocs' link validation as an external link), an absolute path, a '..', a query or a
    fragment would make it lead somewhere else than one of the site's pages.
    """
    plain_text(value, spot)
    parts = value.split("/")
    if (
        not value.endswith(".md")
        or any(character in value for character in ":\\?#%")
        or any(character.isspace() for character in value)
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise spot.fail(f"{value!r} must name a page of each language folder, such as 'note.md' (a relative path to a .md file)")


def kebab_id(value: Any, spot: Spot) -> None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise spot.fail(f"id {value!r} must be lowercase words joined by '-'")


def true_or_false(value: Any, spot: Spot) -> None:
    if not isinstance(value, bool):
        raise spot.fail(f"'{spot.key}' must be true or false")


def https_url(value: Any, spot: Spot) -> None:
    plain_text(value, spot)
    outside = sorted({character for character in value if character not in URL_CHARACTERS})
    if outside:
        raise spot.fail(
            f"invalid URL {value!r}: {' '.join(map(repr, outside))} may not appear in a URL (percent-encode it, e.g. %22 for '\"')"
        )
    parts = urlsplit(value)
    if not value.startswith("https://") or not parts.netloc or parts.username is not None:
        raise spot.fail(f"invalid URL {value!r} (an absolute https:// URL is required)")


def iso_date(value: Any, spot: Spot) -> None:
    """`"2025"`, `"2025-04"` or `"2025-04-14"`, a real date (the pages write it in words)."""
    problem = not isinstance(value, str) or not DATE_PATTERN.match(value)
    if not problem:
        parts = [int(part) for part in value.split("-")] + [1, 1]
        try:
            datetime.date(*parts[:3])
        except ValueError:
            problem = True
    if problem:
        raise spot.fail(f"date {value!r} must be a quoted YYYY, YYYY-MM or YYYY-MM-DD, or null")


def language_tag(value: Any, spot: Spot) -> None:
    plain_text(value, spot)
    if not LANGUAGE_TAG.match(value):
        raise spot.fail(f"language {value!r} must be a language tag such as 'en' or 'zh-Hans'")


def one_of(*values: str, noun: str) -> Check:
    def check(value: Any, spot: Spot) -> None:
        if value not in values:
            raise spot.fail(f"unknown {noun} {value!r} (expected one of {', '.join(values)})")

    return check


def text_list(value: Any, spot: Spot) -> None:
    if not isinstance(value, LineList) or not value or not all(isinstance(item, str) and item.strip() for item in value):
        raise spot.fail(f"'{spot.key}' must be a list of non-empty texts")


def word_list(value: Any, spot: Spot) -> None:
    """A list of words, possibly empty (`avoid: []`)."""
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise spot.fail(f"'{spot.key}' must be a list of terms")


def source_ids(value: Any, spot: Spot) -> None:
    if not isinstance(value, LineList):
        raise spot.fail(f"'{spot.key}' must be a list of source ids")
    for source_id in value:
        if source_id not in spot.known.source_ids:
            raise spot.fail(f"unknown source id {source_id!r} (not in {spot.known.sources_path})")


# --- Fields and files ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    """Whether a field must be there, in the words data/README.md's "Required" column uses."""

    documented: str


REQUIRED = Requirement("yes")
NULLABLE = Requirement("yes (may be `null`)")
OPTIONAL = Requirement("optional")
# A per-language text required for the default language only; the others are checked where they
# are used (a claim's quote on each translated note, by the plugin).
DEFAULT_LANGUAGE = Requirement("default language; every language whose note is translated")


@dataclass(frozen=True)
class Field:
    path: str  # as data/README.md writes it: 'url', 'text.<lang>.publisher', 'quote.<lang>', '<lang>.term'
    required: Requirement
    check: Check
    doc: str  # what the value is: the "Value" column of data/README.md

    @property
    def parts(self) -> list[str]:
        return self.path.split(".")

    @property
    def kind(self) -> str:
        return PER_LANGUAGE if LANGUAGE_SLOT in self.parts else NEUTRAL

    @property
    def container(self) -> str:
        """Where a per-language field's languages are: 'text', 'quote', or '' (in the entry itself)."""
        return ".".join(self.parts[: self.parts.index(LANGUAGE_SLOT)])

    @property
    def one_text_per_language(self) -> bool:
        """`quote.<lang>`: the language's value is the text itself, not a block of fields."""
        return self.parts[-1] == LANGUAGE_SLOT

    @property
    def name(self) -> str:
        """The key the value is written under: 'url', 'publisher' (in its block), 'quote'."""
        if self.kind == NEUTRAL:
            return self.path
        return self.container if self.one_text_per_language else self.parts[-1]


@dataclass(frozen=True)
class FileSchema:
    file: str  # 'claims.yml'
    list_key: str  # the top-level key of the entries: 'claims'
    entry_noun: str  # how messages name an entry: "claim 'one'"
    fields: tuple[Field, ...]
    settings: tuple[Field, ...] = ()  # top-level keys besides the list (language-neutral)

    @property
    def neutral_fields(self) -> tuple[Field, ...]:
        return tuple(field for field in self.fields if field.kind == NEUTRAL)

    def containers(self) -> dict[str, list[Field]]:
        """Per-language fields by where their languages are, in declaration order."""
        found: dict[str, list[Field]] = {}
        for field in self.fields:
            if field.kind == PER_LANGUAGE:
                found.setdefault(field.container, []).append(field)
        return found

    def block_fields(self) -> list[Field]:
        """The fields of each language's block (`text.<lang>.x`, or `<lang>.x` in the glossary)."""
        return [field for fields in self.containers().values() for field in fields if not field.one_text_per_language]


VERIFIED_VALUES = ("yes", "no", "partly")
CLAIM_STATUSES = ("supported", "partly", "contradicted", "unverifiable")

SOURCES = FileSchema(
    file="sources.yml",
    list_key="sources",
    entry_noun="source",
    fields=(
        Field("id", REQUIRED, kebab_id,
              "Kebab-case id, the same as in the research file. Claims refer to sources by this id; it is also the source's anchor on the sources page."),
        Field("cited", REQUIRED, true_or_false,
              "`true` for the six references cited at the end of the note, `false` for the sources found while checking it."),
        Field("url", REQUIRED, https_url,
              "Absolute `https://` address, exactly as in the research file; RFC 3986 characters only (percent-encode a quote, space, angle bracket, backslash or brace), no user name."),
        Field("title", REQUIRED, plain_text, "The source's own title, untranslated."),
        Field("date", NULLABLE, iso_date,
              "Quoted ISO date, `\"YYYY\"`, `\"YYYY-MM\"` or `\"YYYY-MM-DD\"`, or `null` when unknown or when the page has no single date (a living page). The pages write it in words, in each language (Babel's CLDR data)."),
        Field("language", REQUIRED, language_tag,
              "Language tag of the source itself, e.g. `en` or `zh-Hans`; the pages name the language in their own (CLDR)."),
        Field("verified", REQUIRED, one_of(*VERIFIED_VALUES, noun="verified value"), "Enum: `\"yes\"`, `\"no\"` or `\"partly\"` (quoted)."),
        Field("text.<lang>.kind", REQUIRED, plain_text,
              "What the source is, in a few words: \"ticket GitHub\" / \"GitHub issue\", \"fil Hacker News\" / \"Hacker News thread\", \"billet de blog\" / \"blog post\". With the date, it tells apart sources of the same title on the claims page."),
        Field("text.<lang>.publisher", REQUIRED, plain_text,
              "Who published the source, translated where it has words to translate (e.g. \"Blog de vLLM\")."),
        Field("text.<lang>.date_note", OPTIONAL, plain_text,
              "A qualifier for the date, only where the research file qualifies it: \"date approximative\" / \"approximate\", \"page tenue à jour\" / \"living page\", \"inconnue (probablement avril 2025)\" / \"unknown (probably April 2025)\", \"date d'ouverture\u00a0; close depuis\" / \"opened; now closed\". Shown after the date in parentheses, or instead of it when `date` is `null`; so it does not repeat the date."),
        Field("text.<lang>.language_note", OPTIONAL, plain_text,
              "A qualifier for the language, only where the research file qualifies it (e.g. \"probablement\" / \"probably\")."),
        Field("text.<lang>.verified_note", OPTIONAL, plain_text,
              "A qualifier for `verified`, only where the research file gives one (e.g. how a partly verified source was read)."),
        Field("text.<lang>.supports", REQUIRED, plain_text, "What the source supports, in one to three sentences."),
    ),
)

CLAIMS = FileSchema(
    file="claims.yml",
    list_key="claims",
    entry_noun="claim",
    settings=(
        Field("quoted_page", REQUIRED, page_name, "The note the claims check (`note.md`), in each language folder."),
        Field("claims_page", REQUIRED, page_name, "The page that lists the claims (`claims.md`), where the verdict marks lead."),
    ),
    fields=(
        Field("id", REQUIRED, kebab_id, "Kebab-case id, the same as in the research file; the claim's anchor on the claims page."),
        Field("provider", REQUIRED, plain_text,
              "The provider the claim is about, as a proper noun that reads in both languages, e.g. `\"Anthropic (Claude)\"`."),
        Field("status", REQUIRED, one_of(*CLAIM_STATUSES, noun="status"),
              "Enum: `supported` (a primary source says so), `partly` (true with an important nuance, given in the facts), `contradicted` (a primary source says otherwise), `unverifiable` (no primary source either way: speculation or unstated)."),
        Field("sources", REQUIRED, source_ids, "List of ids, each of which must exist in `sources.yml`."),
        Field("quote.<lang>", DEFAULT_LANGUAGE, plain_text,
              "The passage of the note the claim checks, word for word as the note's page shows it (after Markdown: no `**`), inside one run of text (not across a link or emphasis), found exactly once. The build wraps it and puts the verdict mark after it; a quote that no longer matches stops the build."),
        Field("text.<lang>.claim", REQUIRED, plain_text,
              "What the note says, close to the note's own wording; rendered as a heading, so it has no final full stop."),
        Field("text.<lang>.facts", REQUIRED, text_list,
              "List of the established facts, one string each; the same facts in the same order in every language. Short quotes from the sources may stay in English, in quotation marks."),
    ),
)

GLOSSARY = FileSchema(
    file="glossary.yml",
    list_key="terms",
    entry_noun="term",
    fields=(
        Field("id", REQUIRED, kebab_id, "Kebab-case id made from the English term."),
        Field("<lang>.term", REQUIRED, plain_text, "The preferred rendering in that language, the one translators use."),
        Field("<lang>.definition", REQUIRED, plain_text, "A one- or two-sentence definition in that language."),
        Field("<lang>.avoid", OPTIONAL, word_list,
              "List of renderings not to use in that language for this text; present where the research file gives some (`en` of `open-weight-model`) and where the site's pages had used a second wording (`fr` of `endpoint` and `early-fork`)."),
    ),
)

# The reference pages' names (front matter `reference_data: <name>`) and their files' schemas.
SCHEMAS: MappingProxyType[str, FileSchema] = MappingProxyType({"sources": SOURCES, "claims": CLAIMS, "glossary": GLOSSARY})


# --- Checking a file -------------------------------------------------------------------------------


def _mapping(value: Any, path: str, line: int, what: str) -> LineDict:
    if not isinstance(value, LineDict):
        raise InputError(path, line, f"{what} must be a mapping")
    return value


def _missing(value: Any) -> bool:
    return value is None or value == ""


def _check_fields(fields: list[Field] | tuple[Field, ...], mapping: LineDict, path: str, what: str, known: Known) -> None:
    """The fields of one mapping (an entry, a language's block, the file's top level)."""
    for field in fields:
        value = mapping.get(field.name)
        if _missing(value):
            if field.required is OPTIONAL or (field.required is NULLABLE and field.name in mapping and value is None):
                continue
            raise InputError(path, mapping.line, f"{what}: missing field '{field.name}'")
        field.check(value, Spot(path, mapping.key_lines[field.name], what, field.name, known))


def _refuse_unknown_keys(mapping: LineDict, allowed: set[str], path: str, what: str, schema: FileSchema) -> None:
    for key in mapping:
        if key not in allowed:
            expected = ", ".join(sorted(allowed))
            raise InputError(
                path, mapping.key_lines[key],
                f"{what}: unknown field {key!r} (the fields here are {expected}: data/README.md, {schema.file})",
            )


def _check_languages(entry: LineDict, container: str, fields: list[Field], schema: FileSchema, path: str, what: str,
                     languages: list[str], default: str, known: Known) -> None:
    """The per-language fields of one entry that sit in ``container`` ('text', 'quote' or '')."""
    one_text = fields[0].one_text_per_language
    if container:
        if _missing(entry.get(container)):
            raise InputError(path, entry.line, f"{what}: missing field '{container}'")
        blocks = _mapping(entry[container], path, entry.key_lines[container], f"{what}: '{container}'")
        missing_default_line, missing_default = blocks.line, f"missing the {container} in the default language '{default}'"
    else:
        neutral = {field.name for field in schema.neutral_fields}
        blocks = LineDict({key: value for key, value in entry.items() if key not in neutral})
        blocks.line, blocks.key_lines = entry.line, entry.key_lines
        missing_default_line, missing_default = entry.line, f"missing the default language '{default}'"
    if default not in blocks:
        raise InputError(path, missing_default_line, f"{what}: {missing_default}")
    for language in blocks:
        if language not in languages:
            declared = f"{container} in language '{language}', which is" if one_text else f"language '{language}' is"
            raise InputError(path, blocks.key_lines[language], f"{what}: {declared} not declared in mkdocs.yml")
    for language, block in blocks.items():
        if one_text:
            fields[0].check(block, Spot(path, blocks.key_lines[language], f"{what}: {container}", language, known))
            continue
        label = f"{what}, {container}.{language}" if container else f"{what}.{language}"
        block = _mapping(block, path, blocks.key_lines[language], label)
        _refuse_unknown_keys(block, {field.name for field in fields}, path, label, schema)
        _check_fields(fields, block, path, label, known)


def check_file(schema: FileSchema, document: Any, path: str, languages: list[str], default: str, known: Known = Known()) -> tuple[LineDict, list[LineDict]]:
    """The file's top level and its entries, checked against ``schema``; the first problem raises InputError."""
    top = _mapping(document, path, 1, "the file")
    _refuse_unknown_keys(top, {schema.list_key, *(field.name for field in schema.settings)}, path, "the file", schema)
    _check_fields(schema.settings, top, path, "the file", known)
    items = top.get(schema.list_key)
    if not isinstance(items, LineList) or not items:
        raise InputError(path, top.line, f"missing list '{schema.list_key}'")
    seen: dict[str, int] = {}
    entries: list[LineDict] = []
    for item, line in zip(items, items.item_lines):
        entry = _mapping(item, path, line, f"each item of '{schema.list_key}'")
        if _missing(entry.get("id")):
            raise InputError(path, entry.line, f"item at line {line}: missing field 'id'")
        kebab_id(entry["id"], Spot(path, entry.key_lines["id"], f"item at line {line}", "id", known))
        if entry["id"] in seen:
            raise InputError(path, entry.key_lines["id"], f"duplicate id '{entry['id']}' (first at line {seen[entry['id']]})")
        seen[entry["id"]] = entry.key_lines["id"]
        entries.append(entry)
    containers = schema.containers()
    for entry in entries:
        what = f"{schema.entry_noun} '{entry['id']}'"
        if "" not in containers:  # in the glossary, the other keys of an entry are its languages
            _refuse_unknown_keys(entry, {field.name for field in schema.neutral_fields} | set(containers), path, what, schema)
        _check_fields(schema.neutral_fields, entry, path, what, known)
        for container, fields in containers.items():
            _check_languages(entry, container, fields, schema, path, what, languages, default, known)
    return top, entries


# --- data/README.md's field tables ------------------------------------------------------------------

README_COMMAND = "python -m bilingual_site.site.reference_schema"


def table_markers(schema: FileSchema) -> tuple[str, str]:
    return (
        f"<!-- The fields of {schema.file}, written from src/bilingual_site/site/reference_schema.py by `{README_COMMAND}`: edit the schema, not this table. -->",
        f"<!-- End of the fields of {schema.file}. -->",
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def field_table(schema: FileSchema) -> str:
    """The Markdown tables documenting ``schema``: its top-level settings, if any, then its fields."""
    lines: list[str] = []
    if schema.settings:
        lines += ["| Top-level key | Kind | Required | Value |", "|---|---|---|---|"]
        lines += [f"| `{field.path}` | {field.kind} | {field.required.documented} | {_cell(field.doc)} |" for field in schema.settings]
        lines.append("")
    lines += ["| Field | Kind | Required | Value |", "|---|---|---|---|"]
    lines += [f"| `{field.path}` | {field.kind} | {field.required.documented} | {_cell(field.doc)} |" for field in schema.fields]
    return "\n".join(lines)


def with_field_tables(readme: str) -> str:
    """``readme`` with the text between each file's markers replaced by its tables; a missing marker raises ValueError."""
    for schema in SCHEMAS.values():
        start_marker, end_marker = table_markers(schema)
        start, end = readme.find(start_marker), readme.find(end_marker)
        if start == -1 or end < start:
            raise ValueError(f"data/README.md: the markers of {schema.file}'s table are missing:\n{start_marker}\n{end_marker}")
        readme = readme[: start + len(start_marker)] + "\n\n" + field_table(schema) + "\n\n" + readme[end:]
    return readme


def main(arguments: list[str] | None = None) -> int:
    """Rewrite data/README.md's field tables from the schema (the path may be given; default: data/README.md)."""
    arguments = sys.argv[1:] if arguments is None else arguments
    path = Path(arguments[0] if arguments else "data/README.md")
    try:
        text = path.read_text(encoding="utf-8")
        path.write_text(with_field_tables(text), encoding="utf-8")
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
