"""Render the reference data files (sources, claims, glossary) into the pages that ask for them.

A page opts in with `reference_data: <kind>` in its front matter; the rendered
Markdown is appended after the page's own text, in the page's language.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingual_site import build_context
from bilingual_site.errors import InputError
from bilingual_site.reference_data import RENDERERS, ReferenceData, load_reference_data

_data: ReferenceData | None = None


def on_config(config: MkDocsConfig) -> None:
    data_dir = str(build_context.project_root(config) / "data")
    if data_dir not in config.watch:
        config.watch.append(data_dir)


def on_pre_build(config: MkDocsConfig) -> None:
    global _data
    if _data is not None and not build_context.all_languages_built(config):
        return  # a later language of the same run: the files were read and checked in the first
    languages = build_context.languages(config)
    try:
        # Checked against every declared language, also in a one-language preview.
        declared = build_context.declared_languages(config)
        _data = load_reference_data(build_context.project_root(config) / "data", declared, languages.default)
    except InputError as error:
        raise PluginError(str(error)) from error


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    kind = page.meta.get("reference_data")
    if kind is None:
        return None
    if kind not in RENDERERS:
        raise PluginError(
            f"docs/{page.file.src_uri}: unknown reference_data {kind!r} in front matter "
            f"(expected one of {', '.join(RENDERERS)})"
        )
    languages = build_context.languages(config)
    # A fallback page is French text on an English URL: render the data in French too.
    language = build_context.source_locale(page)
    ui = build_context.ui_strings(config, language)
    rendered = RENDERERS[kind](_data, language, languages.default, ui, languages.all)
    return markdown.rstrip() + "\n\n" + rendered
