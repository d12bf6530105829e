"""The three reference data files: read, checked against their schema, and given to the reference page templates.

Language-neutral fields (ids, URLs, dates, statuses) are written once; per-language fields sit in
one block per language (reference_schema.py declares which is which, and data/README.md lists
them). The pages whose front matter says `reference_data: sources|claims|glossary` get the
Markdown their template (overrides/partials/reference/<name>.html) renders, appended to the
page's own Markdown: MkDocs then renders it with the page, so the headings are in the table of
contents, and the links to sources and the anchors the note's verdict marks lead to are checked
by MkDocs' own link validation.

A template reads each entry as a `Record` in the language of the page being built: `source.url`,
`source.text.publisher`. An entry without text in that language reads the default language's
text, and says which (`text_language`) so the page marks it with its `lang`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable

from jinja2 import Environment, StrictUndefined, pass_context
from markupsafe import Markup

from bilingual_site.errors import InputError
from bilingual_site.site.locale_data import language_name, partial_date
from bilingual_site.checks.plain_text import markup_problem
from bilingual_site.site.reference_schema import SCHEMAS, URL_CHARACTERS, FileSchema, Known, check_file
from bilingual_site.checks.safe_yaml import LineDict, LineList, load_yaml_with_lines

DATA_FILES = {name: schema.file for name, schema in SCHEMAS.items()}
TEMPLATE_FOLDER = "partials/reference"  # in overrides/, where the theme finds it


@dataclass(frozen=True)
class ReferenceData:
    sources: list[LineDict]
    claims: list[LineDict]
    terms: list[LineDict]
    quoted_page: str = "note.md"  # the page whose passages the claims quote, in each language folder
    claims_page: str = "claims.md"  # the page that lists the claims, where the verdict marks lead

    def entries(self, name: str) -> list[LineDict]:
        """The entries of the data file of the reference page ``name`` ('sources', 'claims', 'glossary')."""
        return {"sources": self.sources, "claims": self.claims, "glossary": self.terms}[name]


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


def markdown_text_problem(value: str) -> str | None:
    """Why ``value`` cannot be written as text into the reference pages' Markdown, or None.

    Data texts become Markdown on the reference pages (headings, list items, table cells), so
    besides the markup of bilingual_site.checks.plain_text, braces are refused (`{...}` after a heading is
    an attribute list) and so are line breaks (a new line would start a new Markdown block, a link
    definition or a closing `</div>`). Quotes are ordinary characters there. An autolink to an
    https URL is allowed (without_autolinks).
    """
    reason = markup_problem(without_autolinks(value), quotes=False, braces=True)
    if reason is None and any(link in value for link in ("](", "][", "]:")):
        reason = "a Markdown link is not allowed in data (its target is not checked here): write the URL as <https://...>"
    if reason is None and "\n" in value.rstrip("\n"):
        reason = "a line break would start a new Markdown block: write the text on one line (or fold it with '>')"
    return reason


def markup_in_data(document: Any, path: str) -> list[InputError]:
    """Every text of a data file that is not plain text (markdown_text_problem), with its line: all
    of them, before any schema check. Keys are language codes and field names, checked by the schema."""
    found: list[InputError] = []

    def visit(value: Any, line: int) -> None:
        if isinstance(value, LineDict):
            for key, child in value.items():
                visit(child, value.key_lines[key])
        elif isinstance(value, LineList):
            for item, item_line in zip(value, value.item_lines):
                visit(item, item_line)
        elif isinstance(value, str):
            reason = markdown_text_problem(value)
            if reason:
                found.append(InputError(path, line, f"{value[:60]!r} is not plain text: {reason}"))

    visit(document, 1)
    return found


def load_reference_data(data_dir: Path, languages: list[str], default: str, shown_dir: str = "data") -> ReferenceData:
    """Read and check the three data files; the first problem found raises InputError."""

    documents = {name: load_yaml_with_lines(data_dir / file, f"{shown_dir}/{file}") for name, file in DATA_FILES.items()}
    # Markup anywhere in any of the files is reported at once, each with its file and line.
    markup = [problem for name, document in documents.items() for problem in markup_in_data(document, f"{shown_dir}/{DATA_FILES[name]}")]
    if markup:
        raise InputError(markup[0].path, markup[0].line, "\n".join([markup[0].message, *map(str, markup[1:])]))

    def checked(name: str, known: Known = Known()) -> tuple[LineDict, list[LineDict]]:
        return check_file(SCHEMAS[name], documents[name], f"{shown_dir}/{DATA_FILES[name]}", languages, default, known)

    _, sources = checked("sources")
    known = Known(frozenset(source["id"] for source in sources), f"{shown_dir}/{DATA_FILES['sources']}")
    claims_file, claims = checked("claims", known)
    _, terms = checked("glossary")
    settings = {field.name: claims_file[field.name] for field in SCHEMAS["claims"].settings}
    return ReferenceData(sources=sources, claims=claims, terms=terms, **settings)


# --- What the templates read --------------------------------------------------------------------


class Record:
    """One entry, or one language's block of it, as a template reads it: `source.url`, `source.text.kind`.

    A name the schema declares reads as its value, or None where the entry leaves an optional
    field out; any other name is an error (the templates' StrictUndefined names the template and
    its line), so a misspelt field in a template stops the build instead of printing nothing.
    """

    __slots__ = ("_values", "_names")

    def __init__(self, values: dict[str, Any], names: frozenset[str]) -> None:
        self._values = values
        self._names = names

    def __getattr__(self, name: str) -> Any:
        if name in self._names:
            return self._values.get(name)
        raise AttributeError(f"no field {name!r} here (declared: {', '.join(sorted(self._names))})")

    def __getitem__(self, name: str) -> Any:
        if name in self._names:
            return self._values.get(name)
        raise KeyError(name)

    def __repr__(self) -> str:
        return f"Record({self._values!r})"


def entry_record(entry: LineDict, schema: FileSchema, language: str, default: str) -> Record:
    """``entry`` for a page in ``language``: its language-neutral fields; `blocks`, each language's
    block of per-language fields; `text`, the page language's block, or the default language's
    when it has none; `text_language`, which of the two it is; and each one-text-per-language
    field (a claim's `quote`) as a mapping of language to text."""
    values = {field.name: entry[field.name] for field in schema.neutral_fields if field.name in entry}
    block_names = frozenset(field.name for field in schema.block_fields())
    containers = schema.containers()
    blocks: dict[str, Record] = {}
    for container, fields in containers.items():
        if fields[0].one_text_per_language:
            values[container] = dict(entry[container])
        elif container:
            blocks = {code: Record(block, block_names) for code, block in entry[container].items()}
        else:  # the glossary: the entry's other keys are its languages
            neutral = {field.name for field in schema.neutral_fields}
            blocks = {code: Record(block, block_names) for code, block in entry.items() if code not in neutral}
    text_language = language if language in blocks else default
    values.update(blocks=blocks, text=blocks.get(text_language), text_language=text_language)
    one_text_fields = {container for container, fields in containers.items() if fields[0].one_text_per_language}
    names = {field.name for field in schema.neutral_fields} | one_text_fields | {"blocks", "text", "text_language"}
    return Record(values, frozenset(names))


def markdown_text(value: Any) -> Markup:
    """Text printed into the reference pages' Markdown as it is written: checked plain text
    (markdown_text_problem), which Markdown renders as the same text. Escaping it for HTML instead
    would write `'` as `&#39;`, which a Markdown code span then shows as `&#39;`."""
    text = str(value)
    reason = markdown_text_problem(text)
    if reason:
        raise ValueError(f"{text[:60]!r} cannot be written into a reference page: {reason}")
    return Markup(text)


def table_cell(value: Any) -> Markup:
    """markdown_text inside a Markdown table cell, where '|' would end the cell."""
    return Markup(markdown_text(value).replace("|", "\\|"))


def autolink(url: Any) -> Markup:
    """A URL as a Markdown autolink `<https://...>`; checked as the schema checks data URLs."""
    text = str(url)
    if not text.startswith("https://") or any(character not in URL_CHARACTERS for character in text):
        raise ValueError(f"{text!r} cannot be written as a link")
    return Markup(f"<{text}>")


def slug(text: Any) -> str:
    """Lowercase letters and digits joined by '-': 'Anthropic (Claude)' -> 'anthropic-claude'."""
    words = "".join(character if character.isascii() and character.isalnum() else " " for character in str(text).lower())
    return "-".join(words.split())


def upper_first(text: Any) -> str:
    """'anglais' -> 'Anglais' (Jinja's `capitalize` would also lowercase the rest)."""
    text = str(text)
    return text[:1].upper() + text[1:]


@pass_context
def date_in_words(context, value: str) -> str:
    """An ISO date of the data ('2025', '2025-04', '2025-04-14') as the page's language writes it."""
    return partial_date(value, context["cldr_locale"])


@pass_context
def named_language(context, code: str) -> str:
    """A language tag ('en', 'zh-Hans') named in the page's language: 'anglais', 'English'."""
    return language_name(code, context["cldr_locale"])


TEMPLATE_FILTERS: MappingProxyType[str, Callable] = MappingProxyType({
    "markdown_text": markdown_text,
    "table_cell": table_cell,
    "autolink": autolink,
    "slug": slug,
    "upper_first": upper_first,
    "date_in_words": date_in_words,
    "language_name": named_language,
})


def prepare_environment(environment: Environment) -> Environment:
    """``environment`` (a fresh one from the theme, which finds overrides/) made ready for the
    reference templates, before any is loaded: their filters; StrictUndefined, so a name a template
    misspells stops the build; and a block tag's line left out of the output, so a template lays
    out its Markdown line by line as the page will read."""
    environment.filters.update(TEMPLATE_FILTERS)
    environment.undefined = StrictUndefined
    environment.trim_blocks = True
    environment.lstrip_blocks = True
    return environment


def template_name(name: str) -> str:
    return f"{TEMPLATE_FOLDER}/{name}.html"


def render(name: str, data: ReferenceData, environment: Environment, *, language: str, default: str, languages: list[str],
           ui: dict, cldr_locale: str) -> str:
    """The Markdown of the reference page ``name`` in ``language``, from its template.

    ``languages``: every declared language, in mkdocs.yml's order; ``ui``: the language's strings
    (mkdocs.yml, extra.ui); ``cldr_locale``: the locale its dates and language names are written in.
    """
    records = {
        kind: [entry_record(entry, SCHEMAS[kind], language, default) for entry in data.entries(kind)] for kind in SCHEMAS
    }

    def languages_of(entries: list[Record]) -> list[str]:
        """The languages some of ``entries`` have text in: the page's first, then mkdocs.yml's order."""
        written = {code for entry in entries for code in entry.blocks}
        in_order = [language, *(code for code in languages if code != language)]
        return [code for code in in_order if code in written]

    context = {
        "page_language": language,
        "cldr_locale": cldr_locale,
        "ui": ui,
        "labels": ui["field_labels"],
        "separator": ui["label_separator"],
        "sources": records["sources"],
        "claims": records["claims"],
        "terms": records["glossary"],
        "sources_by_id": {source.id: source for source in records["sources"]},
        "languages_of": languages_of,
    }
    return environment.get_template(template_name(name)).render(context).strip() + "\n"
