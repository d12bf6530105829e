"""Shared fixtures: the real site built once, served on loopback, and Debian's Chromium."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from sitebuild import PROJECT, build_site, copy_project

from bilingual_site.tools.gzip_server import GzipServer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_port) -> Path:
    """The real mkdocs.yml, built strictly once, with site_url set to where it will be served."""
    return build_site(PROJECT, tmp_path_factory.mktemp("site"), f"http://127.0.0.1:{site_port}/")


@pytest.fixture(scope="session")
def server(site, site_port):
    # The project's own static host (gzip, keep-alive, the 404 page for missing URLs), as the quality commands use.
    with GzipServer(site, site_port) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        # Never a skip: a suite whose browser tests did not run has not passed.
        pytest.fail(f"Chromium not found at {CHROMIUM}: run the tests with ./tasks.sh test, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def reader_context(browser):
    """The browser context of the tests' pages. A context of each test's own cost it about a second
    of CPU (a new renderer, Material's scripts compiled again, an empty cache); what a test could
    leave behind in a shared one is its storage, emptied after each test (`page` below). Viewport
    and colour scheme are set on a page (`set_viewport_size`, `emulate_media`), before it loads."""
    context = browser.new_context()
    yield context
    context.close()


EMPTY_STORAGE = "() => { localStorage.clear(); sessionStorage.clear(); }"


@pytest.fixture
def page(reader_context):
    """A new tab, with nothing an earlier test stored in cookies, localStorage or sessionStorage (the
    tab's own). The HTTP cache is the context's, shared from test to test as a reader's browser
    shares it from page to page; the site stores nothing elsewhere (no IndexedDB, no service worker)."""
    opened = reader_context.new_page()
    origins: set[tuple[str, str]] = set()  # the web origins the tab has been on, where it could store something
    opened.on("framenavigated", lambda frame: origins.add(web_origin(frame.url)))
    yield opened
    reader_context.clear_cookies()
    origins.discard(None)
    if origins and not (origins == {web_origin(opened.url)} and emptied_in_place(opened)):
        reader_context.set_storage_state({"cookies": [], "origins": []})  # while a tab is open: with none, Playwright opens one
    opened.close()


def emptied_in_place(tab) -> bool:
    """Empty the storage of the one origin ``tab`` is on, from the tab: Playwright's set_storage_state
    loads a page of each origin to do it, about 0.3 s of CPU a test. False if the tab cannot."""
    if tab.is_closed():
        return False
    try:
        tab.evaluate(EMPTY_STORAGE)
    except PlaywrightError:
        return False
    return True


def web_origin(url: str) -> tuple[str, str] | None:
    scheme, host = urlsplit(url)[:2]
    return (scheme, host) if scheme in ("http", "https") else None


@pytest.fixture(scope="session")
def site_with_untranslated_page(tmp_path_factory):
    """The real site plus a page that exists only in French, served under a path (/docs/)."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    (project / "docs/fr/brouillon.md").write_text(
        "---\ntitle: Brouillon\ndescription: Une page pas encore traduite.\n---\n\n# Brouillon {#draft}\n\nTexte seulement en français sur l'autohébergement.\n",
        encoding="utf-8",
    )
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config_text + "  - Brouillon: brouillon.md\n", encoding="utf-8")
    return build_site(project, project / "site", "https://example.org/docs/")
