"""Stop the build before any page is written when a rendered page repeats an id.

The sources were checked with their lines (hooks/heading_ids.py); this is the backstop for ids
that reach a page by other ways (reference data, templates of macros). Each page's rendered
content is read with the HTML5 parser the final check uses (rendered_html.start_tags). What a
page may hold is decided on the published file, head and template output included, once every
language is built (hooks/published_html.py).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from bilingual_site import build_context
from bilingual_site.heading_ids import duplicate_ids
from bilingual_site.rendered_html import start_tags


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Every page's content is rendered and none is written yet: all are checked in one pass.
    errors: list[str] = []
    for page in build_context.rendered_pages(files):
        source = f"docs/{page.file.src_uri}"
        errors += [
            f"{source}: duplicate id {value!r} in the rendered page ({count} elements)"
            for value, count in sorted(duplicate_ids(start_tags(page.content)).items())
        ]
    if errors:
        raise PluginError("\n".join(errors))
    return env
