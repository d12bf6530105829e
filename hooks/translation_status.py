"""Tell readers how fresh each page's translation is: original, current, outdated or untranslated.

The status comes from the translation tool's own code (bilingual_site.freshness),
so the build and `translations status` cannot disagree. Templates read
`context["translation"]`: the content wrapper in overrides/main.html carries
`data-translation-status`, partials/page-notices.html shows the outdated banner
or the "translated from" line, and every stale section's heading gets
`data-translation-outdated` here.

The heading marks are set in the page's Markdown tree, by a treeprocessor that runs right after the
toc extension has given every heading its id: the ids it matches are the ones the page renders
(`{: .x #step }`, `{#v1.2}`, auto-ids alike), and no rendered HTML is read back or rewritten.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from jinja2 import Environment
from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual_site import build_context, build_status
from bilingual_site.errors import InputError
from bilingual_site.freshness import PageStatus
from bilingual_site.translation_status import OUTDATED, UNTRANSLATED, built_page_status

# This language's build: page URL -> what templates read as `translation`.
_contexts: dict[str, dict] = {}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class OutdatedHeadingMarks(Treeprocessor):
    """Marks the first heading with each stale section's id. ``labels`` (id -> label) is the page
    being rendered's, set by on_page_markdown just before MkDocs renders it, emptied after."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: dict[str, str] = {}

    def run(self, root: etree.Element) -> None:
        unmarked = dict(self.labels)
        for element in root.iter():
            if unmarked and element.tag in _HEADINGS and element.get("id") in unmarked:
                # The heading carries the attribute; CSS shows its value (a label, not a search term).
                element.set("data-translation-outdated", unmarked.pop(element.get("id")))


class OutdatedHeadingMarksExtension(Extension):
    def __init__(self) -> None:
        super().__init__()
        self.marks = OutdatedHeadingMarks()

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(self.marks, "translation_outdated", 4)  # toc, which sets the ids, is at 5


def heading_marks(config: MkDocsConfig) -> OutdatedHeadingMarks:
    """The marks of this configuration's Markdown (on_config added the extension to it)."""
    for extension in config.markdown_extensions:
        if isinstance(extension, OutdatedHeadingMarksExtension):
            return extension.marks
    raise PluginError("hooks/translation_status.py: the outdated heading marks were not set up by on_config")


def on_config(config: MkDocsConfig) -> None:
    lock_dir = str(build_context.project_root(config) / "translations")
    if lock_dir not in config.watch:
        config.watch.append(lock_dir)
    if not any(isinstance(extension, OutdatedHeadingMarksExtension) for extension in config.markdown_extensions):
        config.markdown_extensions.append(OutdatedHeadingMarksExtension())


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


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    status = status_of(page, config)
    labels: dict[str, str] = {}
    if status.status == OUTDATED:
        label = build_context.ui_strings(config, status.language)["outdated_heading_mark"]
        labels = {section_id: label for section_id in status.stale_ids}
    heading_marks(config).labels = labels
    return None


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    heading_marks(config).labels = {}  # this page's marks are set: no other rendering gets them
    return None


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
    # The page's own headings, from the toc extension's tokens of its rendering (MkDocs' page.toc).
    own_titles = {anchor.id: html.unescape(anchor.title) for anchor in _anchors(page.toc)}
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


def _anchors(toc) -> list:
    """Every entry of a page's table of contents, nested ones included."""
    found = []
    for anchor in toc:
        found.append(anchor)
        found += _anchors(anchor.children)
    return found
