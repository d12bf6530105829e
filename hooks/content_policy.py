"""Stop the build on page content the site's policy forbids: raw script-capable HTML, event
handlers, javascript: and data: targets, external links that are not https.

The rules live in src/bilingual_site/content_policy.py. Sources are checked here once, with their
lines; hooks/rendered_page_checks.py checks every rendered page again, which covers what
reference data adds.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_site import build_context
from bilingual_site.content_policy import check_markdown
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

