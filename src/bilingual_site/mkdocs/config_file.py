"""mkdocs.yml read as MkDocs reads it (its `!ENV` and `!relative` tags included), for the commands
that need the project without a build: the translation tool, the link checker, the tests."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import yaml_load

from bilingual_site.errors import InputError, decode_utf8
from bilingual_site.markdown.model import MarkdownOptions
from bilingual_site.translation.project import Project, project_of


def read_mkdocs_yml(config_file: Path) -> dict:
    """The configuration file's mapping; InputError naming it when it cannot be read."""
    try:
        with open(config_file, "rb") as stream:
            return yaml_load(stream) or {}
    except OSError as error:
        raise InputError(config_file.name, None, f"cannot be read: {error.strerror}") from error


def load_project(config_file: Path) -> Project:
    """Languages and docs folder from mkdocs.yml's i18n plugin entry."""
    shown = config_file.name
    try:
        text = decode_utf8(config_file.read_bytes(), shown)
    except OSError as error:
        raise InputError(shown, None, f"cannot be read: {error.strerror}") from error
    config = yaml_load(text) or {}
    plugins = config.get("plugins") or []
    entries = [entry for entry in plugins if isinstance(entry, dict) and "i18n" in entry]
    if not entries:
        raise InputError(shown, None, "has no i18n plugin entry with languages")
    languages = (entries[0]["i18n"] or {}).get("languages") or []
    root = config_file.parent
    try:
        markdown = MarkdownOptions.from_mkdocs_yml(config.get("markdown_extensions"))
    except ValueError as error:
        raise InputError(shown, None, str(error)) from error
    # The text too: a wrong value is reported with its line (translation.language_entries).
    return project_of(root, root / config.get("docs_dir", "docs"), languages, shown, markdown, config_text=text)
