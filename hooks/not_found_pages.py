"""A 404 page per language: /404.html in French, /en/404.html in English.

MkDocs writes `404.html` at the site root in every language build, so the last
language would win. A non-default build writes its page into its own folder and
hands MkDocs the default language's page, kept from the first build, to rewrite
at the root.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_site import build_context

NOT_FOUND = "404.html"
_default_page: str | None = None


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name != NOT_FOUND:
        return context
    languages = build_context.languages(config)
    root = build_context.site_path(config.site_url)
    homes = {code: root + build_context.language_prefix(code, languages.default) for code in languages.all}
    names = {code: build_context.language_config(config, code).name for code in languages.all}
    # A missing page has no twin: the switcher and alternates lead to each language's home.
    build_context.set_alternates(
        config,
        [
            {"name": names[code], "link": build_context.absolute_url(config.site_url, homes[code]), "lang": code}
            for code in languages.all
        ],
    )
    context["language_switcher"] = [
        {"name": names[code], "lang": code, "href": homes[code], "current": code == languages.current}
        for code in languages.all
    ]
    context["ui"] = config.extra["ui"]
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    global _default_page
    if template_name != NOT_FOUND:
        return output
    languages = build_context.languages(config)
    if languages.current == languages.default:
        _default_page = output
        return output
    # The 404 page is served from any path, so its links are absolute from the site root; only
    # the search base must point at the language's folder, to load that language's index.
    root = build_context.site_path(config.site_url)
    prefix = build_context.language_prefix(languages.current, languages.default)
    old = f'"base": {json.dumps(root)}'
    new = f'"base": {json.dumps(root + prefix)}'
    if old not in output:
        raise PluginError(f"{NOT_FOUND}: could not find {old} in Material's __config block to point search at {new}")
    target = Path(config.site_dir) / prefix / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output.replace(old, new, 1), encoding="utf-8")
    # A one-language preview (BUILD_ONLY_LOCALE) has no default page to put back.
    return _default_page if _default_page is not None else output
