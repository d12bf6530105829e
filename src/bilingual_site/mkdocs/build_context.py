"""What the plugin reads from MkDocs and the i18n plugin about the build in progress.

mkdocs-static-i18n runs one full MkDocs build per language on the same configuration; these
functions are the only place that reads its state, so the rest of the package stays
independent of it (its maintainer calls it frozen). Nothing here keeps state between calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from bilingual_site.site.language_links import Languages, absolute_url, language_prefix, site_path
from bilingual_site.markdown.model import MarkdownOptions
from bilingual_site.mkdocs.config_file import load_project

__all__ = [
    "FixedLanguages", "Languages", "absolute_url", "built_pages", "declared_languages", "fixed_languages", "i18n_plugin",
    "language_config", "language_prefix", "markdown_options", "project_root", "set_alternates", "site_path",
    "translated_languages", "ui_strings",
]


def i18n_plugin(config: MkDocsConfig):
    return config["plugins"]["i18n"]


@dataclass(frozen=True)
class FixedLanguages:
    """The languages of a run, which do not change from one language's build to the next."""

    default: str
    built: tuple[str, ...]

    def now(self, current: str) -> Languages:
        return Languages(default=self.default, current=current, all=self.built)


def fixed_languages(config: MkDocsConfig) -> FixedLanguages:
    plugin = i18n_plugin(config)
    return FixedLanguages(plugin.default_language, tuple(plugin.build_languages))


def language_config(config: MkDocsConfig, language: str):
    """The i18n plugin's entry for ``language`` (the first one, as the plugin finds it): its name, its `extra`."""
    for entry in i18n_plugin(config).config.languages:
        if entry.locale == language:
            return entry
    raise ValueError(f"language '{language}' is not declared in mkdocs.yml (plugins > i18n > languages)")


def declared_languages(config: MkDocsConfig) -> list[str]:
    """Every language mkdocs.yml declares, built or not (a BUILD_ONLY_LOCALE preview builds one)."""
    return [language.locale for language in i18n_plugin(config).config.languages]


def declared_default_language(config: MkDocsConfig) -> str:
    """The default language as mkdocs.yml declares it, also in a one-language preview
    (BUILD_ONLY_LOCALE=en makes the i18n plugin take the language it builds as its default,
    in its own configuration too: the file is read then, 40 ms with PyYAML's pure-Python loader)."""
    plugin_config = i18n_plugin(config).config
    if plugin_config.build_only_locale:
        return load_project(Path(config.config_file_path)).default_language
    return next(entry.locale for entry in plugin_config.languages if entry.default)


def built_pages(files: Files) -> list[Page]:
    """The pages this language's build writes (`mkdocs serve` also writes drafts)."""
    return [file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve) if file.page is not None]


def nav_labels(nav: list | None) -> list[str]:
    """The labels mkdocs.yml's `nav:` gives its pages and sections (`- Label: page.md`), nested ones included."""
    labels: list[str] = []
    for item in nav or []:
        if isinstance(item, dict):
            for label, value in item.items():
                labels.append(str(label))
                if isinstance(value, list):
                    labels += nav_labels(value)
    return labels


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def ui_strings(config: MkDocsConfig, language: str) -> dict:
    """The site's own interface strings for ``language`` (mkdocs.yml, i18n `languages[].extra.ui`)."""
    return language_config(config, language)["extra"]["ui"]


def translated_languages(page: Page, languages: Languages) -> set[str]:
    """Languages with a real file for this page: the default one and those whose own file exists."""
    found = {languages.default}
    for language, alternate in page.file.alternates.items():
        if alternate.locale == language:
            found.add(language)
    if page.file.locale == languages.current:
        found.add(languages.current)
    return found


def set_alternates(config: MkDocsConfig, alternates: list[dict]) -> None:
    """Set `extra.alternate`, which Material renders as hreflang links.

    The i18n plugin assigns it as an attribute of `config.extra` (which Jinja reads
    before the mapping key), so both are set to stay in step with it.
    """
    config.extra.alternate = alternates
    config.extra["alternate"] = alternates


def markdown_options(config: MkDocsConfig) -> MarkdownOptions:
    """The extensions MkDocs renders pages with (its builtins included), for the Markdown model.

    Extension objects the plugin adds for the build itself (page_marks.py) are left out: they mark
    the rendered page and change nothing the model reads."""
    names = tuple(extension for extension in config.markdown_extensions if isinstance(extension, str))
    return MarkdownOptions(names, {name: dict(values) for name, values in (config.mdx_configs or {}).items()})
