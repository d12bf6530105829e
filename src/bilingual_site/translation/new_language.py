"""Everything a new language needs, written as text into the project's files (`translations new-language`).

Each function takes a file's text and returns the new text: mkdocs.yml keeps its comments and
layout (the new entry is inserted after the last one, found through the YAML nodes' marks, never
by pattern over the YAML), CODEOWNERS gets the language's folder and record, the issue forms'
language lists get a choice. `scaffold` reads and writes the files.

The new entry copies a template language's strings (English when it is declared), each marked
`# TODO: translate`: the build passes with them as they are, and the pages of the new language
are served untranslated (the original's text, with the untranslated notice) until translated.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bilingual_site.errors import InputError, decode_utf8
from bilingual_site.translation.language_entries import languages_list, languages_node
from bilingual_site.site.locale_data import UnknownLanguage, cldr_locale, default_og_locale, language_name
from bilingual_site.translation.records import write_lock
from bilingual_site.translation.project import LOCK_FOLDER, Project

TODO = "  # TODO: translate"
# A language as the i18n plugin (mkdocs-static-i18n) accepts it, a subset of BCP 47: a two-letter
# language, optionally a script and a region ('es', 'pt-BR', 'zh-Hant', 'sr-Latn-RS').
LANGUAGE_TAG = re.compile(r"^(?P<language>[A-Za-z]{2})(?:-(?P<script>[A-Za-z]{4}))?(?:-(?P<region>[A-Za-z]{2}))?$")
# What a new entry copies from its template language, in this order: strings shown to readers.
COPIED_KEYS = ("site_name", "site_description", "copyright", "theme", "admonition_translations", "nav_translations")
CODEOWNERS = Path(".github/CODEOWNERS")
ISSUE_FORMS = Path(".github/ISSUE_TEMPLATE")
KEEP_FILE = ".gitkeep"
KEEP_TEXT = """\
# The translations of this language: one file per page of the original's folder, with the same
# name (docs/{default}/note.md -> docs/{code}/note.md). Until a page is here, the site serves the
# original's text at its URL, marked untranslated. How to translate a page and record it:
# the contributor guide, docs/en/contributing.md ("Start a new language").
"""


class NewLanguageRefused(ValueError):
    """A code or a project the command cannot add a language to (the message says why)."""


def language_tag(code: str, declared: tuple[str, ...]) -> str:
    """``code`` in its canonical form ('pt-br' -> 'pt-BR'), or NewLanguageRefused saying why not."""
    match = LANGUAGE_TAG.match(code)
    if not match:
        raise NewLanguageRefused(
            f"'{code}' is not a language tag the site can use: a two-letter language code, optionally "
            "with a script and a region, as BCP 47 writes them (es, pt-BR, zh-Hant)"
        )
    tag = "-".join(
        part for part in (
            match["language"].lower(),
            match["script"].title() if match["script"] else None,
            match["region"].upper() if match["region"] else None,
        ) if part
    )
    try:
        locale = cldr_locale(tag)
    except UnknownLanguage as error:
        raise NewLanguageRefused(str(error)) from None
    if locale.language != tag.split("-")[0]:  # CLDR's aliases: 'iw' reads as 'he'
        raise NewLanguageRefused(f"'{tag}' is an old code for '{locale.language}': use '{locale.language}'")
    taken = next((other for other in declared if other.lower() == tag.lower()), None)
    if taken:
        raise NewLanguageRefused(f"'{taken}' is already declared in mkdocs.yml (plugins > i18n > languages)")
    return tag


# --- YAML text ------------------------------------------------------------------------------------


def yaml_scalar(value: object) -> str:
    """``value`` written so YAML reads it back as it is: plain when it can be, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) or value is None:
        return json.dumps(value)
    text = str(value)
    if text and "\n" not in text and text == text.strip() and "#" not in text and ": " not in text:
        try:
            if yaml.safe_load(f"key: {text}") == {"key": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def yaml_lines(value: object, indent: int, marked: bool) -> list[str]:
    """Block YAML of a mapping or list, ``indent`` spaces deep; each text value marked TODO when ``marked``."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{yaml_scalar(key)}:")
                lines += yaml_lines(item, indent + 2, marked)
            else:
                lines.append(f"{pad}{yaml_scalar(key)}: {yaml_scalar(item)}" + (TODO if marked and isinstance(item, str) else ""))
    else:
        for item in value:
            if isinstance(item, dict) and item:
                nested = yaml_lines(item, indent + 2, marked)
                lines.append(f"{pad}- {nested[0].lstrip()}")
                lines += nested[1:]
            else:
                lines.append(f"{pad}- {yaml_scalar(item)}" + (TODO if marked and isinstance(item, str) else ""))
    return lines


def new_entry(code: str, name: str, template: dict) -> dict:
    """The new language's entry: its own code, name and Open Graph locale; the template's reader-facing strings."""
    entry = {"locale": code, "name": name, "build": True}
    for key in COPIED_KEYS:
        if template.get(key):
            entry[key] = template[key]
    extra = {"og_locale": default_og_locale(code)}
    ui = (template.get("extra") or {}).get("ui")
    if ui:
        extra["ui"] = ui
    entry["extra"] = extra
    return entry


def entry_lines(entry: dict, template_code: str, dash_column: int, key_column: int) -> list[str]:
    """The entry as text at the list's columns, with a comment saying what to do with it."""
    own = {key: entry[key] for key in ("locale", "name", "build")}
    copied = {key: value for key, value in entry.items() if key not in own and key != "extra"}
    lines = [f"{' ' * dash_column}# Added by `./tasks.sh translations new-language`: every line marked TODO holds the",
             f"{' ' * dash_column}# '{template_code}' text, to translate (the build passes meanwhile).",]
    body = yaml_lines(own, key_column, marked=False) + yaml_lines(copied, key_column, marked=True)
    extra = entry["extra"]
    body += [f"{' ' * key_column}extra:",
             f"{' ' * (key_column + 2)}# Open Graph locale (the likely region in CLDR); the default when left out.",
             f"{' ' * (key_column + 2)}og_locale: {yaml_scalar(extra['og_locale'])}"]
    if "ui" in extra:
        body += [f"{' ' * (key_column + 2)}# The site's interface strings: the same keys as every language's.",
                 f"{' ' * (key_column + 2)}ui:"]
        body += yaml_lines(extra["ui"], key_column + 4, marked=True)
    first = body[0]
    body[0] = " " * dash_column + "-" + " " * (key_column - dash_column - 1) + first[key_column:]
    return lines + body


def with_language_entry(config_text: str, shown: str, entry: dict, template_code: str) -> str:
    """mkdocs.yml's text with ``entry`` appended to the i18n plugin's languages, all else as it was."""
    listed = languages_list(config_text, shown)
    last = listed.entries[-1]
    if languages_node(config_text, shown).flow_style:
        raise NewLanguageRefused(f"{shown}: the languages list is written in flow style ([...]); write it as a block list to add a language")
    lines = config_text.split("\n")
    added = entry_lines(entry, template_code, last.dash_column, last.key_column)
    return "\n".join(lines[: last.last_line] + added + lines[last.last_line:])


# --- CODEOWNERS and issue forms --------------------------------------------------------------------


def team_slug(code: str) -> str:
    """'spanish', 'portuguese-brazil': the language's English name as a GitHub team name."""
    return re.sub(r"[^a-z0-9]+", "-", language_name(code, "en").lower()).strip("-")


def with_codeowners_entry(text: str, code: str, template_code: str, lock_folder: str = LOCK_FOLDER) -> str | None:
    """CODEOWNERS with the new language's folder and record owned by its translators' team, placed
    after the template language's lines and aligned as they are; None when no line names a team."""
    lines = text.split("\n")
    owned = [(index, line.split()) for index, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    teams = [owner for _, words in owned for owner in words[1:] if owner.startswith("@") and "/" in owner]
    if not teams:
        return None
    organisation = teams[0].split("/")[0]
    team = f"{organisation}/{team_slug(code)}-translators"
    template_paths = (f"/docs/{template_code}/", f"/{lock_folder}/{template_code}.yml")
    template_lines = [index for index, words in owned if words[0] in template_paths]
    # Owners start where the template language's do (the file aligns them), or after the longest path.
    column = max(len(words[0]) for _, words in owned) + 1
    if template_lines:
        first = lines[template_lines[0]]
        column = max(column, first.index(first.split()[1]))
    block = [
        "",
        f"# The {language_name(code, 'en')} translation and its source record.",
        f"/docs/{code}/".ljust(column) + team,
        f"/{lock_folder}/{code}.yml".ljust(column) + team,
    ]
    at = template_lines[-1] + 1 if template_lines else len(lines)
    if not template_lines:
        while at > 0 and not lines[at - 1].strip():
            at -= 1
    return "\n".join(lines[:at] + block + lines[at:])


def with_issue_form_choice(text: str, shown: str, code: str, name: str, declared: tuple[str, ...]) -> str | None:
    """An issue form with '<name> (<code>)' after the last choice naming a declared language, in every
    list of choices that has one; None when the form lists no language."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise NewLanguageRefused(f"{shown}: invalid YAML: {error.problem}") from error
    marks = tuple(f"({language})" for language in declared)
    lines = text.split("\n")
    insertions = []
    for options in _option_lists(root):
        naming = [item for item in options.value if isinstance(item, yaml.ScalarNode) and item.value.rstrip().endswith(marks)]
        if not naming or any(item.value.rstrip().endswith(f"({code})") for item in options.value if isinstance(item, yaml.ScalarNode)):
            continue
        last = naming[-1]
        prefix = lines[last.start_mark.line][: last.start_mark.column]
        insertions.append((last.end_mark.line + 1, prefix + yaml_scalar(f"{name} ({code})")))
    if not insertions:
        return None
    for at, line in sorted(insertions, reverse=True):
        lines.insert(at, line)
    return "\n".join(lines)


def _option_lists(node: yaml.Node):
    """Every `options:` list of scalars in the form (dropdowns)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "options" and isinstance(value, yaml.SequenceNode):
                yield value
            else:
                yield from _option_lists(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _option_lists(item)


# --- Files --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scaffold:
    code: str
    template: str
    written: list[str]  # files created or changed, relative to the project
    left: list[str]  # what was not done, and why


def template_language(project: Project) -> str:
    """The language whose strings a new one starts from: English when declared (the language most
    translators read), else the first translation, else the original."""
    if "en" in project.languages:
        return "en"
    return (project.translation_languages or (project.default_language,))[0]


def scaffold(project: Project, config_file: Path, code: str, name: str, template_entries: list[dict]) -> Scaffold:
    """Write everything the language needs; refused (nothing written) for a bad code, a taken one or
    an existing file of the new language."""
    code = language_tag(code, project.languages)
    if not name.strip():
        raise NewLanguageRefused("--name: the language's name in itself, as the switcher shows it (Español)")
    template = template_language(project)
    shown = project.shown(config_file)
    targets = {
        "docs": project.docs_dir / code,
        "record": project.lock_path(code),
    }
    for path in targets.values():
        if path.exists():
            raise InputError(project.shown(path), None, f"already exists: remove it, or declare '{code}' in mkdocs.yml by hand")
    template_entry = next(entry for entry in template_entries if entry.get("locale") == template)
    entry = new_entry(code, name.strip(), template_entry)
    config_text = decode_utf8(config_file.read_bytes(), shown)
    changes: dict[Path, str] = {config_file: with_language_entry(config_text, shown, entry, template)}
    left = []
    owners = project.root / CODEOWNERS
    if owners.is_file():
        updated = with_codeowners_entry(decode_utf8(owners.read_bytes(), str(CODEOWNERS)), code, template)
        if updated is None:
            left.append(f"{CODEOWNERS}: no team owns a path there; add the language's owners by hand")
        else:
            changes[owners] = updated
    for form in sorted((project.root / ISSUE_FORMS).glob("*.yml")):
        updated = with_issue_form_choice(decode_utf8(form.read_bytes(), project.shown(form)), project.shown(form), code, name.strip(), project.languages)
        if updated is not None:
            changes[form] = updated
    # Everything is worked out before anything is written: a refusal leaves the project as it was.
    for path, text in changes.items():
        path.write_text(text, encoding="utf-8")
    targets["docs"].mkdir(parents=True)
    (targets["docs"] / KEEP_FILE).write_text(KEEP_TEXT.format(default=project.default_language, code=code), encoding="utf-8")
    write_lock(targets["record"], {})
    written = [project.shown(path) for path in changes] + [project.shown(targets["docs"] / KEEP_FILE), project.shown(targets["record"])]
    return Scaffold(code, template, written, left)
