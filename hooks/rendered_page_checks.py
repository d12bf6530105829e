"""Stop the build before any page is written when a rendered page breaks the content policy or
repeats an id.

The sources were checked with their lines (hooks/content_policy.py, hooks/heading_ids.py); this is
the backstop for what reaches a page by other ways (reference data, templates of macros). Both
checks read each page's start tags (rendered_html.start_tags), read here once per page and dropped
with the page's check: kept for every page of a language until a second hook read them, the tags
outlived Python's young generations and brought on full garbage collections of the build.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from bilingual_site import build_context
from bilingual_site.content_policy import check_rendered_tags
from bilingual_site.heading_ids import duplicate_ids
from bilingual_site.rendered_html import start_tags


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Every page's content is rendered and none is written yet: all are checked in one pass, which
    # takes half the time of a check per page between the renderings of pages.
    errors: list[str] = []
    for page in build_context.rendered_pages(files):
        tags = start_tags(page.content)
        source = f"docs/{page.file.src_uri}"
        errors += [str(finding) for finding in check_rendered_tags(tags, source)]
        errors += [
            f"{source}: duplicate id {value!r} in the rendered page ({count} elements)"
            for value, count in sorted(duplicate_ids(tags).items())
        ]
    if errors:
        raise PluginError("\n".join(errors))
    return env
