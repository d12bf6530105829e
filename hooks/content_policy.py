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
from bilingual_site.content_policy import check_page


def on_pre_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return  # checked once, in the first language's build
    findings = []
    for source, page in build_context.docs_models(config):
        findings += check_page(page, source.shown)
    if findings:
        raise PluginError("\n".join(str(finding) for finding in findings))

