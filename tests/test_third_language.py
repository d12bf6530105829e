"""Adding a language is one entry in mkdocs.yml and a folder: proved with German on a copy of the site."""

from __future__ import annotations

import json
import shutil

from bilingual_site.translation.cli import main
from html_pages import content_wrapper, parse
from bilingual_site.mkdocs.config_file import load_project
from sitebuild import PROJECT, build_site, copy_project


def add_german(project) -> None:
    """Duplicate the English entry of the i18n plugin as `de`, and translate one page (by copying it)."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("        - locale: en\n")
    end = config.index("\n\n", start)  # the English entry ends the list of languages
    german = config[start:end].replace("- locale: en", "- locale: de").replace("name: English", "name: Deutsch")
    german = german.replace("site_name: vLLM adoption", "site_name: vLLM-Einsatz")
    (project / "mkdocs.yml").write_text(config[:end] + "\n" + german + config[end:], encoding="utf-8")
    (project / "docs/de").mkdir()
    shutil.copy(project / "docs/fr/about.md", project / "docs/de/about.md")


def test_a_third_language_builds_and_is_tracked(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    add_german(project)
    assert main(["record", "docs/de/about.md", "--project", str(project), "--date", "2026-11-26"]) == 0
    capsys.readouterr()
    assert main(["status", "--project", str(project), "--json"]) == 1  # German pages left to translate
    statuses = {(item["language"], item["page"]): item["status"] for item in json.loads(capsys.readouterr().out)}
    assert statuses[("de", "about.md")] == "current"
    assert statuses[("de", "note.md")] == "untranslated"
    assert statuses[("en", "note.md")] == "current"

    site = build_site(project, tmp_path / "site", "https://example.org/")
    assert content_wrapper(parse(site, "de/about.html"))["data-translation-status"] == "current"
    assert content_wrapper(parse(site, "de/note.html"))["data-translation-status"] == "untranslated"
    hreflang = {link["hreflang"] for link in parse(site, "en/about.html").select('link[rel="alternate"][hreflang]')}
    assert hreflang == {"fr", "en", "de", "x-default"}
    assert (site / "de/search/search_index.json").is_file() and (site / "de/sitemap.xml").is_file()
    report = parse(site, "translation-status.html")
    assert [section["data-report-language"] for section in report.select("[data-report-language]")] == ["en", "de"]
    german = report.select_one("[data-report-language='de'] progress")
    assert 0 < int(german["value"]) < int(german["max"])

    # The note's copy in German (no translation yet) is the original: no edit button, the report link.
    note = parse(site, "de/note.html")
    assert note.select("a[rel=edit]") == []
    assert note.select_one("a[data-report-problem]")["href"].endswith("/issues/new?template=original-note.yml")
    # No glossary term is in German yet: the existing glossary pages keep their columns.
    for url in ("glossary.html", "en/glossary.html"):
        header = [cell.get_text(strip=True) for cell in parse(site, url).select("article thead th")]
        assert len(header) == len(load_project(PROJECT / "mkdocs.yml").languages) + 1, (url, header)
