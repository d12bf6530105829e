"""The translation layout of a project, read from its mkdocs.yml: languages, pages, lock files.

The tool and the build hooks both start here, so a language added to the i18n
plugin's `languages:` (and its folder under docs/) is picked up everywhere;
no language code is written in the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bilingual_site.errors import InputError, decode_utf8
from bilingual_site.markdown.model import MarkdownOptions
from bilingual_site.translation.language_entries import languages_list
from bilingual_site.translation.typography import DEFAULT_CONVENTION, convention_problem

LOCK_FOLDER = "translations"


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    default_language: str
    languages: tuple[str, ...]  # the default language first
    # Each language's typographic convention (its `extra.typography` in mkdocs.yml, else the neutral one).
    typography: dict[str, str] = field(default_factory=dict)
    # The Markdown extensions pages are rendered with (mkdocs.yml's `markdown_extensions`).
    markdown: MarkdownOptions = field(default_factory=lambda: MarkdownOptions.from_mkdocs_yml(None))

    @property
    def translation_languages(self) -> tuple[str, ...]:
        return tuple(language for language in self.languages if language != self.default_language)

    def page_path(self, language: str, page: str) -> Path:
        return self.docs_dir / language / page

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the project root, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def lock_path(self, language: str) -> Path:
        return self.root / LOCK_FOLDER / f"{language}.yml"

    def pages(self, language: str) -> list[str]:
        """The Markdown pages of a language folder, as paths relative to it ('note.md')."""
        folder = self.docs_dir / language
        if not folder.is_dir():
            return []
        return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))

    def read(self, path: Path) -> str:
        return decode_utf8(path.read_bytes(), self.shown(path))


def project_of(
    root: Path, docs_dir: Path, languages: list[dict], shown: str, markdown: MarkdownOptions | None = None, config_text: str | None = None,
) -> Project:
    """The project from the i18n plugin's `languages` entries (mappings with locale, default, extra).
    ``config_text``, mkdocs.yml's text, gives a wrong value its line."""
    defaults = [entry["locale"] for entry in languages if entry.get("default")]
    if len(defaults) != 1:
        raise InputError(shown, None, "the i18n plugin needs exactly one language with `default: true`")
    ordered = tuple(defaults + [entry["locale"] for entry in languages if not entry.get("default")])
    typography = {}
    for entry in languages:
        extra = entry.get("extra") if isinstance(entry.get("extra"), dict) else {}
        convention = extra.get("typography", DEFAULT_CONVENTION)
        if problem := convention_problem(convention):
            where = languages_list(config_text, shown).of(entry["locale"]) if config_text is not None else None
            raise InputError(shown, where.line_of("extra", "typography") if where else None, f"language {entry['locale']!r}: {problem}")
        typography[entry["locale"]] = convention
    return Project(
        root=root, docs_dir=docs_dir, default_language=defaults[0], languages=ordered, typography=typography,
        markdown=markdown or MarkdownOptions.from_mkdocs_yml(None),
    )
