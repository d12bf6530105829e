"""Stop the build on Markdown outside the language folders mkdocs.yml declares (docs/de/ with no `de`).

The i18n plugin would publish those pages as pages of the default language, without a word.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_site import build_context
from bilingual_site.docs_layout import check_language_folders
from bilingual_site.errors import InputError


def on_pre_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return  # checked once, in the first language's build
    # Declared languages, built or not (BUILD_ONLY_LOCALE builds one of them).
    declared = build_context.i18n_plugin(config).all_languages
    try:
        check_language_folders(Path(config.docs_dir), declared)
    except InputError as error:
        raise PluginError(str(error)) from error
