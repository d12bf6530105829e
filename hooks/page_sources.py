"""Stop the build on page sources MkDocs would publish without a word, or the theme would print raw.

Malformed or unsafe front matter (MkDocs drops it silently, or expands its aliases), front matter
values that are not plain text (Material prints them unescaped), text that is not UTF-8, an empty
page, a translation whose original does not exist, and a changed original (translations/original.sha256).
Every problem of every page is reported at once.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_site import build_context
from bilingual_site.errors import InputError
from pathlib import Path

from bilingual_site.original_pin import Original, check_original_pin
from bilingual_site.page_sources import page_source_problems
from bilingual_site.translation_project import load_project


def on_pre_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return  # checked once, in the first language's build
    languages = build_context.languages(config)
    originals = build_context.docs_pages(config).get(languages.default, frozenset())
    problems: list[str] = []
    for source in build_context.docs_sources(config):
        problems += [str(problem) for problem in page_source_problems(source.raw, source.shown)]
        language, _, rest = source.relative.partition("/")
        if language in languages.others and rest not in originals:
            problems.append(f"{source.shown}: no original docs/{languages.default}/{rest} for this translation")
    if problems:
        raise PluginError("\n".join(problems))
    try:
        root = build_context.project_root(config)
        docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        # The default language as mkdocs.yml declares it: in a one-language preview
        # (BUILD_ONLY_LOCALE=en) the i18n plugin makes the language it builds the default.
        declared_default = load_project(Path(config.config_file_path)).default_language
        check_original_pin(Original(root, docs, declared_default))
    except InputError as error:
        raise PluginError(str(error)) from error
