"""The quality commands' own parts: the gzip static host, one-language previews, synthetic sites."""

from __future__ import annotations

import gzip
import urllib.request

import pytest

from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from sitebuild import DEFAULT_LANGUAGE, PROJECT, TRANSLATION_LANGUAGES, build_site, copy_project

import build_benchmark
from bilingual_site.tools.gzip_server import GzipServer, should_compress
from bilingual_site.parallel.views import FOLDER, view_path
from bilingual_site.mkdocs.plugin import BilingualSitePlugin
from bilingual_site.mkdocs.config_file import load_project


def fetch(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        return urllib.request.urlopen(request)
    except urllib.error.HTTPError as error:
        return error


def test_gzip_server_compresses_text_like_a_static_host(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en/index.html").write_text("<p>home</p>" * 100, encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>missing</p>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(200))
    with GzipServer(tmp_path) as server:
        home = fetch(server.url + "en/")
        assert home.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(home.read()) == ("<p>home</p>" * 100).encode()
        plain = fetch(server.url + "en/index.html", gzip_ok=False)
        assert plain.headers["Content-Encoding"] is None and len(plain.read()) == 1100
        assert fetch(server.url + "logo.png").headers["Content-Encoding"] is None  # already compressed
        missing = fetch(server.url + "nowhere.html")
        assert missing.status == 404 and b"missing" in gzip.decompress(missing.read())


@pytest.mark.parametrize(
    "content_type, accept, expected",
    [
        ("text/html", "gzip, deflate, br", True),
        ("application/json", "br;q=1.0, gzip;q=0.8", True),
        ("image/svg+xml", "gzip", True),
        ("image/png", "gzip", False),
        ("font/woff2", "gzip", False),
        ("text/css", "identity", False),
    ],
)
def test_what_gets_compressed(content_type, accept, expected):
    assert should_compress(content_type, accept) is expected


@pytest.mark.parametrize("language, other", [("fr", "en"), ("en", "fr")])
def test_a_one_language_preview_builds_that_language_alone_at_the_root(tmp_path, monkeypatch, language, other):
    monkeypatch.setenv("BUILD_ONLY_LOCALE", language)
    site = build_site(PROJECT, tmp_path / "site", "http://127.0.0.1:8000/")
    note = (site / "note.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in note
    assert not (site / other).exists() and not (site / "en").exists()
    # A parallel view needs both languages' pages: a preview has neither views nor links to them.
    assert not (site / "parallel").exists() and "data-parallel-link" not in note
    assert (site / "search/search_index.json").is_file()


@pytest.mark.parametrize("language", TRANSLATION_LANGUAGES)
def test_a_one_language_preview_names_the_original_it_cannot_serve(tmp_path, monkeypatch, caplog, language):
    # The i18n plugin serves an original in place of a missing translation only in a whole build.
    monkeypatch.setenv("BUILD_ONLY_LOCALE", language)
    project = copy_project(tmp_path / "project")
    draft = project / "docs" / DEFAULT_LANGUAGE / "brouillon.md"
    draft.write_text("---\ntitle: Brouillon\ndescription: Pas encore traduite.\n---\n\n# Brouillon\n\nTexte.\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, tmp_path / "site", "http://127.0.0.1:8000/")
    assert (
        f"docs/{DEFAULT_LANGUAGE}/brouillon.md: no translation docs/{language}/brouillon.md, and a preview of one language "
        f"(BUILD_ONLY_LOCALE={language}) cannot serve the original in its place: preview the whole site (./tasks.sh serve)"
    ) in caplog.text
    assert "no original" not in caplog.text  # the preview's language is not the originals'


def config_data(path):
    """A configuration file as YAML data, its `!ENV` values kept (the benchmark's own reader)."""
    return build_benchmark.read_config(path)


def test_the_three_benchmark_configurations_are_what_they_say(tmp_path, monkeypatch):
    monkeypatch.delenv("BUILD_ONLY_LOCALE", raising=False)
    project = build_benchmark.generate_site(tmp_path / "synthetic", 3)
    full, no_views, material = (project / kind.config_file for kind in (build_benchmark.FULL, build_benchmark.NO_VIEWS, build_benchmark.MATERIAL_ONLY))
    # (c) is the project's configuration, `!ENV` values included, with only the real page tree dropped.
    original = config_data(PROJECT / "mkdocs.yml")
    assert "nav" in original
    assert config_data(full) == {key: value for key, value in original.items() if key != "nav"}
    plugin = build_benchmark.PLUGIN
    loaded, views_option = {}, {}
    for path in (full, no_views, material):
        loaded[path.name] = load_config(str(path), site_dir=str(tmp_path / "unused"))
        # Read now: MkDocs keeps one instance of a plugin with an on_startup event for the whole process.
        if plugin in loaded[path.name].plugins:
            views_option[path.name] = loaded[path.name].plugins[plugin].config.parallel_views
    # (c) and (b): the site's plugin with the views on and off; (b) differs from (c) in nothing else.
    assert views_option == {full.name: True, no_views.name: False}
    without_option = config_data(no_views)
    without_option["plugins"] = [plugin if entry == {plugin: {"parallel_views": False}} else entry for entry in without_option["plugins"]]
    assert without_option == config_data(full)
    # (a): Material and static-i18n alone: no site plugin, no overrides, no project stylesheet;
    # the same plugins otherwise, theme features and Markdown extensions.
    alone, site = loaded[material.name], loaded[full.name]
    assert plugin not in alone.plugins and plugin in site.plugins
    assert list(alone.plugins) == [name for name in site.plugins if name != plugin]
    # Every other plugin (search, i18n) with the same options, as written.
    other_plugins = [entry for entry in config_data(full)["plugins"] if build_benchmark.plugin_name(entry) != plugin]
    assert config_data(material)["plugins"] == other_plugins
    assert alone.theme.custom_dir is None and site.theme.custom_dir is not None
    assert alone.extra_css == [] and site.extra_css != []
    assert alone.theme["features"] == site.theme["features"] and alone.theme.name == site.theme.name == "material"
    assert alone.markdown_extensions == site.markdown_extensions
    assert alone.mdx_configs == site.mdx_configs


def test_a_full_synthetic_site_builds_strictly_with_fallbacks_views_and_timed_plugin_events(tmp_path, monkeypatch):
    monkeypatch.delenv("BUILD_ONLY_LOCALE", raising=False)
    project = build_benchmark.generate_site(tmp_path / "synthetic", 12)
    french = sorted((project / "docs/fr").rglob("*.md"))
    english = sorted((project / "docs/en").rglob("*.md"))
    assert len(french) == 13 and len(english) == 13 - 3  # pages 0, 5 and 10 are left untranslated
    site = tmp_path / "site"
    result = build_benchmark.measure_build(str(project / build_benchmark.FULL.config_file), str(site))
    fallback = (site / "en" / build_benchmark.page_path(5)).with_suffix(".html").read_text(encoding="utf-8")
    assert 'data-translation-status="untranslated"' in fallback
    # A view of each translated page, in the original's interface (at the root), for each translation.
    translation_project = load_project(project / "mkdocs.yml")
    translated = [number for number in range(12) if build_benchmark.is_translated(number)]
    for translation in translation_project.translation_languages:
        for number in translated:
            assert (site / view_path(build_benchmark.page_path(number), translation)).with_suffix(".html").is_file()
    # Every event method of the plugin's own is timed, in every language's build, and only those,
    # with the work of its Markdown extensions inside MkDocs' rendering of each page.
    defined = {name for name in dir(BilingualSitePlugin) if name.startswith("on_") and getattr(BilingualSitePlugin, name) is not getattr(BasePlugin, name, None)}
    timed_parts = defined - {"on_build_error", "on_serve"} | {build_benchmark.MARKDOWN_EXTENSIONS}
    assert set(result["plugin_events"]) == set(result["plugin_calls"]) == timed_parts
    assert result["plugin_calls"]["on_config"] == len(translation_project.languages)
    assert set(result["plugin_events_cpu"]) == timed_parts
    assert result["plugin_calls"][build_benchmark.MARKDOWN_EXTENSIONS] > 3 * build_benchmark.pages_built(12)  # blocks of every page
    assert result["plugin_calls"]["on_page_markdown"] >= build_benchmark.pages_built(12)
    assert 0 < sum(result["plugin_events"].values()) <= result["seconds"]
    assert 0 < sum(result["plugin_events_cpu"].values()) <= result["cpu_seconds"]


def test_without_the_parallel_views_no_view_is_built_or_linked(tmp_path, monkeypatch):
    monkeypatch.delenv("BUILD_ONLY_LOCALE", raising=False)
    project = build_benchmark.generate_site(tmp_path / "synthetic", 3)
    site = tmp_path / "site"
    result = build_benchmark.measure_build(str(project / build_benchmark.NO_VIEWS.config_file), str(site))
    pages = [path for path in site.rglob("*.html") if "assets" not in path.relative_to(site).parts]
    assert not [path for path in site.rglob("*") if FOLDER in path.relative_to(site).parts]
    assert all("data-parallel-link" not in path.read_text(encoding="utf-8") for path in pages)
    # No views' page shell either: MkDocs builds the Markdown pages alone, each once.
    assert result["plugin_calls"]["on_page_context"] == build_benchmark.pages_built(3)
    assert 0 < sum(result["plugin_events"].values()) <= result["seconds"]
    assert 0 < sum(result["plugin_events_cpu"].values()) <= result["cpu_seconds"]


def test_material_alone_is_timed_in_a_fresh_process_with_no_site_code(tmp_path):
    project = build_benchmark.generate_site(tmp_path / "synthetic", 3)
    result = build_benchmark.timed_build(project, build_benchmark.MATERIAL_ONLY, tmp_path / "sites")
    assert result["plugin_events"] == result["plugin_events_cpu"] == result["plugin_calls"] == {}
    assert result["html_files"] >= build_benchmark.pages_built(3) and result["view_files"] == 0
    assert result["seconds"] > 0 and result["cpu_seconds"] > 0
    assert not (tmp_path / "sites" / build_benchmark.MATERIAL_ONLY.key).exists()  # deleted once counted
