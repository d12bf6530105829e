"""Stop the build on page content the site's policy forbids: raw script-capable HTML, event
handlers, javascript: and data: targets, external links that are not https.

The rules live in src/bilingual_site/content_policy.py. Sources are checked once, with their
lines; the rendered content of every page is checked again, which covers what reference data adds.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from bilingual_site import build_context
from bilingual_site.content_policy import check_markdown, check_rendered_html
from bilingual_site.markdown_scan import fenced_code_enabled


def on_pre_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return  # checked once, in the first language's build
    fenced_blocks = fenced_code_enabled(config.markdown_extensions)
    findings = []
    for source in build_context.docs_sources(config):
        findings += check_markdown(source.text, source.shown, fenced_blocks)
    if findings:
        raise PluginError("\n".join(str(finding) for finding in findings))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    findings = check_rendered_html(html, f"docs/{page.file.src_uri}")
    if findings:
        raise PluginError("\n".join(str(finding) for finding in findings))
    return None
