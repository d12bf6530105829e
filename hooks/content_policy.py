"""Stop the build on page content the site's policy forbids: raw script-capable HTML, event
handlers, javascript: and data: targets, external links that are not https.

The rules live in src/bilingual_site/content_policy.py. Sources are checked once, with their
lines; the rendered content of every page is checked again, which covers what reference data adds.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from bilingual_site import build_context
from bilingual_site.content_policy import check_markdown, check_rendered_tags
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


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Every page's content is rendered and no page is written yet: all are checked in one pass,
    # which takes half the time of a check per page between the renderings of pages.
    findings = []
    for page in build_context.rendered_pages(files):
        findings += check_rendered_tags(build_context.rendered_start_tags(config, page), f"docs/{page.file.src_uri}")
    if findings:
        raise PluginError("\n".join(str(finding) for finding in findings))
    return env
