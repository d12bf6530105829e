"""The site's MkDocs plugin: everything the build adds to Material and static-i18n, in the order of the work.

How a run goes (ARCHITECTURE.md, "The run model"): `mkdocs build` loads one configuration; the
i18n plugin builds the default language on it, then, from its own `on_post_build` (priority
-100), builds every other language on the same configuration, each a full MkDocs build that
fires every event again. So this plugin's events fire once per language, and:

- `self.run` holds what is read or worked out once a run (sources, reference data, the
  translation status, the stylesheet bundle, the pages the parallel views show), made afresh in
  the first language's `on_config`;
- `self.build` holds what one language's build works out (each page's links and status);
- the work that needs every language (sitemaps, search indexes, views, final checks) is done in
  `on_post_build` at priority -110, after the i18n plugin has built the others.

The methods below are in the order MkDocs calls them. Each one's steps are small functions of
the package's other modules, which do not import MkDocs.
"""

from __future__ import annotations

import copy
import html
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from jinja2 import Environment, TemplateError, pass_context
from markupsafe import Markup
from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from bilingual_site.mkdocs import build_context
from bilingual_site.markdown.page_marks import (
    ClaimQuote, PageClaims, PageMarksExtension, claim_mark_problems, missing_quote,
)
from bilingual_site.mkdocs.build_context import Languages
from bilingual_site.checks.content_policy import check_page
from bilingual_site.checks.docs_files import SourceFile, check_language_folders, check_published_files, source_files
from bilingual_site.errors import InputError
from bilingual_site.translation.freshness import PageStatus, ProjectStatus
from bilingual_site.checks.heading_ids import duplicate_heading_ids
from bilingual_site.translation.language_entries import entry_problems, languages_list, nav_label_problems, og_locale
from bilingual_site.site.language_links import neutral_path, page_language_links
from bilingual_site.site.locale_data import language_name as cldr_language_name
from bilingual_site.site.locale_data import long_date
from bilingual_site.markdown.model import MarkdownPage, PageModelExtension, read_markdown
from bilingual_site.translation.glossary import glossary_terms
from bilingual_site.translation.original_pin import Original, check_original_pin
from bilingual_site.checks.page_sources import page_source_problems
from bilingual_site.parallel.views import BODY, CANONICAL, FOLDER, META_KEY, TITLE, VIEW_PATH, PageHtml, PageShell, align, build_pairs, is_view, view_path
from bilingual_site.site.reference_data import ReferenceData, load_reference_data, prepare_environment, render, template_name
from bilingual_site.site.reference_schema import SCHEMAS
from bilingual_site.checks.heading_ids import duplicate_ids_in_html
from bilingual_site.checks.published_html import CheckedElements, SitePolicy, TemplateScripts, check_document, published_markup
from bilingual_site.site.sitemaps import render_robots_txt
from bilingual_site.site.security_headers import CHARSET_META, headers_file, with_csp_meta
from bilingual_site.site.search_index import add_folded_field, lunr_language, split_by_language
from bilingual_site.site.sitemaps import SitemapEntry, sitemap_files
from bilingual_site.site.social_meta import social_meta
from bilingual_site.site.title_languages import ForeignTitle, TitleSources, foreign_title, title_text, titles_in_their_language
from bilingual_site.translation.report import status_report
from bilingual_site.site.stylesheet_bundle import Bundle, Stylesheet, bundle, extra_stylesheet, theme_stylesheets
from bilingual_site.mkdocs.template_cache import MemoryBytecodeCache
from bilingual_site.mkdocs.theme_scripts import blank_page_scripts, csp_content, file_language, page_depths, site_url, union
from bilingual_site.translation.project import project_of
from bilingual_site.translation.review import ProjectPages, build_findings, glossary_findings, typography_findings
from bilingual_site.translation.freshness import OUTDATED, UNTRANSLATED, built_page_status

NOT_FOUND = "404.html"
SEARCH_INDEX = "search/search_index.json"
# Material renders its search dialog without an accessible name (axe: aria-dialog-name), in a
# partial that cannot be extended: the label is added to the rendered page.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
HEADERS_FILE = "_headers"  # security headers for hosts that read one (Netlify, Cloudflare Pages)
# What a browser parses as HTML among the files a static host serves, by their extension: every one
# published is held against the allowlist of published_html.
PUBLISHED_HTML_SUFFIXES = (".html", ".htm")
VIEW_BODY_TEMPLATE = "partials/parallel-view.html"
# The issue form a reader of the original note is offered in place of the edit button
# (.github/ISSUE_TEMPLATE/original-note.yml): the original is published as it was written.
ORIGINAL_NOTE_ISSUE_FORM = "original-note.yml"

# Glossary and typography findings: warnings a contributor sees in `serve` and `build`, which a
# strict build does not count. MkDocs counts every WARNING record that reaches the `mkdocs`
# logger's handlers (a counting handler added there in strict mode): this logger is outside that
# tree and writes through MkDocs' own console handler (UncountedWarnings), so the warnings look
# like MkDocs' own. It propagates as loggers do, so a test's log capture sees it.
REVIEW_LOG = logging.getLogger("bilingual_site.review")


@dataclass(frozen=True)
class View:
    """One parallel view, as its interface language's build sees it; written once every language is built."""

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


@dataclass
class Run:
    """What one run reads or works out once, for every language's build."""

    languages: build_context.FixedLanguages
    # The originals' language as mkdocs.yml declares it: the same as languages.default but in a
    # one-language preview of a translation (BUILD_ONLY_LOCALE), where the i18n plugin takes the
    # language it builds as its default and the originals are not built.
    original_language: str
    sources: list[SourceFile]
    pages_by_folder: dict[str, frozenset[str]]  # 'fr' -> {'note.md', ...}
    # Each page's Markdown model, taken from MkDocs' rendering of it (PageModelExtension), by source
    # path: the statuses, the source checks and the translation review read it, nothing parses again.
    models: dict[Path, MarkdownPage] = field(default_factory=dict)
    checked_sources: set[Path] = field(default_factory=set)  # pages whose model was checked (a fallback renders its original again)
    reference_data: ReferenceData | None = None
    reference_templates: Environment | None = None  # the theme's templates, set up for the reference pages
    original_note: Path | None = None  # the original note's file (docs/<default>/note.md), which is never edited
    original_note_sources: dict[str, bool] = field(default_factory=dict)  # a page's source path -> whether it is that file
    changed_original: str | None = None  # why the original differs from its pin; stops the build once pages are rendered
    translation: ProjectStatus | None = None
    stylesheet: Bundle | None = None
    fallback_pages: set[str] = field(default_factory=set)  # URLs of pages served from another language's file
    sitemap_entries: list[SitemapEntry] = field(default_factory=list)
    default_not_found_page: str | None = None  # the default language's 404 page, put back at the root
    # The scripts each language's templates write, learnt from a blank render before any page is
    # written (theme_scripts): the only ones the policy and the final check allow.
    template_scripts: dict[str, TemplateScripts] = field(default_factory=dict)
    pages_with_policy: set[str] = field(default_factory=set)  # files written through a page (normalised paths)
    page_sources: dict[str, str] = field(default_factory=dict)  # site path of each page -> its docs/ file
    # Parallel views (ARCHITECTURE.md): every interface's views, the pages they show, the page shell
    # of each (interface, folder depth), each interface's templates and words for the views' bodies.
    views: list[View] = field(default_factory=list)
    view_pages: dict[tuple[str, str], PageHtml] = field(default_factory=dict)  # (language, page) -> its rendered HTML
    view_shells: dict[tuple[str, int], PageShell] = field(default_factory=dict)
    view_templates: dict[str, tuple[Environment, dict]] = field(default_factory=dict)

    @cached_property
    def sources_by_path(self) -> dict[Path, SourceFile]:
        return {source.path: source for source in self.sources}


@dataclass
class LanguageBuild:
    """What one language's build works out before its pages are rendered; each page takes its own."""

    translation: dict[str, dict] = field(default_factory=dict)  # page URL -> what templates read as `translation`
    links: dict[str, tuple] = field(default_factory=dict)  # page URL -> (canonical URL, hreflang alternates, switcher)
    og_locales: dict[str, str] = field(default_factory=dict)  # language -> its og:locale
    view_links: dict[tuple[str, str], str] = field(default_factory=dict)  # (translation, page) -> its view's URL here
    view_pages: set[str] = field(default_factory=set)  # pages of this build's language that a view shows
    # Page URL -> its title where in another language than this build's (site/title_languages.py):
    # in navigation entries and footer links, and in its own header.
    entry_titles: dict[str, ForeignTitle] = field(default_factory=dict)
    header_titles: dict[str, ForeignTitle] = field(default_factory=dict)
    source_findings: list[str] = field(default_factory=list)  # what the rendered pages' models break (content policy, heading ids)


class BilingualSiteConfig(base.Config):
    # `parallel_views: false` under the plugin in mkdocs.yml builds no parallel views and no links
    # to them: the build benchmark measures the site without them (scripts/build_benchmark.py).
    parallel_views = config_options.Type(bool, default=True)


class UncountedWarnings(logging.Handler):
    """Writes a record through the console handlers of the `mkdocs` logger (what `mkdocs build` and
    `serve` print with), never through the logger itself, whose strict-mode counter would count it."""

    def emit(self, record: logging.LogRecord) -> None:
        mkdocs_logger = logging.getLogger("mkdocs")
        if not mkdocs_logger.isEnabledFor(record.levelno):
            return  # `--quiet`: MkDocs prints errors only
        for handler in mkdocs_logger.handlers:
            if isinstance(handler, logging.StreamHandler):  # the counter is a NullHandler
                handler.handle(record)


class BilingualSitePlugin(BasePlugin[BilingualSiteConfig]):
    def __init__(self) -> None:
        self.serving = False
        # The i18n plugin builds every language with a fresh Jinja environment: one bytecode cache
        # for all of them (and every `mkdocs serve` rebuild) compiles each template once.
        self.template_cache = MemoryBytecodeCache()
        # Marks in the page's Markdown tree as Python-Markdown renders it (page_marks.py): stale
        # sections' headings, each claim's verdict on the note.
        self.page_marks = PageMarksExtension()
        # The model of the page being rendered, from MkDocs' own Markdown instance (model.py).
        self.page_models = PageModelExtension()
        self.dirty = False
        self.run: Run | None = None
        self.build = LanguageBuild()
        self.site_dir: Path | None = None

    # --- Start of a run and of each language's build ------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        # Once a process: a second handler would print every warning twice.
        if not any(isinstance(handler, UncountedWarnings) for handler in REVIEW_LOG.handlers):
            REVIEW_LOG.addHandler(UncountedWarnings())

    @event_priority(-110)  # after the i18n plugin's on_config (-100) has switched to this language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        keep_strict_validation_working(config)
        if not build_context.i18n_plugin(config).building:
            # Every language's entry is checked before any language's strings are read.
            check_language_entries(config)
        if self.page_marks not in config.markdown_extensions:
            config.markdown_extensions.append(self.page_marks)
        if self.page_models not in config.markdown_extensions:
            config.markdown_extensions.append(self.page_models)  # last: it instruments every other extension's processors
        # markdown_extensions are not per language: the permalink title is set for each build.
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = config.extra["ui"]["permalink_title"]
        # Material scopes stored preferences (colour scheme) by base URL: one scope for the whole
        # site, since the base URL of non-default pages points at their language folder.
        config.extra["scope"] = build_context.site_path(config.site_url)
        if build_context.i18n_plugin(config).building:
            return config  # a later language of this run: the run was started in the first one
        self.site_dir = Path(config.site_dir)
        root = build_context.project_root(config)
        for folder in (root / "data", root / "translations"):
            if str(folder) not in config.watch:
                config.watch.append(str(folder))
        sources = source_files(Path(config.docs_dir))
        previous = self.run
        self.run = Run(
            languages=build_context.fixed_languages(config),
            original_language=build_context.declared_default_language(config),
            sources=sources,
            pages_by_folder=pages_by_folder(sources),
            stylesheet=joined_stylesheet(config),
        )
        if self.dirty and previous is not None:
            # A `--dirty` rebuild renders only the pages that changed (and the views' shells, generated
            # files always are): the other pages' HTML from the builds before still holds.
            self.run.view_pages, self.run.view_shells = previous.view_pages, previous.view_shells
        config.extra_css = []  # in the bundle now; Material would link each file again
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.build = LanguageBuild()
        if build_context.i18n_plugin(config).building:
            return  # sources, data and statuses were read and checked in the run's first build
        run = self.current_run()
        check_sources(config, run)
        run.original_note = original_note_path(config)
        try:
            run.reference_data = load_reference_data(
                build_context.project_root(config) / "data", build_context.declared_languages(config), run.languages.default
            )
            # Statuses are worked out when first asked, from the models the rendering has taken by
            # then (the originals are rendered first, in the default language's build).
            run.translation = ProjectStatus(project_of_config(config), run.pages_by_folder, run.models)
            run.translation.locks  # a bad record file stops the build before any page
        except InputError as error:
            raise PluginError(str(error)) from error

    @event_priority(-110)  # after the i18n plugin has made this language's file list (-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Only pages and inert images are published from docs/; each translated page gets a parallel
        view in this interface language (a generated file)."""
        check_docs_files(files, config)
        if not self.config.parallel_views:
            return files
        languages = self.languages(config)
        run = self.current_run()
        interface = languages.current
        prefix = build_context.language_prefix(interface, languages.default)
        translated = {language: self.translated_pages(language) for language in view_translations(languages)}
        for language, pages in translated.items():
            if interface in (language, languages.default):
                self.build.view_pages.update(pages)
        # Views share a page shell because nothing else lives in their folder: a page there would
        # change the links of the shell's navigation from one view to the next.
        taken = [file.src_uri for file in files if file.src_uri.startswith(f"{interface}/{FOLDER}/")]
        if taken:
            raise PluginError(f"docs/{taken[0]}: the {FOLDER}/ folder is where the parallel views are generated")
        shells_made: set[int] = set()
        for translation, pages in translated.items():
            for page in pages:
                view_file = File.generated(config, prefix + view_path(page, translation), content="", inclusion=InclusionLevel.NOT_IN_NAV)
                view = self.make_view(config, files, translation, page, view_file)
                run.views.append(view)
                self.build.view_links[(translation, page)] = view.url
                if view.depth not in shells_made:
                    # The views as deep as this one are written from this one's page (the shell).
                    shells_made.add(view.depth)
                    add_view_shell(files, view_file, interface, view.depth, view_path(page, translation))
        return files

    # --- Pages ------------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
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
        source = self.page_source(page)
        if source is not None and source.path not in self.current_run().models:  # a fallback's original was modelled already
            self.page_models.expect(source.text)
        self.page_marks.claims = self.claims_quoted_in(page, config)
        status = self.page_status(page, config)
        self.page_marks.outdated_labels = {}
        if status.status == OUTDATED:
            label = build_context.ui_strings(config, status.language)["outdated_heading_mark"]
            self.page_marks.outdated_labels = {section_id: label for section_id in status.stale_ids}
        kind = page.meta.get("reference_data")
        if kind is None:
            return None
        if kind not in SCHEMAS:
            raise PluginError(
                f"docs/{page.file.src_uri}: unknown reference_data {kind!r} in front matter (expected one of {', '.join(SCHEMAS)})"
            )
        # Markdown, rendered with the page: its headings join the table of contents, and MkDocs checks
        # its links to the sources and the claims' anchors the note's verdict marks lead to.
        return markdown.rstrip() + "\n\n" + self.reference_markdown(kind, page, config)

    def on_page_content(self, content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        # This page's marks are set: no other rendering gets them.
        self.page_marks.outdated_labels = {}
        self.take_page_model(page, config)
        if self.page_marks.claims is not None:
            marked, self.page_marks.claims = self.page_marks.claims, None
            check_claim_marks(marked, self.current_run().reference_data, page, self.current_run().changed_original)
        return None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page's content is rendered and none is written yet: a changed original, a page that
        # breaks the content policy or repeats an id stops the build before any is written.
        if self.build.source_findings:
            raise PluginError("\n".join(self.build.source_findings))
        if self.current_run().changed_original:
            raise PluginError(self.current_run().changed_original)
        check_rendered_pages(files)
        self.review_translations(config)
        env.bytecode_cache = self.template_cache
        date_locale = cldr_locale(config, self.languages(config).current)
        env.filters["long_date"] = lambda date: long_date(date, date_locale)
        env.filters["language_name"] = lambda code: language_name(config, code)
        env.globals["stylesheet_bundle"] = self.current_run().stylesheet.path
        # Every page is read by now: what each shows of its status and its language links is
        # worked out in one pass, which takes half the time of the same work between renderings.
        self.build.og_locales = open_graph_locales(config)
        for page in build_context.built_pages(files):
            self.build.translation[page.url] = self.translation_context(page, config)
            self.build.links[page.url] = self.language_links(page, config)
        self.find_foreign_titles(config, files)
        env.filters["titles_in_their_language"] = self.titles_filter(config)
        # The views' bodies are rendered after the last build: this interface's templates and words.
        self.current_run().view_templates[self.languages(config).current] = (env, copy.deepcopy(config.extra["ui"]))
        self.learn_template_scripts(env, config, files)
        return env

    def find_foreign_titles(self, config: MkDocsConfig, files: Files) -> None:
        """The pages whose title, where Material prints it, is in another language than this build's
        (a fallback page's own title, a `nav:` label left untranslated): site/title_languages.py."""
        languages = self.languages(config)
        if languages.current == languages.default:
            return  # every title is the original's, or translated into it
        nav_translations = build_context.language_config(config, languages.current).nav_translations or {}
        translated_labels = frozenset(title_text(label) for label in nav_translations.values())
        original_labels = frozenset(title_text(label) for label in build_context.nav_labels(config.nav))
        for page in build_context.built_pages(files):
            sources = TitleSources(
                own=self.own_titles(page),
                content_language=self.build.translation[page.url]["content_language"],
                translated_labels=translated_labels,
                original_labels=original_labels,
                original_language=languages.default,
            )
            # Navigation entries and footer links show page.title (a `nav:` label, or the page's own);
            # the header shows the front matter's title, the page's own words, when there is one.
            entry = foreign_title(page.title, sources, languages.current)
            if entry is not None:
                self.build.entry_titles[page.url] = entry
                # Navigation entries: through Material's own hook for a title's markup (partials/nav-item.html
                # prints `typeset.title` where set, in an element of its own, as it prints the title itself).
                page.typeset = {"title": f'<span lang="{html.escape(entry.language)}">{page.title}</span>'}
            front_matter_title = page.meta.get("title")
            if front_matter_title and sources.content_language != languages.current:
                self.build.header_titles[page.url] = ForeignTitle(title_text(front_matter_title), sources.content_language)
            elif not front_matter_title and entry is not None:
                self.build.header_titles[page.url] = entry

    def titles_filter(self, config: MkDocsConfig):
        """The templates' `titles_in_their_language(part)`: Material's rendered header or footer, with
        `lang` on the titles in another language than this build's (find_foreign_titles). Each is read
        only where it holds one: the header, on a page whose own title is foreign; the footer, where
        its previous or next link leads to a page whose title is."""
        entries, headers = self.build.entry_titles, self.build.header_titles
        root = build_context.site_path(config.site_url)

        @pass_context
        def titles_in_their_language_filter(context, markup: str, part: str) -> Markup:
            page = context.get("page")
            if page is None:  # the 404 page: its footer has no previous or next link, its title is its own
                return markup
            if part == "header":
                header = headers.get(page.url)
                return markup if header is None else Markup(titles_in_their_language(str(markup), page.url, {}, header, root))
            neighbours = [getattr(page, "previous_page", None), getattr(page, "next_page", None)]
            if not any(neighbour is not None and neighbour.url in entries for neighbour in neighbours):
                return markup
            return Markup(titles_in_their_language(str(markup), page.url, entries, None, root))

        return titles_in_their_language_filter

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        languages = self.languages(config)
        translation = self.build.translation[page.url]
        if translation["new_file_url"]:
            page.edit_url = translation["new_file_url"]  # the edit button leads to where the file is created
        if self.is_original_note(page):
            page.edit_url = None  # no edit button: partials/report-problem.html offers to report a problem
        context["translation"] = translation
        if page.meta.get("translation_report"):
            try:
                report = status_report(self.current_run().translation)
            except InputError as error:
                raise PluginError(str(error)) from error
            context["translation_report"] = report.for_page(page.url, languages.current, get_relative_url)

        canonical, alternates, switcher = self.build.links[page.url]
        page.canonical_url = canonical
        build_context.set_alternates(config, alternates)
        context["language_switcher"] = switcher
        context["search_fallback"] = search_fallback(config, languages, page.url)
        if is_view(page.meta):
            alternates = self.view_shell_context(context, page, config)
        else:
            self.keep_page_for_views(context, page, config)

        if translation["status"] == UNTRANSLATED:
            self.current_run().fallback_pages.add(page.url)
            # The table of contents repeats the original's headings in the interface language's page.
            mark_toc_language(page.toc, translation["content_language"])
        elif not is_view(page.meta):  # a view's canonical page is listed
            self.current_run().sitemap_entries.append(
                SitemapEntry(languages.current, page.url, page.canonical_url, [(alt["lang"], alt["link"]) for alt in alternates])
            )
        if languages.current != languages.default:
            # Material's search loads the index under the base URL: this language's own.
            folder = build_context.language_prefix(languages.current, languages.default).rstrip("/")
            context["base_url"] = get_relative_url(folder, page.url)

        context["social"] = social_meta(
            # As Material's <title>: the front matter title first; page.title may be a nav label.
            title=page.meta.get("title") or page.title or config.site_name,
            description=page.meta.get("description") or config.site_description or "",
            is_home=neutral_path(page.url, languages.current, languages.default) == "index.html",
            url=page.canonical_url,
            site_name=config.site_name,
            content_language=page.file.locale,
            alternate_languages=[alternate["lang"] for alternate in alternates],
            locales=self.build.og_locales,
        )
        return context

    @event_priority(-200)  # after every plugin that changes a page's HTML: the policy hashes the final page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = label_search_dialog(output, config.extra["ui"]["search_dialog_label"], page.file.src_uri)
        self.current_run().page_sources[page.file.dest_uri] = f"docs/{page.file.src_uri}"
        if not self.serving:  # `mkdocs serve` injects a live-reload script no build-time hash can allow
            self.current_run().pages_with_policy.add(os.path.normpath(page.file.abs_dest_path))
            output = self.with_policy(output, self.languages(config).current, page.file.dest_uri)
        if is_view(page.meta):
            shell = page.meta[META_KEY]
            try:
                self.current_run().view_shells[(shell["interface"], shell["depth"])] = PageShell.parse(output)
            except ValueError as error:
                raise PluginError(
                    f"{page.file.dest_uri} (a parallel views' page shell: overrides/parallel.html inside Material's header, "
                    f"navigation and footer, which print strings of mkdocs.yml such as nav_translations and site_name): {error}"
                ) from error
        return output

    def on_template_context(self, context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
        if template_name != NOT_FOUND:
            return context
        # A missing page has no twin: the switcher and alternates lead to each language's home.
        languages = self.languages(config)
        root = build_context.site_path(config.site_url)
        homes = {code: root + build_context.language_prefix(code, languages.default) for code in languages.all}
        names = {code: build_context.language_config(config, code).name for code in languages.all}
        build_context.set_alternates(
            config,
            [{"name": names[code], "link": build_context.absolute_url(config.site_url, homes[code]), "lang": code} for code in languages.all],
        )
        context["language_switcher"] = [
            {"name": names[code], "lang": code, "href": homes[code], "current": code == languages.current} for code in languages.all
        ]
        context["ui"] = config.extra["ui"]
        context["search_fallback"] = search_fallback(config, languages, None)
        return context

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name != NOT_FOUND:
            return output
        output = label_search_dialog(output, config.extra["ui"]["search_dialog_label"], template_name)
        return self.not_found_page(output, config)

    # --- Once every language is built ---------------------------------------------------------

    @event_priority(-110)  # after the i18n plugin has built every other language from its on_post_build (-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if build_context.i18n_plugin(config).building:
            return  # a later language's build, inside the first one's on_post_build
        run = self.current_run()
        languages = self.languages(config)
        site = Path(config.site_dir)
        self.write_search_indexes(site, languages, [Path(folder) for folder in config.theme.dirs])
        # The plugin's merged sitemap and its gzip copy are replaced by one per language.
        (site / "sitemap.xml.gz").unlink(missing_ok=True)
        folders = {language: build_context.language_prefix(language, languages.default) for language in languages.all}
        for folder, sitemap in sitemap_files(run.sitemap_entries, folders).items():
            (site / folder / "sitemap.xml").write_text(sitemap, encoding="utf-8")
        (site / "robots.txt").write_text(render_robots_txt(config.site_url, languages.all, languages.default), encoding="utf-8")
        target = site / run.stylesheet.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(run.stylesheet.text, encoding="utf-8")
        if not self.serving:
            # What MkDocs did not write through a page (the 404 pages) gets its policy from the file;
            # a file that is not the theme's page (copied from docs/) is left to the final check.
            for path in sorted(site.rglob("*.html")):
                if os.path.normpath(path) not in run.pages_with_policy:
                    text = path.read_text(encoding="utf-8", errors="replace")
                    if CHARSET_META in text:
                        where = path.relative_to(site).as_posix()
                        path.write_text(self.with_policy(text, file_language(where, languages), where), encoding="utf-8")
            every_language = union(list(run.template_scripts.values()))
            (site / HEADERS_FILE).write_text(headers_file(sorted(every_language.inline_hashes)), encoding="utf-8")
        self.write_views(site, languages)
        # The last word, once every file is written: anything published that a browser reads as HTML.
        self.check_published_html(site, config, languages)

    def on_build_error(self, *, error: Exception) -> None:
        # A failed build leaves no site behind: MkDocs writes every page before strict mode counts
        # its warnings, and a complete-looking site/ could be published by a careless upload.
        # `mkdocs serve` keeps serving the last good build while the author fixes the error.
        if self.serving or self.site_dir is None or not self.site_dir.is_dir():
            return
        for entry in self.site_dir.iterdir():  # its contents only: the folder may be a mount point
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()

    # --- Steps ----------------------------------------------------------------------------------

    def current_run(self) -> Run:
        if self.run is None:
            raise PluginError("bilingual_site: a build event came before the run's on_config")
        return self.run

    def languages(self, config: MkDocsConfig) -> Languages:
        return self.current_run().languages.now(build_context.i18n_plugin(config).current_language)

    def page_source(self, page: Page) -> SourceFile | None:
        """The file of docs/ a page is rendered from, as the source checks read it; None for a generated page."""
        return self.current_run().sources_by_path.get(Path(page.file.abs_src_path)) if page.file.abs_src_path else None

    def own_titles(self, page: Page) -> frozenset[str]:
        """The titles a page's own file gives it (front matter, first level-1 heading), as a reader sees
        them; not page.title, which is the navigation's label when mkdocs.yml's `nav:` names the page."""
        source = self.page_source(page)
        model = self.current_run().models.get(source.path) if source is not None else None
        first_heading = next((heading.title for heading in model.headings if heading.level == 1), None) if model else None
        return frozenset(title_text(title) for title in (page.meta.get("title"), first_heading) if title)

    def take_page_model(self, page: Page, config: MkDocsConfig) -> None:
        """The page's model from its rendering (a page whose Markdown the plugin extended, a reference
        page, is read on its own), checked once per source: the content policy and its heading ids."""
        run = self.current_run()
        rendered = self.page_models.take(page.markdown)
        source = self.page_source(page)
        if source is None:
            return  # generated (a views' shell)
        if source.path not in run.models:
            run.models[source.path] = rendered or read_markdown(source.text, build_context.markdown_options(config))
        if source.path in run.checked_sources:
            return
        run.checked_sources.add(source.path)
        model = run.models[source.path]
        self.build.source_findings += [str(finding) for finding in check_page(model, source.shown)]
        self.build.source_findings += [str(error) for error in duplicate_heading_ids(model, source.shown)]

    def review_translations(self, config: MkDocsConfig) -> None:
        """What `./tasks.sh translations check` finds in this language's pages stops the build, in the
        same words (both files and lines), but in a translation outdated since its record, which lags
        behind its original on purpose (translation/review.py, build_findings); those, and what
        `glossary` and `typography` find, are shown as warnings a strict build does not count.

        Done once this language's pages are rendered (their models taken), before any is written;
        the originals' models were taken in the default language's build, which comes first."""
        run = self.current_run()
        language = self.languages(config).current
        pages = ProjectPages(run.translation.project, run.models)
        try:
            stopping, lagging = build_findings(pages, run.translation, languages=[language])
            if stopping:
                raise PluginError("\n".join(finding.message for finding in stopping))
            typography, _ = typography_findings(pages, languages=[language])
            glossary = glossary_findings(pages, glossary_terms(run.reference_data.terms), languages=[language])
        except InputError as error:
            raise PluginError(str(error)) from error
        for kind, findings in (("outdated translation", [finding.message for finding in lagging]), ("glossary", glossary), ("typography", typography)):
            for finding in findings:
                REVIEW_LOG.warning("%s: %s", kind, finding)

    def page_status(self, page: Page, config: MkDocsConfig) -> PageStatus:
        languages = self.languages(config)
        try:
            return built_page_status(self.current_run().translation, page_path(page), languages.current, page.file.locale)
        except InputError as error:
            raise PluginError(str(error)) from error

    def claims_quoted_in(self, page: Page, config: MkDocsConfig) -> PageClaims | None:
        """The claims whose passages this page holds, with their marks in the page's language; None elsewhere."""
        data = self.current_run().reference_data
        if page_path(page) != data.quoted_page:
            return None
        ui = config.extra["ui"]
        # A fallback page is the original's text: its quotes are the original's.
        language = page.file.locale
        quotes = []
        for claim in data.claims:
            quote = claim["quote"].get(language)
            if quote is None:
                raise PluginError(str(missing_quote(claim["id"], claim["quote"].line, language, f"docs/{page.file.src_uri}")))
            claims_page = get_relative_url(data.claims_page, data.quoted_page)
            quotes.append(ClaimQuote(claim["id"], claim["status"], quote, ui["status_labels"][claim["status"]], ui["claim_verdict_label"], claims_page))
        return PageClaims(quotes)

    def reference_markdown(self, kind: str, page: Page, config: MkDocsConfig) -> str:
        """The Markdown the template of the reference page ``kind`` renders from data/ for ``page``."""
        run = self.current_run()
        if run.reference_templates is None:
            run.reference_templates = prepare_environment(config.theme.get_env())
        # A fallback page is the default language's text on another language's URL: the data is
        # rendered in the default language too, with its strings and its way of writing dates.
        language = page.file.locale
        try:
            return render(
                kind, run.reference_data, run.reference_templates,
                language=language, default=run.languages.default, languages=build_context.declared_languages(config),
                ui=build_context.ui_strings(config, language), cldr_locale=cldr_locale(config, language),
            )
        except (TemplateError, ValueError, KeyError, AttributeError) as error:
            where = template_failure(error, template_name(kind), build_context.project_root(config))
            raise PluginError(f"docs/{page.file.src_uri}: {where}") from error

    def translation_context(self, page: Page, config: MkDocsConfig) -> dict:
        """What templates read as `translation`: the page's status and the notices that go with it."""
        languages = self.languages(config)
        status = self.page_status(page, config)
        original_language = self.current_run().original_language
        original_url = None  # a preview of a translation alone builds no original to link to
        if original_language in languages.all:
            original_url = build_context.language_prefix(languages.default, languages.default) + page.url.removeprefix(
                build_context.language_prefix(languages.current, languages.default)
            )
        translation = {
            "status": status.status,
            "content_language": page.file.locale,
            "page_language": languages.current,
            "original_language": original_language,
            "original_href": get_relative_url(original_url, page.url) if original_url else None,
            "recorded": status.recorded,
            "changes": changes_for_readers(status, page, original_url),
            "new_file_url": None,
            "report_url": None,
        }
        if self.is_original_note(page):
            # Never edited (translations/original.sha256 pins it): a reader reports a problem instead.
            if config.repo_url:
                translation["report_url"] = f"{config.repo_url.rstrip('/')}/issues/new?template={ORIGINAL_NOTE_ISSUE_FORM}"
            return translation
        if status.status == UNTRANSLATED and config.repo_url:
            # Where a contributor creates the missing translation on GitHub.
            translation["new_file_url"] = f"{config.repo_url.rstrip('/')}/new/main/docs/{languages.current}?filename={page_path(page)}"
        return translation

    def language_links(self, page: Page, config: MkDocsConfig) -> tuple[str, list[dict], list[dict]]:
        """Canonical URL, hreflang alternates (real translations only, absolute, with x-default) and
        the language switcher (which also offers fallback pages, which hreflang must not declare)."""
        languages = self.languages(config)
        links = page_language_links(
            page_url=page.url,
            languages=languages,
            translated_languages=build_context.translated_languages(page, languages),
            site_url=config.site_url,
            names={code: build_context.language_config(config, code).name for code in languages.all},
        )
        alternates = [{"name": link.name, "link": link.absolute, "lang": link.hreflang} for link in links.hreflang]
        switcher = [
            {"name": link.name, "lang": link.language, "href": get_relative_url(link.url, page.url), "current": link.language == languages.current}
            for link in links.switcher
        ]
        return links.canonical, alternates, switcher

    def not_found_page(self, output: str, config: MkDocsConfig) -> str:
        """A 404 page per language: MkDocs writes `404.html` at the root in every language's build, so the
        last would win. A later language writes its page into its own folder and hands MkDocs the default
        language's page, kept from the first build, to write at the root again."""
        languages = self.languages(config)
        run = self.current_run()
        if languages.current == languages.default:
            run.default_not_found_page = output
            return output
        # The 404 page is served from any path, so its links are absolute from the site root; only
        # the search base must point at the language's folder, to load that language's index.
        root = build_context.site_path(config.site_url)
        prefix = build_context.language_prefix(languages.current, languages.default)
        old, new = f'"base": {json.dumps(root)}', f'"base": {json.dumps(root + prefix)}'
        if old not in output:
            raise PluginError(f"{NOT_FOUND}: could not find {old} in Material's __config block to point search at {new}")
        target = Path(config.site_dir) / prefix / NOT_FOUND
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output.replace(old, new, 1), encoding="utf-8")
        # A one-language preview (BUILD_ONLY_LOCALE) has no default page to put back.
        return run.default_not_found_page if run.default_not_found_page is not None else output

    def with_policy(self, html_text: str, language: str, where: str) -> str:
        try:
            return with_csp_meta(html_text, csp_content(self.current_run().template_scripts[language]), where)
        except ValueError as error:
            raise PluginError(str(error)) from error

    # Scripts and the published pages (published_html, theme_scripts)

    def learn_template_scripts(self, env: Environment, config: MkDocsConfig, files: Files) -> None:
        """The scripts this language's templates write, from a blank render at each folder depth of its pages.

        The blank render gets what every page's context holds that depends on no page (the search
        fallback's offers, as the 404 page gets them), so the templates' conditional parts count.
        """
        languages = self.languages(config)
        site_context = {"search_fallback": search_fallback(config, languages, None)}
        try:
            self.current_run().template_scripts[languages.current] = blank_page_scripts(env, config, page_depths(files), site_context)
        except ValueError as error:
            raise PluginError(str(error)) from error

    def check_published_html(self, site: Path, config: MkDocsConfig, languages: Languages) -> None:
        """Every published HTML file held against the allowlist; any finding stops the build (the site is then emptied)."""
        run = self.current_run()
        policies = {
            language: SitePolicy(
                inline_script_hashes=scripts.inline_hashes,
                script_paths=scripts.paths,
                site_url=site_url(config),
                csp=None if self.serving else csp_content(scripts),  # `mkdocs serve` writes no policy
            )
            for language, scripts in run.template_scripts.items()
        }
        findings: list[str] = []
        checked = CheckedElements()  # the theme's elements, the same from page to page, are checked once
        for path in sorted(site.rglob("*")):
            if path.suffix.lower() not in PUBLISHED_HTML_SUFFIXES or not path.is_file():
                continue
            where = path.relative_to(site).as_posix()
            markup, problem = published_markup(path.read_bytes())
            if problem:
                findings.append(f"{where}: {problem}")
                continue
            policy = policies.get(file_language(where, languages))
            if policy is None:
                findings.append(f"{where}: no template scripts were learnt for its language")
                continue
            source = written_from(where, languages) or run.page_sources.get(where)
            findings += [str(finding) for finding in check_document(markup, where, policy, source, checked)]
        if findings:
            raise PluginError(f"{len(findings)} problem(s) in the published HTML (checks/published_html.py):\n" + "\n".join(findings))

    # Parallel views

    def is_original_note(self, page: Page) -> bool:
        """The original note, or a copy of it served in another language that has no translation."""
        run = self.current_run()
        source = page.file.abs_src_path
        if run.original_note is None or source is None:
            return False
        if source not in run.original_note_sources:  # resolved once a source: it asks the file system
            run.original_note_sources[source] = Path(source).resolve() == run.original_note
        return run.original_note_sources[source]

    def translated_pages(self, language: str) -> list[str]:
        """Pages with both an original and a file of their own in ``language`` ('note.md')."""
        run = self.current_run()
        return sorted(run.pages_by_folder.get(language, frozenset()) & run.pages_by_folder.get(run.languages.default, frozenset()))

    def make_view(self, config: MkDocsConfig, files: Files, translation: str, page: str, view_file: File) -> View:
        languages = self.languages(config)
        interface, original = languages.current, languages.default
        # Where the page built from docs/<language>/<page> is: its URL in this build, moved to each language.
        found = files.src_uris.get(f"{interface}/{page}")
        neutral = page[: -len(".md")] + ".html" if page.endswith(".md") else page
        if found is not None:
            try:
                neutral = neutral_path(found.url, interface, original)
            except ValueError:
                pass
        urls = {language: build_context.language_prefix(language, original) + neutral for language in (original, translation)}
        return View(
            interface=interface,
            translation=translation,
            page=page,
            url=view_file.url,
            neutral_url=neutral_path(view_file.url, interface, original),
            dest_uri=view_file.dest_uri,
            # The view repeats the translated page: that page is canonical.
            canonical_url=build_context.absolute_url(config.site_url, urls[translation]),
            sides={
                role: {"language": language, "name": language_name(config, language), "href": get_relative_url(urls[language], view_file.url)}
                for language, role in ((original, "original"), (translation, "translation"))
            },
        )

    def keep_page_for_views(self, context: dict, page: Page, config: MkDocsConfig) -> None:
        """Keep the rendered HTML of a page a view shows, and give the page its links to its views."""
        if not self.config.parallel_views:
            return
        languages = self.languages(config)
        if page.file.locale != languages.current:
            return  # a fallback copy has no translation to read beside it
        name = page_path(page)
        if name in self.build.view_pages:
            self.current_run().view_pages[(languages.current, name)] = PageHtml(languages.current, page.url, page.content, page.meta.get("title"))
        translations = [languages.current] if languages.current != languages.default else languages.others
        links = []
        for translation in translations:
            view_url = self.build.view_links.get((translation, name))
            if view_url is None:
                continue
            text = config.extra["ui"]["parallel_link"]
            if len(translations) > 1:
                text += f" ({language_name(config, translation)})"
            links.append({"href": get_relative_url(view_url, page.url), "text": text, "translation": translation})
        context["parallel_links"] = links

    def view_shell_context(self, context: dict, page: Page, config: MkDocsConfig) -> list:
        """A views' page shell: placeholders for what each view fills in, a switcher to the same view."""
        languages = self.languages(config)
        page.edit_url = None
        page.canonical_url = CANONICAL
        alternates = SwitcherOnly()
        build_context.set_alternates(config, alternates)
        to_root = "../" * page.url.count("/")
        context["language_switcher"] = [
            {
                "name": build_context.language_config(config, code).name,
                "lang": code,
                "href": to_root + build_context.language_prefix(code, languages.default) + VIEW_PATH,
                "current": code == languages.current,
            }
            for code in languages.all
        ]
        context["parallel"] = {"body": BODY}
        return alternates

    def write_views(self, site: Path, languages: Languages) -> None:
        """Each view is its shell filled with its title, canonical URL, path and body."""
        if not self.config.parallel_views:
            return
        run = self.current_run()
        original = languages.default
        templates = {interface: (env.get_template(VIEW_BODY_TEMPLATE), ui) for interface, (env, ui) in run.view_templates.items()}
        by_pair: dict[tuple[str, str], list[View]] = {}
        for view in run.views:
            by_pair.setdefault((view.translation, view.page), []).append(view)
        for (translation, page), views in by_pair.items():
            sides = [run.view_pages.get((original, page)), run.view_pages.get((translation, page))]
            alignment = align(*sides) if None not in sides else None
            for view in views:
                shell = run.view_shells.get((view.interface, view.depth))
                if alignment is None or shell is None:
                    raise PluginError(f"{view.dest_uri}: the parallel view's pages or page shell were not rendered in this build")
                template, ui = templates[view.interface]
                body = template.render(view=view, pairs=build_pairs(alignment, view.url), ui=ui)
                path = site / view.dest_uri
                path.parent.mkdir(parents=True, exist_ok=True)  # MkDocs made only the folders of the shells it wrote
                path.write_bytes(shell.fill(self.view_title(view, original, ui), view.canonical_url, view.neutral_url, body))

    def view_title(self, view: View, original: str, ui: dict) -> str:
        """'Note, side by side': the page's front matter title in the interface's language when it is one
        of the view's two, else in the original's (as the translation status report names pages)."""
        pages = self.current_run().view_pages
        shown = view.interface if view.interface in (view.translation, original) else original
        title = pages[(shown, view.page)].title or pages[(original, view.page)].title or view.page
        return ui["parallel_title"].replace("{title}", str(title))

    def write_search_indexes(self, site: Path, languages: Languages, theme_dirs: list[Path]) -> None:
        """One accent-insensitive index per language, in its folder, in place of the plugin's merged one."""
        merged = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
        search_languages = {language: lunr_language(language, theme_dirs) for language in languages.all}
        for language, index in split_by_language(merged, languages.all, languages.default, self.current_run().fallback_pages, search_languages).items():
            target = site / build_context.language_prefix(language, languages.default) / SEARCH_INDEX
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(add_folded_field(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# --- Steps that need no plugin state ----------------------------------------------------------


def keep_strict_validation_working(config: MkDocsConfig) -> None:
    """Two MkDocs 1.6 behaviours would let a broken link or anchor through a strict build: `--quiet`
    raises the `mkdocs` logger to ERROR, so validation warnings are never counted (mkdocs/mkdocs#4126);
    `--verbose` makes pages skip collecting anchors (mkdocs/mkdocs#3991)."""
    mkdocs_logger = logging.getLogger("mkdocs")
    if config.strict and mkdocs_logger.getEffectiveLevel() > logging.WARNING:
        mkdocs_logger.setLevel(logging.WARNING)
    pages_logger = logging.getLogger("mkdocs.structure.pages")  # collects anchors only above DEBUG
    if pages_logger.getEffectiveLevel() <= logging.DEBUG:
        pages_logger.setLevel(logging.INFO)


def pages_by_folder(sources: list[SourceFile]) -> dict[str, frozenset[str]]:
    pages: dict[str, set[str]] = {}
    for source in sources:
        folder, _, page = source.relative.partition("/")
        pages.setdefault(folder, set()).add(page)
    return {folder: frozenset(found) for folder, found in pages.items()}


def check_sources(config: MkDocsConfig, run: Run) -> None:
    """Stop the build on page sources MkDocs would publish without a word: malformed front matter,
    text that is not UTF-8, empty pages, translations without an original, Markdown outside the
    declared language folders. What each page's Markdown holds (content the policy forbids,
    duplicate heading ids) is checked on its model, as it is rendered (take_page_model)."""
    declared = build_context.declared_languages(config)
    # The language of the originals as mkdocs.yml declares it: in a one-language preview
    # (BUILD_ONLY_LOCALE=en) the i18n plugin takes the language it builds as its default.
    default = build_context.declared_default_language(config)
    originals = run.pages_by_folder.get(default, frozenset())
    try:
        check_language_folders(Path(config.docs_dir), declared)
    except InputError as error:
        raise PluginError(str(error)) from error
    problems: list[str] = []
    for source in run.sources:
        problems += [str(problem) for problem in page_source_problems(source.raw, source.shown)]
        language, _, rest = source.relative.partition("/")
        if language != default and rest not in originals:
            problems.append(f"{source.shown}: no original docs/{default}/{rest} for this translation")
    previewed = build_context.i18n_plugin(config).config.build_only_locale
    if previewed and previewed != default:
        # The i18n plugin serves an original in place of a missing translation only when it builds
        # the original's language too: a one-language preview would leave the page out.
        for page in sorted(originals - run.pages_by_folder.get(previewed, frozenset())):
            problems.append(
                f"docs/{default}/{page}: no translation docs/{previewed}/{page}, and a preview of one language "
                f"(BUILD_ONLY_LOCALE={previewed}) cannot serve the original in its place: preview the whole site (./tasks.sh serve)"
            )
    if problems:
        raise PluginError("\n".join(problems))
    try:
        root = build_context.project_root(config)
        docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        check_original_pin(Original(root, docs, build_context.declared_default_language(config)))
    except InputError as error:
        # Reported once the pages are rendered (on_env, before any is written), together with what
        # the change broke: a claim whose quote the changed words no longer match names its line
        # in data/claims.yml, where the check must be looked at again.
        run.changed_original = str(error)


def check_docs_files(files: Files, config: MkDocsConfig) -> None:
    """What this language's build would copy from docs/ is a page or an inert image (docs_layout.py):
    an .html or .js file dropped under docs/ would be served as the site's own. Every language's build
    checks its own files, so every file of docs/ is checked by the build that would publish it."""
    # Absolute, with symbolic links left as they are: a link under docs/ is refused, not followed.
    docs = Path(os.path.abspath(config.docs_dir))
    shown_docs = docs.relative_to(os.path.abspath(build_context.project_root(config))).as_posix()
    published = []
    for file in files:
        if file.inclusion == InclusionLevel.EXCLUDED or file.abs_src_path is None:
            continue  # never written (dot files, exclude_docs), or generated by the plugin
        source = Path(os.path.abspath(file.abs_src_path))
        if source.is_relative_to(docs):  # theme files (Material's, overrides/) are the project's own
            published.append((f"{shown_docs}/{source.relative_to(docs).as_posix()}", source))
    problems = check_published_files(sorted(published))
    if problems:
        raise PluginError("\n".join(map(str, problems)))


def original_note_path(config: MkDocsConfig) -> Path:
    root = build_context.project_root(config)
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    return Original(root, docs, build_context.declared_default_language(config)).path.resolve()


def cldr_locale(config: MkDocsConfig, language: str) -> str:
    """The CLDR locale ``language`` writes its dates and names in: its `extra.cldr_locale`, else its code."""
    return (build_context.language_config(config, language)["extra"] or {}).get("cldr_locale") or language


def template_failure(error: Exception, template: str, root: Path) -> str:
    """What went wrong in a template, with its file and line (from the project's root) where known."""
    where = f"overrides/{template}"
    if isinstance(error, TemplateError) and getattr(error, "lineno", None):
        where = f"{shown_path(Path(error.filename), root) if getattr(error, 'filename', None) else where}:{error.lineno}"
    else:
        frame = error.__traceback__
        while frame is not None:
            # Jinja rewrites tracebacks so that a template's frames carry its file and line.
            filename = frame.tb_frame.f_code.co_filename
            if filename.endswith(".html"):
                where = f"{shown_path(Path(filename), root)}:{frame.tb_lineno}"
            frame = frame.tb_next
    return f"{where}: {type(error).__name__}: {error}"


def language_entries(config: MkDocsConfig) -> list[dict]:
    """The i18n plugin's `languages:` entries as it validated them, as plain mappings."""
    return [dict(language) for language in build_context.i18n_plugin(config).config.languages]


def config_text(config: MkDocsConfig) -> str:
    return Path(config.config_file_path).read_text(encoding="utf-8")


def check_language_entries(config: MkDocsConfig) -> None:
    """What each language of mkdocs.yml must declare (language_entries.py), with the lines to fix."""
    try:
        text = config_text(config)
        problems = entry_problems(language_entries(config), languages_list(text, "mkdocs.yml"), "mkdocs.yml")
        problems += nav_label_problems(text, "mkdocs.yml")
    except InputError as error:
        raise PluginError(str(error)) from error
    if problems:
        raise PluginError("\n".join(problems))


def project_of_config(config: MkDocsConfig):
    """The translation tool's view of the project, from the configuration MkDocs has already read.
    Its default language is the declared one, also in a one-language preview (BUILD_ONLY_LOCALE=en),
    where the i18n plugin marks the language it builds as its default: a translation previewed
    alone keeps its status (current, outdated) and the notices that go with it."""
    declared = build_context.declared_default_language(config)
    entries = [{**entry, "default": entry["locale"] == declared} for entry in language_entries(config)]
    return project_of(
        build_context.project_root(config), Path(config.docs_dir), entries, "mkdocs.yml",
        build_context.markdown_options(config), config_text=config_text(config),
    )


def joined_stylesheet(config: MkDocsConfig) -> Bundle:
    """Material's main and palette CSS and `extra_css` as one file (src/bilingual_site/site/stylesheet_bundle.py says why)."""
    root = build_context.project_root(config)
    theme_dirs = [Path(folder) for folder in config.theme.dirs]
    config_lines = Path(config.config_file_path).read_text(encoding="utf-8").split("\n")
    try:
        paths = theme_stylesheets(theme_dirs, bool(config.theme["palette"]))
        for entry in config.extra_css:
            line = next((number for number, text in enumerate(config_lines, 1) if text.strip() == f"- {entry}"), None)
            paths.append(extra_stylesheet(str(entry), [Path(config.docs_dir), *theme_dirs], "mkdocs.yml", line))
        return bundle([Stylesheet(shown_path(path, root), path.read_text(encoding="utf-8")) for path in paths])
    except InputError as error:
        raise PluginError(str(error)) from error


def shown_path(path: Path, root: Path) -> str:
    """A project file relative to the project, Material's by its path inside the theme package."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return "/".join(path.parts[-4:])


def open_graph_locales(config: MkDocsConfig) -> dict[str, str]:
    """Each built language's og:locale: its `extra.og_locale`, else CLDR's (checked in check_language_entries)."""
    return {language: og_locale(dict(build_context.language_config(config, language))) for language in build_context.i18n_plugin(config).build_languages}


def label_search_dialog(output: str, label: str, where: str) -> str:
    if SEARCH_DIALOG not in output:
        raise PluginError(f"{where}: Material's search dialog markup changed; update SEARCH_DIALOG in bilingual_site/mkdocs/plugin.py")
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{html.escape(label)}">', 1)


def check_rendered_pages(files: Files) -> None:
    """Ids repeated in a page's rendered content, by other ways than its headings (reference data),
    before any page is written. What a page may hold is decided on the published file
    (check_published_html), head and template output included."""
    errors: list[str] = []
    for page in build_context.built_pages(files):
        if page.content is None:
            continue  # `mkdocs serve --dirty` renders only the pages that changed
        source = f"docs/{page.file.src_uri}"
        errors += [
            f"{source}: duplicate id {value!r} in the rendered page ({count} elements)"
            for value, count in sorted(duplicate_ids_in_html(page.content).items())
        ]
    if errors:
        raise PluginError("\n".join(errors))


def written_from(where: str, languages: Languages) -> str | None:
    """What a published file no Markdown page was rendered to comes from: the 404 template, or a
    parallel view's two pages (the view's shell is a page of its own, built from no file of docs/)."""
    if where.rsplit("/", 1)[-1] == NOT_FOUND:
        return "overrides/404.html"
    parts = where.split("/")
    if parts[0] in languages.others:
        parts = parts[1:]
    if len(parts) >= 3 and parts[0] == FOLDER and parts[1] in languages.others:
        page = "/".join(parts[2:]).removesuffix(".html") + ".md"
        return f"docs/{languages.default}/{page} and docs/{parts[1]}/{page}, side by side"
    return None


def search_fallback(config: MkDocsConfig, languages: Languages, page_url: str | None) -> list[dict]:
    """The other languages' homes, where a search that finds nothing here is offered again.
    ``page_url`` None: the 404 page, served from any path, links from the site root."""
    ui = config.extra["ui"]
    offers = []
    for code in languages.all:
        if code == languages.current:
            continue
        home = build_context.language_prefix(code, languages.default) + "index.html"
        href = get_relative_url(home, page_url) if page_url else build_context.site_path(config.site_url) + home
        offers.append({"lang": code, "href": href, "text": ui["search_fallback_link"].replace("{language}", language_name(config, code))})
    return offers


def check_claim_marks(marked: PageClaims, data: ReferenceData, page: Page, changed_original: str | None) -> None:
    """Every claim's quote was found exactly once on the page, and no two passages overlap (the
    translation tool's `check` says the same, page_marks.claim_mark_problems). A changed original
    is said along with them."""
    language = page.file.locale
    lines = {claim["id"]: claim["quote"].key_lines.get(language) for claim in data.claims}
    problems = [str(problem) for problem in claim_mark_problems(marked, lines, language, f"docs/{page.file.src_uri}")]
    if problems:
        raise PluginError("\n".join(problems + ([changed_original] if changed_original else [])))


def view_translations(languages: Languages) -> list[str]:
    """The translations this interface has views of: both languages of a view must be built."""
    if languages.default not in languages.all:
        return []
    return [language for language in languages.others if language in languages.all]


def add_view_shell(files: Files, view_file: File, interface: str, depth: int, neutral_src_uri: str) -> None:
    """The page shell of views this deep is built as the first one's page (and written over at the end)."""
    # What the i18n plugin gives each of its files: the shell belongs to the interface language.
    view_file.locale = view_file.locale_alternate_of = interface
    view_file.localization = None
    view_file.norm_src_uri = neutral_src_uri
    view_file.alternates = {interface: view_file}
    view_file.parallel_shell = {"interface": interface, "depth": depth}
    files.append(view_file)


def language_name(config: MkDocsConfig, language: str) -> str:
    """A language's name in the words of the language being built ('anglais'), from CLDR."""
    return cldr_language_name(language, build_context.i18n_plugin(config).current_language)


class SwitcherOnly(list):
    """No hreflang alternate, but a language switcher: Material writes `<link hreflang>` for each
    item of `extra.alternate` and shows the switcher (partials/alternate.html, fed from
    `language_switcher`) when it is true. An empty list that is true gives the one without the other."""

    def __bool__(self) -> bool:
        return True


def page_path(page: Page) -> str:
    """The page's path inside its language folder: 'en/note.md' -> 'note.md'."""
    return page.file.src_uri.split("/", 1)[1]


def changes_for_readers(status: PageStatus, page: Page, original_url: str | None) -> list[dict]:
    """Each stale section with the title the reader sees and a link to it in the original (none
    where the original is not built: a preview of a translation alone)."""
    if not status.changes:
        return []
    # The page's own headings, from the toc extension's tokens of its rendering (MkDocs' page.toc).
    own_titles = {anchor.id: html.unescape(anchor.title) for anchor in toc_anchors(page.toc)}
    return [
        {
            "id": change.id,
            "kind": change.kind,
            "title": own_titles.get(change.id) or change.title,
            "title_is_original": change.id not in own_titles,
            "href": get_relative_url(original_url, page.url) + (f"#{change.id}" if change.id and change.kind != "removed" else "")
            if original_url else None,
            "own_href": f"#{change.id}" if change.id in own_titles else None,
        }
        for change in status.changes
    ]


def mark_toc_language(toc, language: str) -> None:
    """Tag each entry's title with the language it is written in (a fallback page's, the original's).

    Material prints a title as it is (partials/toc-item.html; the toc extension has escaped it) and
    uses it elsewhere only through `striptags`, so the element reaches the table of contents alone.
    """
    for anchor in toc_anchors(toc):
        anchor.title = f'<span lang="{html.escape(language)}">{anchor.title}</span>'


def toc_anchors(toc) -> list:
    """Every entry of a page's table of contents, nested ones included."""
    found = []
    for anchor in toc:
        found.append(anchor)
        found += toc_anchors(anchor.children)
    return found
