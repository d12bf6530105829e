"""Stop the build on page sources MkDocs would publish without a word.

Malformed front matter (MkDocs drops it silently), text that is not UTF-8, an
empty page, and a translation whose original does not exist.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_site import build_context
from bilingual_site.errors import InputError
from bilingual_site.page_sources import check_page_source


def on_pre_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return  # checked once, in the first language's build
    languages = build_context.languages(config)
    originals = build_context.docs_pages(config).get(languages.default, frozenset())
    for source in build_context.docs_sources(config):
        try:
            check_page_source(source.raw, source.shown)
        except InputError as error:
            raise PluginError(str(error)) from error
        language, _, rest = source.relative.partition("/")
        if language in languages.others and rest not in originals:
            raise PluginError(f"{source.shown}: no original docs/{languages.default}/{rest} for this translation")
