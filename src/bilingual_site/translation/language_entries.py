"""The i18n plugin's `languages:` entries in mkdocs.yml: what each language must declare, what it
may leave out, and the line of every key, for messages and for adding a language as text.

What a language needs (the build checks it in its first `on_config`, the tool reads the same):

- `locale` (a language CLDR knows) and `name` (the i18n plugin's own: the switcher shows it);
- `extra.ui`: the site's interface strings, the same keys as the default language's, at every
  level; a missing or unknown key is reported with its line;
- no other key than those of ENTRY_KEYS (the i18n plugin would take any option of mkdocs.yml);
- every key and text value plain text (checks/plain_text.py): Material prints `site_name`,
  `site_description`, `copyright` and navigation titles raw in every page of the language;
- each value of `nav_translations` a label's text (not empty, a list or a number YAML read);
- and it may leave out `extra.og_locale` (default: the language's likely region in CLDR, es_ES),
  `extra.cldr_locale` (default: the language code) and `extra.typography` (default: `neutral`,
  no spacing rule).

Nothing here imports MkDocs: the entries are the plain mappings the i18n plugin validated, and
the lines come from composing mkdocs.yml's text (YAML nodes carry their marks; `!ENV` tags are
left as tags, nothing is constructed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from bilingual_site.checks.plain_text import markup_problem
from bilingual_site.checks.safe_yaml import FAST_LOADER
from bilingual_site.errors import InputError
from bilingual_site.site.locale_data import UnknownLanguage, cldr_locale, default_og_locale
from bilingual_site.translation.typography import convention_problem

UI_KEY = ("extra", "ui")


@dataclass(frozen=True)
class EntryLines:
    """Where one language's entry is written in mkdocs.yml (lines count from 1)."""

    locale: str
    line: int  # its first key's line ('- locale: es')
    last_line: int  # the last line holding its text
    dash_column: int  # the column of its '-' in the languages list
    key_column: int  # the column its keys start at
    key_lines: dict[tuple, int] = field(default_factory=dict)  # ('extra', 'ui', 'status_labels') -> line

    def line_of(self, *path) -> int:
        """The line of the deepest key of ``path`` that is written, else the entry's."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.key_lines:
                return self.key_lines[path[:end]]
        return self.line


@dataclass(frozen=True)
class LanguagesList:
    """The `languages:` list of the i18n plugin in mkdocs.yml, entry by entry."""

    entries: tuple[EntryLines, ...]

    def of(self, locale: str) -> EntryLines | None:
        return next((entry for entry in self.entries if entry.locale == locale), None)

    @property
    def last_line(self) -> int:
        return self.entries[-1].last_line


def _mapping_value(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for key_node, value in node.value if isinstance(key_node, yaml.ScalarNode) and key_node.value == key), None)


def _config_root(text: str, shown: str) -> yaml.Node | None:
    """mkdocs.yml's node tree, with the lines of its text."""
    try:
        return yaml.compose(text, Loader=FAST_LOADER)  # the C parser's marks are the pure-Python one's, 15 times faster
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError(shown, mark.line + 1 if mark else None, f"invalid YAML: {error.problem}") from error


def nav_label_problems(text: str, shown: str) -> list[str]:
    """Each label of mkdocs.yml's `nav:` that is not plain text, with its line. Material prints the
    labels as they are in every page's navigation, and they are the keys `nav_translations`
    translate: they are held to the rule of the entries' strings."""
    problems: list[str] = []

    def visit(node: yaml.Node | None) -> None:
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                visit(item)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and (reason := markup_problem(str(key.value))):
                    problems.append(f"{shown}:{key.start_mark.line + 1}: the nav: label {key.value!r} is not plain text: {reason}")
                visit(value)

    visit(_mapping_value(_config_root(text, shown), "nav"))
    return problems


def languages_node(text: str, shown: str) -> yaml.SequenceNode:
    """The node of `plugins: - i18n: languages:` in mkdocs.yml's text."""
    root = _config_root(text, shown)
    plugins = _mapping_value(root, "plugins")
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        languages = _mapping_value(_mapping_value(item, "i18n"), "languages")
        if isinstance(languages, yaml.SequenceNode) and languages.value:
            return languages
    raise InputError(shown, None, "has no i18n plugin entry with a list of languages (plugins > i18n > languages)")


def _last_text_line(node: yaml.Node, lines: list[str]) -> int:
    """The 0-based last line of ``node``'s own text. A collection's end mark is where the next token
    starts (after comments and blank lines that may belong to what follows): its last scalar's is not."""
    if isinstance(node, yaml.MappingNode):
        return max(_last_text_line(child, lines) for pair in node.value for child in pair) if node.value else node.start_mark.line
    if isinstance(node, yaml.SequenceNode):
        return max(_last_text_line(child, lines) for child in node.value) if node.value else node.start_mark.line
    end = node.end_mark
    last = end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    while last > node.start_mark.line and not lines[last].strip():  # a block scalar keeps its trailing blank lines
        last -= 1
    return last


def _key_lines(node: yaml.Node, path: tuple, found: dict[tuple, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            found[path + (key,)] = key_node.start_mark.line + 1
            _key_lines(value, path + (key,), found)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            found[path + (index,)] = value.start_mark.line + 1
            _key_lines(value, path + (index,), found)


def languages_list(text: str, shown: str) -> LanguagesList:
    """Each entry of the languages list with its lines and columns."""
    lines = text.split("\n")
    entries = []
    for node in languages_node(text, shown).value:
        locale = _mapping_value(node, "locale")
        key_lines: dict[tuple, int] = {}
        _key_lines(node, (), key_lines)
        start = node.start_mark
        dash = lines[start.line].rfind("-", 0, start.column)
        entries.append(EntryLines(
            locale=str(locale.value) if isinstance(locale, yaml.ScalarNode) else "",
            line=start.line + 1,
            last_line=_last_text_line(node, lines) + 1,
            dash_column=dash if dash >= 0 else max(start.column - 2, 0),
            key_column=start.column,
            key_lines=key_lines,
        ))
    return LanguagesList(tuple(entries))


# --- What each language declares ----------------------------------------------------------------


def og_locale(entry: dict) -> str:
    """The Open Graph locale of a language's pages: its `extra.og_locale`, else CLDR's likely region."""
    return (entry.get("extra") or {}).get("og_locale") or default_og_locale(entry["locale"])


def _leaf_paths(strings: dict, prefix: str = "") -> dict[str, object]:
    """'status_labels.supported' -> its value, for every key at every level."""
    found = {}
    for key, value in strings.items():
        path = f"{prefix}{key}"
        found[path] = value
        if isinstance(value, dict):
            found.update(_leaf_paths(value, path + "."))
    return found


def ui_problems(strings: object, reference: dict) -> tuple[list[str], list[str], list[str]]:
    """(missing, unknown, misshapen) key paths of ``strings`` against the default language's ``reference``."""
    if not isinstance(strings, dict):
        return sorted(_top_paths(reference)), [], []
    expected, given = _leaf_paths(reference), _leaf_paths(strings)
    missing = [path for path in expected if path not in given and _parent_given(path, given)]
    missing += [path for path, value in given.items() if path in expected and value in (None, "") and expected[path] not in (None, "")]
    unknown = [path for path in given if path not in expected and _parent_known(path, expected)]
    misshapen = [
        path for path, value in given.items()
        if path in expected and value not in (None, "") and isinstance(value, dict) != isinstance(expected[path], dict)
    ]
    return missing, unknown, misshapen


def _top_paths(reference: dict) -> list[str]:
    return [str(key) for key in reference]


def _parent_given(path: str, given: dict) -> bool:
    """Only the first missing level is named: 'outdated_kinds', not each of its keys as well."""
    parent = path.rpartition(".")[0]
    return not parent or isinstance(given.get(parent), dict)


def _parent_known(path: str, expected: dict) -> bool:
    parent = path.rpartition(".")[0]
    return not parent or isinstance(expected.get(parent), dict)


# What a language's entry may set: who it is, and the strings its readers see. The i18n plugin takes
# any option of mkdocs.yml from an entry (`theme.features`, `extra.analytics`, `site_url`, `nav`...),
# which would let a translation change how every page of its language behaves: Material's
# `content.tooltips`, for one, reads every `title` attribute as HTML. ANYTHING: any keys below;
# LEAF: a value; a one-item list: each item as that item says.
ANYTHING, LEAF = "anything", "leaf"
ENTRY_KEYS = {
    "locale": LEAF, "name": LEAF, "default": LEAF, "build": LEAF,
    "site_name": LEAF, "site_description": LEAF, "copyright": LEAF,
    "nav_translations": ANYTHING, "admonition_translations": ANYTHING,
    "theme": {"palette": [{"toggle": {"name": LEAF}}]},
    "extra": {"ui": ANYTHING, "theme_strings": ANYTHING, "og_locale": LEAF, "cldr_locale": LEAF, "typography": LEAF},
}


def _allowed(path: tuple) -> bool:
    """Whether ENTRY_KEYS allows the key path (('theme', 'palette', 0, 'toggle', 'name'))."""
    allowed: object = ENTRY_KEYS
    for part in path:
        if allowed == ANYTHING:
            return True
        if isinstance(allowed, dict) and part in allowed:
            allowed = allowed[part]
        elif isinstance(allowed, list) and isinstance(part, int):
            allowed = allowed[0]
        else:
            return False
    return True


def keys_not_allowed(written: dict[tuple, int]) -> list[tuple]:
    """The key paths written in a language's entry (EntryLines.key_lines) that ENTRY_KEYS does not
    allow, outermost only. The written ones: the i18n plugin fills in a value for every option it knows."""
    refused = [path for path in written if not _allowed(path)]
    return [path for path in refused if not any(path[: length] in refused for length in range(1, len(path)))]


def markup_in_entry(value: object, path: tuple = ()) -> list[tuple[tuple, str]]:
    """(key path, reason) for every key or text value of a language's entry, at any depth, that is not
    plain text. Material prints several of them raw, for every page of the language: `site_name` in the
    header and <title>, `site_description` inside <meta name="description" content="...">, `copyright`
    in the footer, the titles of `nav_translations` in the navigation; as the front matter's values
    (checks/plain_text.py), they may hold no markup, quote or character reference."""
    found: list[tuple[tuple, str]] = []
    if isinstance(value, dict):
        for key, child in value.items():
            if isinstance(key, str) and (reason := markup_problem(key)):
                found.append((path + (key,), f"(the key) {reason}"))
            found += markup_in_entry(child, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += markup_in_entry(item, path + (index,))
    elif isinstance(value, str) and (reason := markup_problem(value)):
        found.append((path, reason))
    return found


def labels_not_text(entry: dict) -> list[tuple[str, object]]:
    """(original label, value) for each of an entry's `nav_translations` that is no text: YAML reads an
    empty value as null, `[a, b]` as a list, `2024` as a number, and the navigation would print
    `None`, `['a', 'b']`, as they are."""
    translations = entry.get("nav_translations")
    if not isinstance(translations, dict):
        return []
    return [(label, value) for label, value in translations.items() if not isinstance(value, str) or not value.strip()]


def entry_problems(entries: list[dict], languages: LanguagesList, shown: str) -> list[str]:
    """Everything the languages of mkdocs.yml lack or get wrong, each with its line."""
    problems: list[str] = []
    defaults = [entry for entry in entries if entry.get("default")]
    if len(defaults) != 1:
        return [f"{shown}: the i18n plugin needs exactly one language with `default: true`"]
    default = defaults[0]
    reference = (default.get("extra") or {}).get("ui")
    if not isinstance(reference, dict) or not reference:
        where = languages.of(default["locale"])
        line = where.line_of(*UI_KEY) if where else None
        return [f"{shown}:{line}: the default language '{default['locale']}' has no interface strings (extra.ui): the others are checked against them"]
    for entry in entries:
        code = str(entry.get("locale"))
        lines = languages.of(code) or EntryLines(code, 0, 0, 0, 0)

        def report(path: tuple, message: str) -> None:
            line = lines.line_of(*path)
            problems.append(f"{shown}:{line}: language '{code}': {message}" if line else f"{shown}: language '{code}': {message}")

        try:
            cldr_locale(code)
        except UnknownLanguage as error:
            report(("locale",), str(error))
        for path in keys_not_allowed(lines.key_lines):
            report(path, f"{'.'.join(str(part) for part in path)} cannot be set in a language's entry: an entry holds the language's "
                         "name and the strings its readers see (site_name, site_description, copyright, nav_translations, "
                         "admonition_translations, theme.palette toggle names, extra.ui, extra.theme_strings, extra.og_locale, "
                         "extra.cldr_locale, extra.typography); site-wide settings live outside the languages list")
        for path, reason in markup_in_entry(entry):
            report(path, f"{'.'.join(str(part) for part in path)} is not plain text: {reason}")
        for label, value in labels_not_text(entry):
            report(("nav_translations", label), f"nav_translations.{label} is {value!r}, not a label: write the label's text "
                                                 "(in quotes if it reads as a number)")
        extra = entry.get("extra") or {}
        if entry is not default:
            if "ui" not in extra:
                report(("extra",), f"missing interface strings: extra.ui (the {len(reference)} keys of the default language "
                                   f"'{default['locale']}'s, translated: copy another language's extra.ui into this entry and translate it)")
            else:
                missing, unknown, misshapen = ui_problems(extra["ui"], reference)
                if missing:
                    report(UI_KEY, f"missing interface strings: {', '.join(missing)}")
                if unknown:
                    first = unknown[0]
                    report(UI_KEY + tuple(first.split(".")), f"unknown interface strings: {', '.join(unknown)} (the default language '{default['locale']}' has no such key)")
                for path in misshapen:
                    kind = "a group of strings" if isinstance(_leaf_paths(reference)[path], dict) else "a string"
                    report(UI_KEY + tuple(path.split(".")), f"interface string {path} must be {kind}, as in the default language")
        if "typography" in extra and (problem := convention_problem(extra["typography"])):
            report(("extra", "typography"), problem)
        if "og_locale" in extra and not extra["og_locale"]:
            report(("extra", "og_locale"), f"extra.og_locale is empty: remove it (default: {default_og_locale(code)}) or write one such as {default_og_locale(code)}")
        if extra.get("cldr_locale"):
            try:
                cldr_locale(str(extra["cldr_locale"]))
            except UnknownLanguage as error:
                report(("extra", "cldr_locale"), f"extra.cldr_locale: {error}")
    return problems
