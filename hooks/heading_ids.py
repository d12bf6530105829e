"""Stop the build on duplicate heading ids: explicit `{#id}` twice, or two headings with the same text.

Sources are checked here once, with their lines (src/bilingual_site/heading_ids.py);
hooks/rendered_page_checks.py checks the rendered content of every page again for any repeated
id, which covers what reference data adds.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify as default_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_site import build_context
from bilingual_site.heading_ids import duplicate_heading_ids
from bilingual_site.markdown_scan import fenced_code_enabled


def on_pre_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return  # checked once, in the first language's build
    slugify = config.mdx_configs.get("toc", {}).get("slugify", default_slugify)
    fenced_blocks = fenced_code_enabled(config.markdown_extensions)
    errors = []
    for source in build_context.docs_sources(config):
        errors += duplicate_heading_ids(source.text, source.shown, slugify, fenced_blocks)
    if errors:
        raise PluginError("\n".join(str(error) for error in errors))

