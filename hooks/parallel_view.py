"""The parallel view: each translated page's original and translation side by side, section by section.

Every interface language gets one view per translated page (`parallel/<translation>/<page>`
under the interface language's folder, see src/bilingual_site/parallel_view.py). A view
is cut from the two pages' own rendered HTML, so it shows what the pages show (outdated
marks, reference data, admonition titles) without rendering any Markdown again.

Writing a view costs a parse of its two pages' HTML and a few string operations, not a page build:

1. Each language's build keeps the HTML of its translated pages (and of their originals)
   as MkDocs renders them.
2. MkDocs builds one view per folder depth and interface language as a *page shell*:
   Material's page (header, navigation drawer, language switcher, footer, the
   Content-Security-Policy) with placeholders for the title, the canonical URL, the view's
   path and the body (overrides/parallel.html). Views are in no navigation and every link
   of that page is relative, so views at the same depth have the same page around their
   body: a site with folders of views renders a handful of pages, not one per view.
3. Once every language is built, each view is its shell filled with its own values and its
   body (overrides/partials/parallel-view.html), written over the shell's file.

Every translated page (and its original) links to its view (`parallel_links`,
overrides/partials/parallel-link.html). A view is left out of the navigation, the search
index (its shell's page meta), hreflang and sitemaps; its canonical URL is the translated
page. A one-language preview (BUILD_ONLY_LOCALE) has no views: half of each is not built.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual_site import build_context
from bilingual_site.language_links import neutral_path
from bilingual_site.parallel_view import BODY, CANONICAL, FOLDER, META_KEY, TITLE, VIEW_PATH, PageHtml, PageShell, align, build_pairs, is_view, view_path

BODY_TEMPLATE = "partials/parallel-view.html"


@dataclass(frozen=True)
class View:
    """One view, as its interface language's build sees it; written once every language is built."""

    interface: str
    translation: str
    page: str  # the page's path in its language folder: 'note.md'
    url: str  # site-relative: 'parallel/en/note.html'
    neutral_url: str  # the same under any language's folder: 'parallel/en/note.html', also for 'en/parallel/en/note.html'
    dest_uri: str  # its file under site_dir
    canonical_url: str
    sides: dict  # role -> {language, name, href (the page, from the view)}

    @property
    def depth(self) -> int:
        return self.url.count("/")


# Kept for a whole run (every language's build), emptied when its first build starts.
_views: list[View] = []
_pages: dict[tuple[str, str], PageHtml] = {}  # (language, page) -> that page's rendered HTML
_shells: dict[tuple[str, int], PageShell] = {}  # (interface, folder depth) -> the page shell of views that deep
_bodies: dict[str, tuple[Environment, dict]] = {}  # interface -> its Jinja environment and extra.ui
# This language's build:
_links: dict[tuple[str, str], str] = {}  # (translation, page) -> its view's URL in this interface
_wanted: set[str] = set()  # pages of this build's language that a view shows
_dirty = False  # `mkdocs serve --dirty`: a rebuild renders only the pages that changed


def on_startup(command: str, dirty: bool) -> None:
    global _dirty
    _dirty = dirty


def on_pre_build(config: MkDocsConfig) -> None:
    if build_context.all_languages_built(config):  # the run's first build (i18n builds the others inside it)
        _views.clear()
        _bodies.clear()
        if not _dirty:
            # A `--dirty` rebuild renders only the pages that changed (and the shells, generated files
            # always are): the other pages' HTML from the builds before still holds.
            _pages.clear()
            _shells.clear()


def translated_pages(config: MkDocsConfig, language: str) -> list[str]:
    """Pages with both an original and a file of their own in ``language`` ('note.md'), from the sources read this run."""
    pages = build_context.docs_pages(config)
    return sorted(pages.get(language, frozenset()) & pages.get(build_context.languages(config).default, frozenset()))


def view_translations(languages) -> list[str]:
    """The translations this interface has views of: both languages of a view must be built."""
    if languages.default not in languages.all:
        return []
    return [language for language in languages.others if language in languages.all]


@event_priority(-110)  # after the i18n plugin has made this language's file list (-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    languages = build_context.languages(config)
    interface = languages.current
    prefix = build_context.language_prefix(interface, languages.default)
    _links.clear()
    _wanted.clear()
    translated = {language: translated_pages(config, language) for language in view_translations(languages)}
    for language, pages in translated.items():
        if interface in (language, languages.default):
            _wanted.update(pages)
    # Views share a page shell because nothing else lives in their folder: a page there would
    # change the links of the shell's navigation from one view to the next.
    taken = [file.src_uri for file in files if file.src_uri.startswith(f"{interface}/{FOLDER}/")]
    if taken:
        raise PluginError(f"docs/{taken[0]}: the {FOLDER}/ folder is where the parallel views are generated")
    shells_made: set[int] = set()
    for translation, pages in translated.items():
        for page in pages:
            src_uri = prefix + view_path(page, translation)
            view_file = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            view = make_view(config, files, interface, translation, page, view_file)
            _views.append(view)
            _links[(translation, page)] = view.url
            if view.depth not in shells_made:
                shells_made.add(view.depth)
                add_shell(files, view_file, interface, view.depth, view_path(page, translation))
    return files


def add_shell(files: Files, view_file: File, interface: str, depth: int, neutral_src_uri: str) -> None:
    """The page shell of views this deep is built as the first one's page (and written over at the end)."""
    # What the i18n plugin gives each of its files: the shell belongs to the interface language.
    view_file.locale = view_file.locale_alternate_of = interface
    view_file.localization = None
    view_file.norm_src_uri = neutral_src_uri
    view_file.alternates = {interface: view_file}
    view_file.parallel_shell = {"interface": interface, "depth": depth}
    files.append(view_file)


def make_view(config: MkDocsConfig, files: Files, interface: str, translation: str, page: str, view_file: File) -> View:
    languages = build_context.languages(config)
    original = languages.default

    # Where the page built from docs/<language>/<page> is: its URL in this build, moved to each language.
    found = files.src_uris.get(f"{interface}/{page}")  # the page's own file: a view's pages are both built
    neutral = page[: -len(".md")] + ".html" if page.endswith(".md") else page
    if found is not None:
        try:
            neutral = neutral_path(found.url, interface, languages.default)
        except ValueError:
            pass
    urls = {language: build_context.language_prefix(language, languages.default) + neutral for language in (original, translation)}
    return View(
        interface=interface,
        translation=translation,
        page=page,
        url=view_file.url,
        neutral_url=neutral_path(view_file.url, interface, languages.default),
        dest_uri=view_file.dest_uri,
        # The view repeats the translated page: that page is canonical.
        canonical_url=build_context.absolute_url(config.site_url, urls[translation]),
        sides={
            role: {
                "language": language,
                "name": language_name(config, language),
                "href": get_relative_url(urls[language], view_file.url),
            }
            for language, role in ((original, "original"), (translation, "translation"))
        },
    )


@event_priority(100)  # before any other hook reads the page's meta
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    shell = getattr(page.file, "parallel_shell", None)
    if shell is not None:
        page.meta = {
            "title": TITLE,
            "template": "parallel.html",
            # Material's search plugin skips the page; the view repeats text the pages already index.
            "search": {"exclude": True},
            "hide": ["navigation", "toc"],
            META_KEY: shell,
        }
    return None


def view_title(view: View, original: str, ui: dict) -> str:
    """'Note, side by side': the page's front matter title in the interface's language when it is one
    of the view's two, else in the original's (as the translation status report names pages)."""
    shown = view.interface if view.interface in (view.translation, original) else original
    title = _pages[(shown, view.page)].title or _pages[(original, view.page)].title or view.page
    return ui["parallel_title"].replace("{title}", str(title))


def page_path(page: Page) -> str:
    """The page's path inside its language folder: 'en/note.md' -> 'note.md'."""
    return page.file.src_uri.split("/", 1)[1]


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # The views' bodies are rendered after the last build: keep this interface's templates and words.
    _bodies[build_context.languages(config).current] = (env, copy.deepcopy(config.extra["ui"]))
    return env


@event_priority(-5)  # after hooks/language_links.py, before hooks/sitemaps.py and hooks/social_meta.py
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if is_view(page.meta):
        return shell_context(context, page, config)
    languages = build_context.languages(config)
    if build_context.source_locale(page) != languages.current:
        return context  # a fallback copy has no translation to read beside it
    name = page_path(page)
    if name in _wanted:
        _pages[(languages.current, name)] = PageHtml(languages.current, page.url, page.content, page.meta.get("title"))
    translations = [languages.current] if languages.current != languages.default else languages.others
    ui = config.extra["ui"]
    links = []
    for translation in translations:
        view_url = _links.get((translation, name))
        if view_url is None:
            continue
        text = ui["parallel_link"]
        if len(translations) > 1:
            text += f" ({language_name(config, translation)})"
        links.append({"href": get_relative_url(view_url, page.url), "text": text, "translation": translation})
    context["parallel_links"] = links
    return context


def language_name(config: MkDocsConfig, language: str) -> str:
    """A language's name in the interface's words (extra.ui language_names), else in its own."""
    names = config.extra["ui"].get("language_names") or {}
    return names.get(language) or build_context.language_config(config, language).name


def shell_context(context: dict, page: Page, config: MkDocsConfig) -> dict:
    languages = build_context.languages(config)
    page.edit_url = None
    page.canonical_url = CANONICAL
    build_context.set_alternates(config, SwitcherOnly())
    to_root = "../" * page.url.count("/")

    def same_view_in(code: str) -> str:
        return to_root + build_context.language_prefix(code, languages.default) + VIEW_PATH

    context["language_switcher"] = [
        {"name": build_context.language_config(config, code).name, "lang": code, "href": same_view_in(code), "current": code == languages.current}
        for code in languages.all
    ]
    context["parallel"] = {"body": BODY}
    return context


class SwitcherOnly(list):
    """No hreflang alternate, but a language switcher: Material writes `<link hreflang>` for each
    item of `extra.alternate` and shows the switcher (partials/alternate.html, fed from
    `language_switcher`) when it is true. An empty list that is true gives the one without the other."""

    def __bool__(self) -> bool:
        return True


@event_priority(-300)  # after hooks/security_headers.py (-200): the shell carries the page's policy
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if is_view(page.meta):
        shell = page.meta[META_KEY]
        try:
            _shells[(shell["interface"], shell["depth"])] = PageShell.parse(output)
        except ValueError as error:
            raise PluginError(f"{page.file.dest_uri} (a parallel views' page shell, overrides/parallel.html): {error}") from error
    return output


@event_priority(-300)  # after every language is built and hooks/security_headers.py has looked for pages without a policy
def on_post_build(config: MkDocsConfig) -> None:
    if not build_context.all_languages_built(config):
        return
    site = Path(config.site_dir)
    original = build_context.languages(config).default
    templates = {interface: (env.get_template(BODY_TEMPLATE), ui) for interface, (env, ui) in _bodies.items()}
    by_pair: dict[tuple[str, str], list[View]] = {}
    for view in _views:
        by_pair.setdefault((view.translation, view.page), []).append(view)

    folders: set[Path] = set()
    # Every interface's views of one page pair are written one after the other, from one alignment
    # that is dropped right after: writing a view rewrites the links in the alignment's trees.
    for (translation, page), views in by_pair.items():
        sides = [_pages.get((original, page)), _pages.get((translation, page))]
        alignment = align(*sides) if None not in sides else None
        for view in views:
            shell = _shells.get((view.interface, view.depth))
            if alignment is None or shell is None:
                raise PluginError(f"{view.dest_uri}: the parallel view's pages or page shell were not rendered in this build")
            template, ui = templates[view.interface]
            body = template.render(view=view, pairs=build_pairs(alignment, view.url), ui=ui)
            path = site / view.dest_uri
            if path.parent not in folders:  # MkDocs made only the folders of the shells it wrote
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            path.write_bytes(shell.fill(view_title(view, original, ui), view.canonical_url, view.neutral_url, body))
