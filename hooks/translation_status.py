"""Tell readers how fresh each page's translation is: original, current, outdated or untranslated.

The status comes from the translation tool's own code (bilingual_site.freshness),
so the build and `translations status` cannot disagree. Templates read
`context["translation"]`: the content wrapper in overrides/main.html carries
`data-translation-status`, partials/page-notices.html shows the outdated banner
or the "translated from" line, and every stale section's heading gets
`data-translation-outdated` here.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual_site import build_context, build_status
from bilingual_site.errors import InputError
from bilingual_site.freshness import PageStatus
from bilingual_site.sections import headings, parse_page
from bilingual_site.translation_status import OUTDATED, UNTRANSLATED, built_page_status


_HEADING_WITH_ID = re.compile(r'<(h[1-6]) id="([^"]*)"')
# This language's build: page URL -> what templates read as `translation`.
_contexts: dict[str, dict] = {}


def on_config(config: MkDocsConfig) -> None:
    lock_dir = str(build_context.project_root(config) / "translations")
    if lock_dir not in config.watch:
        config.watch.append(lock_dir)


def on_pre_build(config: MkDocsConfig) -> None:
    build_status.start(config)


def page_path(page: Page) -> str:
    """The page's path inside its language folder: 'en/note.md' -> 'note.md'."""
    return page.file.src_uri.split("/", 1)[1]


def status_of(page: Page, config: MkDocsConfig) -> PageStatus:
    languages = build_context.languages(config)
    try:
        return built_page_status(build_status.tracker(), page_path(page), languages.current, build_context.source_locale(page))
    except InputError as error:
        raise PluginError(str(error)) from error


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    status = status_of(page, config)
    if status.status != OUTDATED:
        return None
    label = build_context.ui_strings(config, status.language)["outdated_heading_mark"]
    unmarked = set(status.stale_ids)

    def marked(heading: re.Match) -> str:
        if heading.group(2) not in unmarked:
            return heading.group(0)
        unmarked.discard(heading.group(2))  # the first heading with that id, as the section's
        # The heading carries the attribute; CSS shows its value (a label, not a search term).
        return f'{heading.group(0)} data-translation-outdated="{label}"'

    return _HEADING_WITH_ID.sub(marked, html)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Every page is read by now: what each shows of its status is worked out in one pass, which
    # takes half the time of the same work page by page between renderings.
    _contexts.clear()
    for page in build_context.built_pages(files):
        _contexts[page.url] = translation_context(page, config)
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    translation = _contexts[page.url]
    if translation["new_file_url"]:
        page.edit_url = translation["new_file_url"]  # the edit button leads there too
    context["translation"] = translation
    return context


def translation_context(page: Page, config: MkDocsConfig) -> dict:
    languages = build_context.languages(config)
    status = status_of(page, config)
    original_url = build_context.language_prefix(languages.default, languages.default) + page.url.removeprefix(
        build_context.language_prefix(languages.current, languages.default)
    )
    translation = {
        "status": status.status,
        "content_language": build_context.source_locale(page),
        "page_language": languages.current,
        "original_language": languages.default,
        "original_href": get_relative_url(original_url, page.url),
        "recorded": status.recorded,
        "changes": changes_for_readers(status, page, original_url),
        "new_file_url": None,
    }
    if status.status == UNTRANSLATED and config.repo_url:
        # Where a contributor creates the missing translation on GitHub.
        translation["new_file_url"] = f"{config.repo_url.rstrip('/')}/new/main/docs/{languages.current}?filename={page_path(page)}"
    return translation


def changes_for_readers(status: PageStatus, page: Page, original_url: str) -> list[dict]:
    """Each stale section with the title the reader sees and a link to it in the original."""
    if not status.changes:
        return []
    own_titles = {heading.id: heading.title for heading in headings(parse_page(page.file.content_string)) if heading.id}
    return [
        {
            "id": change.id,
            "kind": change.kind,
            "title": own_titles.get(change.id) or change.title,
            "title_is_original": change.id not in own_titles,
            "href": get_relative_url(original_url, page.url) + (f"#{change.id}" if change.id and change.kind != "removed" else ""),
            "own_href": f"#{change.id}" if change.id in own_titles else None,
        }
        for change in status.changes
    ]
