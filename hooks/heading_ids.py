"""Stop the build on duplicate heading ids: explicit `{#id}` twice, or two headings with the same text.

Sources are checked here once, with their lines, through the Markdown model (the toc extension's
own ids: `{#v1.2}` and `{#v1.3}` are two ids); hooks/rendered_page_checks.py checks the rendered
content of every page again for any repeated id, which covers what reference data adds.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_site import build_context
from bilingual_site.heading_ids import duplicate_heading_ids


def on_pre_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return  # checked once, in the first language's build
    errors = []
    for source, page in build_context.docs_models(config):
        errors += duplicate_heading_ids(page, source.shown)
    if errors:
        raise PluginError("\n".join(str(error) for error in errors))
