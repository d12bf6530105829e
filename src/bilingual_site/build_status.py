"""One reading of the translation status per build, shared by the hooks that show it.

`mkdocs build` runs one build per language; the pages and lock files do not
change in between, so they are read once, in the first language's build. Under
`mkdocs serve`, every rebuild starts a new reading.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from bilingual_site import build_context
from bilingual_site.errors import InputError
from bilingual_site.freshness import ProjectStatus
from bilingual_site.translation_project import Project, project_of

_tracker: ProjectStatus | None = None


def start(config: MkDocsConfig) -> None:
    """Read the project afresh at the start of a full build (the first language's on_pre_build)."""
    global _tracker
    if _tracker is not None and not build_context.all_languages_built(config):
        return  # a later language of the same build
    try:
        _tracker = ProjectStatus(project_from_config(config), build_context.docs_pages(config))
        _tracker.locks  # read and checked now, so a bad lock file stops the build before any page
        # Asked for page by page, between the renderings of pages, the same work took twice as long
        # (at 100 pages a language: 20 ms against 11 ms).
        _tracker.read_all()
    except InputError as error:
        raise PluginError(str(error)) from error


def project_from_config(config: MkDocsConfig) -> Project:
    """The translation tool's view of the project (translation_project.load_project), from the
    configuration MkDocs has already read rather than from mkdocs.yml again."""
    languages = [dict(language) for language in build_context.i18n_plugin(config).config.languages]
    return project_of(build_context.project_root(config), Path(config.docs_dir), languages, "mkdocs.yml", build_context.markdown_options(config))


def tracker() -> ProjectStatus:
    if _tracker is None:
        raise PluginError("the translation status was asked for before hooks/translation_status.py read it")
    return _tracker
