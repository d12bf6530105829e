"""The parallel view: each translated page's original and translation side by side, section by section.

Every language's build generates, in memory, one view per translated page and
translation language (`parallel/<translation>/<page>` under the interface
language's folder, see src/bilingual_site/parallel_view.py), laid out by
overrides/parallel.html. Sections and their freshness come from the translation
tool's own code, so a stale section is marked here as on the page itself. Every
translated page (and its original) gets a link to its view (`parallel_links`,
overrides/partials/parallel-link.html). A view is left out of the navigation,
the search index (its page meta), hreflang and sitemaps; its canonical URL is the
translated page.
"""

from __future__ import annotations

import posixpath
import re

import markdown
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual_site import build_context, build_status
from bilingual_site.errors import InputError
from bilingual_site.language_links import neutral_path
from bilingual_site.parallel_view import META_KEY, LinkContext, build_pairs, definitions, element_ids, is_view, mark_outdated, rewrite_fragment, view_path
from bilingual_site.reference_data import ReferenceData, load_reference_data, render
from bilingual_site.sections import front_matter, parse_page, sections
from bilingual_site.status_report import page_title
from bilingual_site.translation_project import Project

_data: ReferenceData | None = None
_files: Files | None = None
_views: dict[tuple[str, str], File] = {}  # (translation language, page) -> this build's view
_view_meta: dict[str, dict] = {}  # a view's src_uri -> its page meta (set by on_page_markdown)
# Kept for a whole run (every language's build) and emptied when its first build starts:
_engines: dict[tuple, markdown.Markdown] = {}  # (language, extensions, their options) -> a Markdown engine
_rendered: dict[tuple[int, str], str] = {}  # (engine, Markdown) -> HTML; both interfaces' views render the same sections
_navigation: dict[tuple[str, str], str] = {}  # (interface, view folder) -> Material's sidebars, see site_nav()
_sources: dict[tuple[str, str], str] = {}  # (language, page) -> page_source()
ADMONITION = re.compile(r"^(?P<head>[ \t]*!!! ?(?P<type>[\w-]+))[ \t]*$")


def on_pre_build(config: MkDocsConfig) -> None:
    global _data
    if build_context.all_languages_built(config):  # the run's first build (i18n builds the others inside it)
        _engines.clear()
        _rendered.clear()
        _navigation.clear()
        _sources.clear()
    root = build_context.project_root(config)
    languages = build_context.languages(config)
    try:
        # Checked against every declared language, as hooks/reference_pages.py does, also in a one-language preview.
        _data = load_reference_data(root / "data", build_context.declared_languages(config), languages.default)
    except InputError as error:
        raise PluginError(str(error)) from error


def project() -> Project:
    return build_status.tracker().project


def translated_pages(language: str) -> list[str]:
    """Pages with both an original and a file of their own in ``language``."""
    originals = set(project().pages(project().default_language))
    return [page for page in project().pages(language) if page in originals]


@event_priority(-110)  # after the i18n plugin has made this language's file list (-100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _files
    languages = build_context.languages(config)
    prefix = build_context.language_prefix(languages.current, languages.default)
    _views.clear()
    _view_meta.clear()
    for translation in languages.others:
        for page in translated_pages(translation):
            src_uri = prefix + view_path(page, translation)
            if src_uri in files.src_uris:
                raise PluginError(f"docs: {src_uri} is where the parallel view of {translation}/{page} is generated")
            meta = {
                "title": view_title(config, languages.current, translation, page),
                "template": "parallel.html",
                # Material's search plugin skips the page; the view repeats text the pages already index.
                "search": {"exclude": True},
                "hide": ["navigation", "toc"],
                META_KEY: {"page": page, "translation": translation},
            }
            # No front matter to write and parse again for each view: on_page_markdown gives the meta.
            view = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            _view_meta[src_uri] = meta
            # What the i18n plugin gives each of its files: the view belongs to the interface language.
            view.locale = view.locale_alternate_of = languages.current
            view.localization = None
            view.norm_src_uri = view_path(page, translation)
            view.alternates = {languages.current: view}
            files.append(view)
            _views[(translation, page)] = view
    _files = files
    return files


@event_priority(100)  # before any other hook reads the page's meta
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    meta = _view_meta.get(page.file.src_uri)
    if meta is not None:
        page.meta = dict(meta)
    return None


def view_title(config: MkDocsConfig, interface: str, translation: str, page: str) -> str:
    shown = interface if interface in (translation, project().default_language) else project().default_language
    ui = build_context.ui_strings(config, interface)
    return ui["parallel_title"].replace("{title}", page_title(project(), shown, page))


def page_path(page: Page) -> str:
    """The page's path inside its language folder: 'en/note.md' -> 'note.md'."""
    return page.file.src_uri.split("/", 1)[1]


@event_priority(-5)  # after hooks/language_links.py, before hooks/sitemaps.py and hooks/social_meta.py
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if is_view(page.meta):
        return view_context(context, page, config)
    languages = build_context.languages(config)
    source = build_context.source_locale(page)
    if source != languages.current:
        return context  # a fallback copy has no translation to read beside it
    translations = [languages.current] if languages.current != languages.default else languages.others
    ui = config.extra["ui"]
    links = []
    for translation in translations:
        view = _views.get((translation, page_path(page)))
        if view is None:
            continue
        text = ui["parallel_link"]
        if len(translations) > 1:
            text += f" ({language_name(config, translation)})"
        links.append({"href": get_relative_url(view.url, page.url), "text": text, "translation": translation})
    context["parallel_links"] = links
    return context


def language_name(config: MkDocsConfig, language: str) -> str:
    """A language's name in the interface's words (extra.ui language_names), else in its own."""
    names = config.extra["ui"].get("language_names") or {}
    return names.get(language) or build_context.i18n_plugin(config).get_language_config(language).name


def view_context(context: dict, page: Page, config: MkDocsConfig) -> dict:
    languages = build_context.languages(config)
    spec = page.meta[META_KEY]
    name, translation, original = spec["page"], spec["translation"], languages.default
    texts = {language: page_source(config, language, name) for language in (original, translation)}
    # The statuses hooks/translation_status.py read for this build: the page and its view agree.
    status = build_status.tracker().page_status(translation, name)
    pairs = build_pairs(
        sections(parse_page(texts[original])),
        sections(parse_page(texts[translation])),
        renderer(config, texts),
        status,
        original,
        translation,
    )

    def language_url(language: str, path: str) -> str:
        """Where the page built from docs/<language>/<path> is: its URL in this build, moved to that language."""
        found = _files.get_file_from_path(path)
        neutral = path[: -len(".md")] + ".html" if path.endswith(".md") else path
        if found is not None:
            try:
                neutral = neutral_path(found.url, languages.current, languages.default)
            except ValueError:
                pass
        return build_context.language_prefix(language, languages.default) + neutral

    for language, role in ((original, "original"), (translation, "translation")):
        sides = [getattr(pair, role) for pair in pairs]
        ids = set().union(*(element_ids(block) for side in sides for block in side.blocks))
        links = LinkContext(language, language_url(language, name), page.url, frozenset(ids), lambda path, lang=language: language_url(lang, path))
        label = build_context.ui_strings(config, language)["outdated_heading_mark"]
        for pair, side in zip(pairs, sides):
            side.blocks = [rewrite_fragment(block, links, name) for block in side.blocks]
            if side.outdated and pair.id and side.blocks:
                side.blocks[0] = mark_outdated(side.blocks[0], links.prefixed(pair.id), label)

    page.edit_url = None
    # The view repeats the translated page: that page is canonical, and the view pairs with no other URL.
    page.canonical_url = build_context.absolute_url(config.site_url, language_url(translation, name))
    build_context.set_alternates(config, SwitcherOnly())
    neutral_view = neutral_path(page.url, languages.current, languages.default)
    plugin = build_context.i18n_plugin(config)
    context["language_switcher"] = [
        {
            "name": plugin.get_language_config(code).name,
            "lang": code,
            "href": get_relative_url(build_context.language_prefix(code, languages.default) + neutral_view, page.url),
            "current": code == languages.current,
        }
        for code in languages.all
    ]
    context["parallel"] = {
        "interface": languages.current,
        "pairs": pairs,
        "sides": {
            role: {
                "language": language,
                "name": language_name(config, language),
                "href": get_relative_url(language_url(language, name), page.url),
            }
            for language, role in ((original, "original"), (translation, "translation"))
        },
        "outdated": status.status == "outdated",
        "site_nav": site_nav(languages.current, page),
    }
    return context


def site_nav(interface: str, page: Page):
    """``site_nav(super)`` for overrides/parallel.html: Material's sidebars, rendered once per view folder.

    Material renders the whole navigation into every page (the drawer on small screens, hidden by
    `hide: [navigation]` on wide ones), so it costs as much as the pages are many, on every page.
    A view is in no navigation: no item is active, its table of contents is empty and its links
    are relative to its folder, so every view of a folder gets the same sidebars, rendered once.
    """

    def render(parent_block) -> Markup:
        if page.toc:  # a view with a table of contents of its own: not the same as its neighbours'
            return parent_block()
        key = (interface, posixpath.dirname(page.url))
        if key not in _navigation:
            _navigation[key] = str(parent_block())
        return Markup(_navigation[key])

    return render


class SwitcherOnly(list):
    """No hreflang alternate, but a language switcher: Material writes `<link hreflang>` for each
    item of `extra.alternate` and shows the switcher (partials/alternate.html, fed from
    `language_switcher`) when it is true. An empty list that is true gives the one without the other."""

    def __bool__(self) -> bool:
        return True


def page_source(config: MkDocsConfig, language: str, page: str) -> str:
    """The page's Markdown in ``language``, with the reference data hooks/reference_pages.py appends
    (read once a run: both interface languages' views read the same pages)."""
    if (language, page) not in _sources:
        _sources[(language, page)] = read_page_source(config, language, page)
    return _sources[(language, page)]


def read_page_source(config: MkDocsConfig, language: str, page: str) -> str:
    text = project().read(project().page_path(language, page))
    kind = front_matter(text).get("reference_data")
    if kind:
        languages = build_context.languages(config)
        ui = build_context.ui_strings(config, language)
        text = text.rstrip() + "\n\n" + render(kind, _data, language, languages.default, ui, languages.all)
    return text


def renderer(config: MkDocsConfig, texts: dict[str, str]):
    """``render(language, markdown)`` with the site's Markdown extensions, heading permalinks
    titled and untitled admonitions named in that language, and the page's definitions.

    One engine per language and configuration serves the whole run, and a section already
    rendered (the other interface language's view of the same page) is not rendered again."""
    plugin = build_context.i18n_plugin(config)
    languages = {}
    for language, text in texts.items():
        language_config = plugin.get_language_config(language)
        configs = {name: dict(options) for name, options in config.mdx_configs.items()}
        configs.setdefault("toc", {})["permalink_title"] = language_config["extra"]["ui"]["permalink_title"]
        engine_key = (language, repr(config.markdown_extensions), repr(configs))
        if engine_key not in _engines:
            _engines[engine_key] = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=configs)
        languages[language] = (
            _engines[engine_key],
            definitions(text),
            {key.lower(): value for key, value in (language_config.admonition_translations or {}).items()},
        )

    def render_markdown(language: str, source: str) -> str:
        engine, shared, admonitions = languages[language]
        lines = []
        for line in source.split("\n"):
            match = ADMONITION.match(line)
            if match and match["type"].lower() in admonitions:
                line = f'{match["head"]} "{admonitions[match["type"].lower()]}"'
            lines.append(line)
        text = "\n".join(lines) + "\n\n" + shared
        key = (id(engine), text)  # engines live as long as the cache: an id names one configuration
        if key not in _rendered:
            engine.reset()
            _rendered[key] = engine.convert(text)
        return _rendered[key]

    return render_markdown
