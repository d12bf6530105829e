"""The layout of docs/: one folder per language the configuration declares, pages inside them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bilingual_site.errors import InputError


def check_language_folders(docs: Path, declared: list[str]) -> None:
    """Raise InputError for Markdown outside the declared language folders (docs/de/ with no `de` declared).

    The i18n plugin would publish such pages silently, as pages of the default language.
    A folder without Markdown (images, for instance) is left alone.
    """
    folders = ", ".join(f"docs/{code}/" for code in declared)
    for entry in sorted(docs.iterdir()):
        if entry.is_dir() and entry.name not in declared and any(entry.rglob("*.md")):
            raise InputError(
                f"docs/{entry.name}/",
                None,
                f"folder {entry.name!r} is not a language declared in mkdocs.yml "
                f"(plugins > i18n > languages: {', '.join(declared)}); declare it there or move its pages to {folders}",
            )
        if entry.is_file() and entry.suffix == ".md":
            raise InputError(f"docs/{entry.name}", None, f"pages live in a language folder ({folders}), not at the top of docs/")


@dataclass(frozen=True)
class SourceFile:
    """One page source under docs/, as the source checks read it."""

    path: Path
    relative: str  # its path under docs/: 'fr/note.md'
    raw: bytes

    @property
    def shown(self) -> str:
        """As messages show it: 'docs/fr/note.md'."""
        return f"docs/{self.relative}"

    @cached_property
    def text(self) -> str:
        """Bytes that are not UTF-8 are replaced here; hooks/page_sources.py reports them with their line."""
        return self.raw.decode("utf-8", errors="replace")


def source_files(docs: Path) -> list[SourceFile]:
    """Every page under docs/, in path order."""
    return [SourceFile(path, path.relative_to(docs).as_posix(), path.read_bytes()) for path in sorted(docs.rglob("*.md"))]
