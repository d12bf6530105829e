"""What a hook needs to know about the language build in progress, read from the i18n plugin.

mkdocs-static-i18n runs one full MkDocs build per language on the same config
object; these helpers are the only place that reads its state, so the rest of
the project stays independent of the plugin (its maintainer calls it frozen).
The same config object marks a run, so what several hooks read once a run (the
page sources, each language folder's pages) is kept here too ("Once per run", below).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from bilingual_site.docs_layout import SourceFile, source_files
from bilingual_site.markdown_model import MarkdownOptions, MarkdownPage, read_markdown


@dataclass(frozen=True)
class Languages:
    default: str
    current: str
    all: tuple[str, ...]

    @property
    def others(self) -> list[str]:
        return [code for code in self.all if code != self.default]


def i18n_plugin(config: MkDocsConfig):
    return config["plugins"]["i18n"]  # the key, not the attribute: asked a dozen times a page, the attribute costs 3 times more


def languages(config: MkDocsConfig) -> Languages:
    fixed = _fixed(config)
    return _languages(fixed.default, i18n_plugin(config).current_language, fixed.built)


def language_config(config: MkDocsConfig, language: str):
    """The i18n plugin's entry for ``language``: its name, its `extra` (the site's interface strings)."""
    entry = _fixed(config).entries.get(language)
    if entry is None:
        raise ValueError(f"language '{language}' is not declared in mkdocs.yml (plugins > i18n > languages)")
    return entry


@dataclass(frozen=True)
class _FixedLanguages:
    default: str
    built: tuple[str, ...]
    entries: dict  # language -> its entry in the plugin's configuration (the first one, as the plugin finds it)


def _fixed(config: MkDocsConfig) -> _FixedLanguages:
    # The plugin's configuration is read and validated once a run (BUILD_ONLY_LOCALE included); the
    # plugin works out its default and built languages, and looks an entry up, on every call.
    def read() -> _FixedLanguages:
        plugin = i18n_plugin(config)
        entries: dict = {}
        for entry in plugin.config.languages:
            entries.setdefault(entry.locale, entry)
        return _FixedLanguages(plugin.default_language, tuple(plugin.build_languages), entries)

    return once_per_run(config, "languages", read)


@lru_cache(maxsize=16)
def _languages(default: str, current: str, built: tuple[str, ...]) -> Languages:
    # Hooks ask for the languages a dozen times per page: one instance per combination.
    return Languages(default=default, current=current, all=built)


def declared_languages(config: MkDocsConfig) -> list[str]:
    """Every language mkdocs.yml declares, built or not (a BUILD_ONLY_LOCALE preview builds one)."""
    return [language.locale for language in i18n_plugin(config).config.languages]


def all_languages_built(config: MkDocsConfig) -> bool:
    """True in the last on_post_build, once every language is written (hooks must run after i18n's, at -110)."""
    return not i18n_plugin(config).building


def built_pages(files: Files) -> list[Page]:
    """The pages this language's build writes (`mkdocs serve` also writes drafts)."""
    return [file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve) if file.page is not None]


def rendered_pages(files: Files) -> list[Page]:
    """The pages of this language's build whose Markdown is rendered (by on_env, all of them; under
    `mkdocs serve --dirty`, those that changed)."""
    return [page for page in built_pages(files) if page.content is not None]


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def source_locale(page: Page) -> str:
    """The language of the Markdown file a page was built from (differs from the build's on fallback pages)."""
    return page.file.locale


def language_prefix(language: str, default: str) -> str:
    """The folder of a language in the built site: '' for the default language, 'en/' for English."""
    return "" if language == default else f"{language}/"


# A relative path urljoin would only append: no scheme, query, fragment, leading slash, dot
# segment, whitespace or control character.
_SEGMENT = r"[^/.?#:\s\x00-\x1f\x7f][^/?#:\s\x00-\x1f\x7f]*"
_PLAIN_PATH = re.compile(rf"(?:{_SEGMENT}/)*(?:{_SEGMENT})?")


@lru_cache(maxsize=8)
def _appends(site_url: str) -> bool:
    """Whether urljoin appends a plain path to ``site_url`` as it is (no dot segment, query or fragment in it)."""
    return urljoin(site_url, "page.html") == site_url + "page.html"


def absolute_url(site_url: str, url: str) -> str:
    """The public URL of a built page, with 'index.html' dropped so home pages read '/' and '/en/'."""
    if url == "index.html" or url.endswith("/index.html"):
        url = url[: -len("index.html")]
    if _appends(site_url) and _PLAIN_PATH.fullmatch(url):
        return site_url + url  # what urljoin gives, without its parsing (several times per page)
    return urljoin(site_url, url)


def site_path(site_url: str) -> str:
    """The path the site is served under ('/' or '/repository/')."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


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


def alternates(config: MkDocsConfig) -> list[dict]:
    return config.extra.alternate


# --- Once per run ------------------------------------------------------------------------------

# A run (`mkdocs build`, or one rebuild of `mkdocs serve`) loads the configuration afresh, and the
# i18n plugin builds every language on that one object: it tells one run from the next.
_run: list = [lambda: None, {}]  # a weak reference to the run's configuration, and the run's values


def run_values(config: MkDocsConfig) -> dict:
    """Values worked out once per run, kept until the next run starts."""
    if _run[0]() is not config:
        _run[:] = [weakref.ref(config), {}]
    return _run[1]


def once_per_run(config: MkDocsConfig, key: str, make):
    """``make()``, worked out the first time a run asks for ``key``."""
    values = run_values(config)
    if key not in values:
        values[key] = make()
    return values[key]


def docs_sources(config: MkDocsConfig) -> list[SourceFile]:
    """Every page source under docs/, read once per run for the checks that read them all."""
    return once_per_run(config, "docs_sources", lambda: source_files(Path(config.docs_dir)))


def docs_pages(config: MkDocsConfig) -> dict[str, frozenset[str]]:
    """Each folder of docs/ with its pages ('fr' -> {'note.md', ...}), from the sources read this run."""

    def listed() -> dict[str, frozenset[str]]:
        pages: dict[str, set[str]] = {}
        for source in docs_sources(config):
            folder, _, page = source.relative.partition("/")
            pages.setdefault(folder, set()).add(page)
        return {folder: frozenset(found) for folder, found in pages.items()}

    return once_per_run(config, "docs_pages", listed)


def markdown_options(config: MkDocsConfig) -> MarkdownOptions:
    """The extensions MkDocs renders pages with (its builtins included), for the Markdown model.

    Extension objects hooks add for the build itself (hooks/translation_status.py's outdated marks)
    are left out: they mark the rendered page and change nothing the model reads."""
    names = tuple(extension for extension in config.markdown_extensions if isinstance(extension, str))
    return MarkdownOptions(names, {name: dict(values) for name, values in (config.mdx_configs or {}).items()})


def docs_models(config: MkDocsConfig) -> list[tuple[SourceFile, MarkdownPage]]:
    """Every page source with its Markdown model, modelled once per run for the checks that read them all."""
    def modelled() -> list[tuple[SourceFile, MarkdownPage]]:
        options = markdown_options(config)
        return [(source, read_markdown(source.text, options)) for source in docs_sources(config)]

    return once_per_run(config, "docs_models", modelled)
