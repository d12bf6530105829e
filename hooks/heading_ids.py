"""Stop the build on duplicate heading ids: explicit `{#id}` twice, or two headings with the same text.

Sources are checked here once, with their lines (src/bilingual_site/heading_ids.py), while the
first language renders; hooks/rendered_page_checks.py checks the rendered content of every page
again for any repeated id, which covers what reference data adds.
"""

from __future__ import annotations

from jinja2 import Environment
from markdown.extensions.toc import slugify as default_slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from bilingual_site import build_context, forked_work
from bilingual_site.docs_layout import SourceFile
from bilingual_site.heading_ids import duplicate_heading_ids
from bilingual_site.markdown_scan import fenced_code_enabled


_serving = False
_checked: forked_work.Beside | None = None  # the sources' duplicate ids, worked out beside the rendering


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    global _checked
    if not build_context.all_languages_built(config):
        return  # checked once, in the first language's build
    if _checked is not None:
        _checked.cancel()  # the run before failed before its pages were written
    slugify = config.mdx_configs.get("toc", {}).get("slugify", default_slugify)
    fenced_blocks = fenced_code_enabled(config.markdown_extensions)
    sources = build_context.docs_sources(config)
    # A duplicate id renders (one heading is unreachable by link), so the check runs beside the first
    # language's rendering (a forked worker, forked_work) and stops the build before any page is written.
    worth_a_worker = len(sources) >= forked_work.SOURCES_WORTH_A_WORKER
    _checked = forked_work.Beside(lambda: source_errors(sources, slugify, fenced_blocks), worth_a_worker, serving=_serving)


def source_errors(sources: list[SourceFile], slugify, fenced_blocks: bool) -> str:
    """Every duplicate heading id of every source, one a line ('' when none)."""
    return "\n".join(str(error) for source in sources for error in duplicate_heading_ids(source.text, source.shown, slugify, fenced_blocks))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    global _checked
    if _checked is not None:  # the first language's build: every page is rendered, none is written
        found, _checked = _checked.result(), None
        if found:
            raise PluginError(found)
    return env
