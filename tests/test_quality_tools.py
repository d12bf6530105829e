"""The quality commands' own parts: the gzip static host, one-language previews, synthetic sites."""

from __future__ import annotations

import gzip
import urllib.request

import pytest

from sitebuild import PROJECT, build_site

import build_benchmark
from bilingual_site.tools.gzip_server import GzipServer, should_compress


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


def test_a_synthetic_site_without_the_parallel_views_lists_every_other_hook(tmp_path):
    project = build_benchmark.generate_site(tmp_path / "synthetic", 3, without_hooks=("hooks/parallel_view.py",))
    hooks = [line.strip()[2:] for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if line.startswith("  - hooks/")]
    expected = [line.strip()[2:] for line in (PROJECT / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if line.startswith("  - hooks/")]
    assert "hooks/parallel_view.py" in expected
    assert hooks == [hook for hook in expected if hook != "hooks/parallel_view.py"]
    with pytest.raises(SystemExit, match="lists no hook hooks/gone.py"):
        build_benchmark.generate_site(tmp_path / "other", 3, without_hooks=("hooks/gone.py",))


def test_synthetic_sites_have_untranslated_pages_and_build_strictly(tmp_path):
    project = build_benchmark.generate_site(tmp_path / "synthetic", 12)
    french = sorted((project / "docs/fr").rglob("*.md"))
    english = sorted((project / "docs/en").rglob("*.md"))
    assert len(french) == 13 and len(english) == 13 - 3  # pages 0, 5 and 10 are left untranslated
    site = build_site(project, tmp_path / "site", "http://127.0.0.1:8000/")
    fallback = (site / "en" / build_benchmark.page_path(5)).with_suffix(".html").read_text(encoding="utf-8")
    assert 'data-translation-status="untranslated"' in fallback


def test_a_timed_build_measures_the_time_inside_each_hook(tmp_path):
    project = build_benchmark.generate_site(tmp_path / "synthetic", 3)
    result = build_benchmark.timed_build(project, tmp_path / "sites")
    assert (tmp_path / "sites" / "synthetic" / "index.html").is_file()  # built where it was told
    listed = {line.strip()[2:] for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines() if line.startswith("  - hooks/")}
    # Every listed hook has events, and only hooks are counted (not Material's or the i18n plugin's).
    assert set(result["by_hook"]) == listed
    assert all(spent > 0 for spent in result["by_hook"].values())
    assert result["inside_hooks"] == pytest.approx(sum(result["by_hook"].values()))
    assert 0 < result["inside_hooks"] < result["seconds"]
