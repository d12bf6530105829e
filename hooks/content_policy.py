"""Stop the build on page content the site's policy forbids: raw script-capable HTML, event
handlers, javascript: and data: targets, external links that are not https.

The rules live in src/bilingual_site/content_policy.py. Sources are checked here once, with their
lines, while the first language renders; hooks/rendered_page_checks.py checks every rendered page again, which covers what
reference data adds.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from bilingual_site import build_context, forked_work
from bilingual_site.content_policy import check_markdown
from bilingual_site.docs_layout import SourceFile
from bilingual_site.markdown_scan import fenced_code_enabled


_serving = False
_checked: forked_work.Beside | None = None  # the sources' findings, worked out beside the rendering


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    global _checked
    if not build_context.all_languages_built(config):
        return  # checked once, in the first language's build
    if _checked is not None:
        _checked.cancel()  # the run before failed before its pages were written
    fenced_blocks = fenced_code_enabled(config.markdown_extensions)
    sources = build_context.docs_sources(config)
    # MkDocs renders nothing from what these rules catch, so the check runs beside the first
    # language's rendering (a forked worker, forked_work) and stops the build before any page is written.
    worth_a_worker = len(sources) >= forked_work.SOURCES_WORTH_A_WORKER
    _checked = forked_work.Beside(lambda: source_findings(sources, fenced_blocks), worth_a_worker, serving=_serving)


def source_findings(sources: list[SourceFile], fenced_blocks: bool) -> str:
    """Every finding of every source, one a line ('' when none)."""
    return "\n".join(str(finding) for source in sources for finding in check_markdown(source.text, source.shown, fenced_blocks))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    global _checked
    if _checked is not None:  # the first language's build: every page is rendered, none is written
        found, _checked = _checked.result(), None
        if found:
            raise PluginError(found)
    return env
