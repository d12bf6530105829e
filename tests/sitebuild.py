"""Build the site (or a modified copy of it) in-process, the way `mkdocs build --strict` does."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from bilingual_site.mkdocs.config_file import load_project

PROJECT = Path(__file__).resolve().parent.parent
# The Markdown extensions of the real site (mkdocs.yml), for tests that model pages directly.
SITE_MARKDOWN = load_project(PROJECT / "mkdocs.yml").markdown
SITE_PARTS = ("mkdocs.yml", "docs", "data", "overrides", "translations")


def build_site(project: Path, site_dir: Path, site_url: str, **overrides) -> Path:
    """Strict build of ``project``'s mkdocs.yml into ``site_dir``; any warning raises."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), site_url=site_url, **overrides)
    build(config)
    return site_dir


def copy_project(target: Path) -> Path:
    """A scratch copy of everything the build reads, for tests that change content."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def repin_original(project: Path) -> None:
    """Pin the copy's original note as it is now: what `./tasks.sh translations pin-original` does
    after a deliberate change. Tests that edit the original for another purpose call it first."""
    from bilingual_site.translation.original_pin import pin_original
    from bilingual_site.mkdocs.config_file import load_project
    from bilingual_site.translation.cli import original_of

    pin_original(original_of(load_project(project / "mkdocs.yml")))


# --- The languages of the project under test, as mkdocs.yml declares them ---------------------------
# Tests read the set of languages here, never write it: the same suite runs on the real bilingual
# site and on a copy with a scaffolded third language (scripts/third_language_check.sh).

PROJECT_LANGUAGES = load_project(PROJECT / "mkdocs.yml")
DEFAULT_LANGUAGE = PROJECT_LANGUAGES.default_language
TRANSLATION_LANGUAGES = PROJECT_LANGUAGES.translation_languages


def language_entries(project: Path = PROJECT) -> dict[str, dict]:
    """language -> its i18n `languages:` entry in ``project``'s mkdocs.yml, as written."""
    from mkdocs.utils import yaml_load

    plugins = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
    i18n = next(item["i18n"] for item in plugins if isinstance(item, dict) and "i18n" in item)
    return {entry["locale"]: entry for entry in i18n["languages"]}


def folder_prefix(language: str) -> str:
    """Where a language's pages are built: '' for the default language, 'en/' for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def language_of_url(url: str) -> str:
    """The language whose folder holds a built page's site-relative URL ('en/note.html' -> 'en')."""
    first = url.split("/", 1)[0]
    return first if "/" in url and first in TRANSLATION_LANGUAGES else DEFAULT_LANGUAGE
